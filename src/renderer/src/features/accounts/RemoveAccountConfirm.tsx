// Removing an account, after saying exactly what goes: its conversations in this desk and its
// credentials in the keychain; nothing on the platform.
import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { useAccountLabel } from '../../components/useAccountLabel';
import { markers } from '../../components/templateParts';
import { TemplateText } from '../../components/TemplateText';
import { errorFeedback } from './errorFeedback';
import { secretKind } from './fields';
import { FormFeedback, type Feedback } from './FormFeedback';

export function RemoveAccountConfirm({ account, onRemoved, onCancel }: { account: Account; onRemoved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const accountLabel = useAccountLabel();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setFeedback(null);
    try {
      await desk.removeAccount({ id: account.id });
      onRemoved();
    } catch (error) {
      setFeedback(errorFeedback(t, error, 'removeFailed'));
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" data-testid="remove-account-confirm">
      <Text fw={600} id="remove-account-question">
        <TemplateText template={t('accounts.removeConfirm.question', markers('account', 'handle'))} values={{ account: accountLabel(account), handle: account.handle }} />
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('accounts.removeConfirm.conversations')}</List.Item>
        {account.secretBackend && <List.Item>{t(`accounts.removeConfirm.keychain.${secretKind(account.connector)}`)}</List.Item>}
        <List.Item>{t('accounts.removeConfirm.platform', { platform: t(`platform.${account.platform}`) })}</List.Item>
      </List>
      <FormFeedback feedback={feedback} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy} data-autofocus>
          {t('accounts.form.cancel')}
        </Button>
        <Button color="red" onClick={() => void remove()} loading={busy} aria-describedby="remove-account-question">
          {t('accounts.removeConfirm.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
