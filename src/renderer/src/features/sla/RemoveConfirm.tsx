// Removing a policy or a calendar, after saying what it means. The core may refuse (a calendar a
// policy still counts in): its reason is shown and nothing is removed.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describeError';
import { SlaFeedback, type SlaError } from './SlaFeedback';

export function RemoveConfirm({
  question,
  details,
  confirmLabel,
  failedTitle,
  onConfirm,
  onRemoved,
  onCancel,
  testId,
}: {
  question: ReactNode;
  details: ReactNode;
  confirmLabel: string;
  failedTitle: string;
  onConfirm(): Promise<unknown>;
  onRemoved(): void;
  onCancel(): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<SlaError>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
      onRemoved();
    } catch (error) {
      setFailure({ title: failedTitle, message: describeError(t, error) });
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" data-testid={testId}>
      <Text fw={600} id={`${testId}-question`}>
        {question}
      </Text>
      <Text size="sm" component="div">
        {details}
      </Text>
      <SlaFeedback error={failure} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy} data-autofocus>
          {t('slaSettings.cancel')}
        </Button>
        <Button color="red" onClick={() => void remove()} loading={busy} aria-describedby={`${testId}-question`}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
