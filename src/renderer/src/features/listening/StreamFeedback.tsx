// A failed call in the listening dialog, announced: the alert region exists before anything is
// put in it. The message is the core's own words (e.g. why a platform cannot listen): text only.
import { Alert } from '@mantine/core';

export type StreamError = { title: string; message: string } | null;

export function StreamFeedback({ error }: { error: StreamError }) {
  return (
    <div role="alert" aria-atomic="true" data-testid="listening-error">
      {error && (
        <Alert role="none" color="red" variant="light" title={error.title} py={8}>
          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{error.message}</span>
        </Alert>
      )}
    </div>
  );
}
