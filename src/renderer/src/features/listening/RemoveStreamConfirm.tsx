// Removing a listening stream, after saying what stays: the conversations it already found.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListeningStream } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { markers } from '../../components/templateParts';
import { TemplateText } from '../../components/TemplateText';
import { StreamFeedback, type StreamError } from './StreamFeedback';

export function RemoveStreamConfirm({
  stream,
  accountLabel,
  onRemoved,
  onCancel,
}: {
  stream: ListeningStream;
  accountLabel: string;
  onRemoved(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [failure, setFailure] = useState<StreamError>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await desk.removeListeningStream({ id: stream.id });
      onRemoved();
    } catch (error) {
      setFailure({ title: t('listening.result.removeFailed'), message: describeError(t, error) });
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" data-testid="remove-stream-confirm">
      <Text fw={600} id="remove-stream-question">
        <TemplateText template={t('listening.removeConfirm.question', markers('name', 'account'))} values={{ name: stream.name, account: accountLabel }} />
      </Text>
      <Text size="sm">{t('listening.removeConfirm.conversations')}</Text>
      <StreamFeedback error={failure} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy} data-autofocus>
          {t('listening.form.cancel')}
        </Button>
        <Button color="red" onClick={() => void remove()} loading={busy} aria-describedby="remove-stream-question">
          {t('listening.removeConfirm.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
