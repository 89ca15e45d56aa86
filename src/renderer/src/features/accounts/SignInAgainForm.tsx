// New credentials (an access token, a password or an app password) for an account whose old
// ones stopped working (or are missing from the keychain). The core verifies them before they
// replace the old ones. Wiped after success or cancel. A Mastodon account can instead sign in in
// the browser on its own instance: "Finish sign-in" then renews it at once (the core checks that
// the agent signed in as this very account).
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountConnector } from '@shared/accountConnectors';
import type { Account } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { useAccountLabel } from '../../components/useAccountLabel';
import { markers } from '../../components/templateParts';
import { TemplateText } from '../../components/TemplateText';
import { defaultSignInMethod, instanceHost, offersBrowserSignIn, type SignInMethod } from './accountForm';
import { BrowserSignIn } from './BrowserSignIn';
import { errorFeedback } from './errorFeedback';
import { secretKind, SignInMethodField, TokenField, useSecretText } from './fields';
import { FormFeedback, type Feedback } from './FormFeedback';
import { useBrowserSignIn } from './useBrowserSignIn';

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
  const [method, setMethod] = useState<SignInMethod>(() => defaultSignInMethod(connector));
  const [methodError, setMethodError] = useState(false);
  const signIn = useBrowserSignIn((failure) => setFeedback(errorFeedback(t, failure, 'browserSignInFailed')));
  const browser = method === 'browser' && offersBrowserSignIn(connector);
  // The account's own instance, from its handle (@brand@mastodon.social): the core knows it for sure.
  const host = instanceHost(account.handle.split('@').at(-1) ?? '');

  /** Saves a finished browser sign-in as the account's new credentials. */
  const renew = async (signInId: string) => {
    setBusy(true);
    setFeedback(null);
    try {
      const updated = await desk.updateAccount({ id: account.id, name: account.name, role: account.role, signInId });
      signIn.used();
      onDone(updated);
    } catch (failure) {
      signIn.failed(failure);
      setFeedback(errorFeedback(t, failure, 'signInFailed'));
      setBusy(false);
    }
  };

  const startSignIn = () => {
    if (busy || signIn.busy) return;
    setFeedback(null);
    setMethodError(false);
    void signIn.start({ accountId: account.id });
  };

  const finishSignIn = async (code: string) => {
    if (busy) return;
    setFeedback(null);
    const done = await signIn.finish(code);
    if (done) await renew(done.signInId);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || signIn.busy) return;
    if (browser) {
      // Only a finished sign-in whose renewal failed can be saved from here; otherwise sign in first.
      if (signIn.state.step === 'signedIn') await renew(signIn.state.signInId);
      else if (signIn.state.step === 'idle') setMethodError(true);
      return;
    }
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
    signIn.reset();
    onCancel();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="sign-in-again-form">
      <Stack gap="md">
        <Text size="sm">
          <TemplateText
            template={t(`accounts.form.signInFor.${browser ? 'browser' : secretKind(connector)}`, markers('account', 'handle'))}
            values={{ account: accountLabel(account), handle: account.handle }}
          />
        </Text>
        {offersBrowserSignIn(connector) && (
          <SignInMethodField
            value={method}
            onChange={(v) => {
              setMethod(v);
              setMethodError(false);
              setError(undefined);
            }}
          />
        )}
        {browser ? (
          <BrowserSignIn
            signIn={signIn}
            host={host}
            hint={t('accounts.browserSignIn.hintRenew', { host: host ?? '', handle: account.handle })}
            onStart={startSignIn}
            onFinish={(code) => void finishSignIn(code)}
            error={methodError ? t('accounts.browserSignIn.required', { host: host ?? '' }) : undefined}
            autoFocus
          />
        ) : (
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
        )}
        <FormFeedback feedback={feedback} />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={cancel} disabled={busy}>
            {t('accounts.form.cancel')}
          </Button>
          {/* In the browser, "Finish sign-in" renews the account; this only retries a renewal that failed. */}
          {(!browser || signIn.state.step === 'signedIn') && (
            <Button type="submit" loading={busy}>
              {t('accounts.form.signIn')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
