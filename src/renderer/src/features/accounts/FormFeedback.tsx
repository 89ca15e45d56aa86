// The outcome of a call in an account form, announced: two live regions that exist before
// anything is put in them (success: polite status; failure: alert).
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

export type Feedback = { kind: 'success'; message: ReactNode } | { kind: 'error'; title: string; message: string } | null;

export function FormFeedback({ feedback }: { feedback: Feedback }) {
  return (
    <>
      <div role="status" aria-atomic="true" data-testid="account-form-status">
        {feedback?.kind === 'success' && (
          <Alert role="none" color="teal" variant="light" py={8}>
            {feedback.message}
          </Alert>
        )}
      </div>
      <div role="alert" aria-atomic="true" data-testid="account-form-error">
        {feedback?.kind === 'error' && (
          <Alert role="none" color="red" variant="light" title={feedback.title} py={8}>
            {/* The core's (or the platform's) words: text only. */}
            <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{feedback.message}</span>
          </Alert>
        )}
      </div>
    </>
  );
}
