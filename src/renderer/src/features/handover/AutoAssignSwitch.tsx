// The workspace's auto-assignment setting, in the handover panel: new conversations go round
// robin to the agents on shift who cover their queue and speak their language.
import { Alert, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';

export function AutoAssignSwitch() {
  const { t } = useTranslation();
  const desk = useDesk();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    desk.getAutoAssignment({}).then(
      (settings) => current && setEnabled(settings.enabled),
      (error: unknown) => current && setFailure(describeError(t, error)),
    );
    return () => {
      current = false;
    };
  }, [desk, t]);

  const change = async (next: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      setEnabled((await desk.setAutoAssignment({ enabled: next })).enabled);
    } catch (error) {
      setFailure(describeError(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Switch
        label={t('handover.autoAssign')}
        checked={enabled ?? false}
        disabled={enabled === null || busy}
        onChange={(e) => void change(e.currentTarget.checked)}
      />
      <Text size="xs" c="dimmed" ms={46}>
        {t('handover.autoAssignHint')}
      </Text>
      {failure && (
        <Alert color="red" role="alert" mt="xs">
          {failure}
        </Alert>
      )}
    </div>
  );
}
