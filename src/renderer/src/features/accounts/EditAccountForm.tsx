// Renaming an account and changing its role (demo accounts too).
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountRole } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { MAX_NAME_LENGTH } from './accountForm';
import { AccountSummary } from './AccountSummary';
import { errorFeedback } from './errorFeedback';
import { RoleField } from './fields';
import { FormFeedback, type Feedback } from './FormFeedback';

export function EditAccountForm({ account, onSaved, onCancel }: { account: Account; onSaved(account: Account): void; onCancel(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [name, setName] = useState(account.name);
  const [role, setRole] = useState<AccountRole>(account.role);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFeedback(null);
    try {
      onSaved(await desk.updateAccount({ id: account.id, name: name.trim() || account.name, role }));
    } catch (error) {
      setFeedback(errorFeedback(t, error, 'saveFailed'));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="edit-account-form">
      <Stack gap="md">
        <AccountSummary account={account} />
        <TextInput
          label={t('accounts.form.nameEdit')}
          description={t('accounts.form.nameHint')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="off"
          data-autofocus
        />
        <RoleField value={role} onChange={setRole} />
        <FormFeedback feedback={feedback} />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
            {t('accounts.form.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('accounts.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
