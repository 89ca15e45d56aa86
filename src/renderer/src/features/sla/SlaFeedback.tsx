// A refused or failed call in the SLA settings, announced: the alert region exists before anything
// is put in it. The message is the core's own words (e.g. why a calendar cannot be removed).
import { Alert } from '@mantine/core';

export type SlaError = { title: string; message: string } | null;

export function SlaFeedback({ error }: { error: SlaError }) {
  return (
    <div role="alert" aria-atomic="true" data-testid="sla-error">
      {error && (
        <Alert role="none" color="red" variant="light" title={error.title} py={8}>
          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{error.message}</span>
        </Alert>
      )}
    </div>
  );
}
