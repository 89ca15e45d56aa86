// New credentials (an access token, a password or an app password) for an account whose old
// ones stopped working (or are missing from the keychain). The core verifies them before they
// replace the old ones. Wiped after success or cancel.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountConnector } from '@shared/accountConnectors';
import type { Account } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { useAccountLabel } from '../../components/useAccountLabel';
import { markers } from '../../components/templateParts';
import { TemplateText } from '../../components/TemplateText';
import { errorFeedback } from './errorFeedback';
import { secretKind, TokenField, useSecretText } from './fields';
import { FormFeedback, type Feedback } from './FormFeedback';

export function SignInAgainForm({
  account,
  connector,
  onDone,
  onCancel,
}: {
  account: Account;
  connector: AccountConnector;
  onDone(account: Account): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const desk = useDesk();
  const accountLabel = useAccountLabel();
  const secretText = useSecretText()(connector, true);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!token.trim()) {
      setError(secretText.required);
      return;
    }
    setBusy(true);
    setFeedback(null);
    try {
      // A mailbox password is taken as typed (spaces can be part of it); tokens are trimmed.
      const secret = secretKind(connector) === 'password' ? token : token.trim();
      const updated = await desk.updateAccount({ id: account.id, name: account.name, role: account.role, secret });
      setToken('');
      onDone(updated);
    } catch (failure) {
      setFeedback(errorFeedback(t, failure, 'signInFailed'));
      setBusy(false);
    }
  };

  const cancel = () => {
    setToken('');
    onCancel();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="sign-in-again-form">
      <Stack gap="md">
        <Text size="sm">
          <TemplateText template={t(`accounts.form.signInFor.${secretKind(connector)}`, markers('account', 'handle'))} values={{ account: accountLabel(account), handle: account.handle }} />
        </Text>
        <TokenField
          connector={connector}
          label={secretText.label}
          value={token}
          onChange={(v) => {
            setToken(v);
            setError(undefined);
          }}
          error={error}
          autoFocus
        />
        <FormFeedback feedback={feedback} />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={cancel} disabled={busy}>
            {t('accounts.form.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('accounts.form.signIn')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
