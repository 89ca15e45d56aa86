// Adding an account: its settings (a Mastodon instance; an e-mail mailbox with its IMAP and SMTP
// servers; a Bluesky handle and PDS), the secret (with where to get it), its role, an optional
// name and how far back the first sync reads. "Test connection" says whose account it is; "Add
// account" verifies again and saves it. The secret lives in this component's state only, and is
// wiped after success or cancel. Mastodon accounts can instead sign in in the browser
// (BrowserSignIn): then this form holds only the sign-in's id, never a token.
import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_CONNECTOR_INFO, type AccountConnector } from '@shared/accountConnectors';
import type { Account } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { markers } from '../../components/templateParts';
import { TemplateText } from '../../components/TemplateText';
import {
  ADD_ACCOUNT_FIELDS,
  ADDABLE_CONNECTORS,
  affectsConnection,
  emptyAddAccountValues,
  firstError,
  hasField,
  instanceHost,
  maxBackfillDays,
  MAX_NAME_LENGTH,
  offersBrowserSignIn,
  toAccountDraft,
  toSignedInDraft,
  updateAddAccount,
  usesBrowserSignIn,
  validateAddAccount,
  type AddAccountErrors,
  type AddAccountField,
  type AddAccountValues,
  type EditableValues,
} from './accountForm';
import { BlueskySettings, EmailSettings, MastodonSettings, fieldId, type SettingsProps } from './connectorSettings';
import { errorFeedback } from './errorFeedback';
import { BrowserSignIn } from './BrowserSignIn';
import { RoleField, SignInMethodField, TokenField, useSecretText } from './fields';
import { FormFeedback, type Feedback } from './FormFeedback';
import { useBrowserSignIn } from './useBrowserSignIn';

type Busy = 'test' | 'add' | null;

/** Errors a change makes stale: the field's own, and those of the fields it fills in. */
const CLEARS: Partial<Record<keyof EditableValues, readonly AddAccountField[]>> = {
  address: ['address', 'imapHost', 'smtpHost'],
  imapTls: ['imapPort'],
  smtpTls: ['smtpPort'],
  signInMethod: ['signIn', 'token'],
};

export function AddAccountForm({ onAdded, onCancel }: { onAdded(account: Account): void; onCancel(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [values, setValues] = useState<AddAccountValues>(() => emptyAddAccountValues());
  const [errors, setErrors] = useState<AddAccountErrors>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState<Busy>(null);
  /** Bumped when what a test speaks of changes: a late answer about old values is dropped. */
  const generation = useRef(0);
  const secretText = useSecretText()(values.connector);
  const maxDays = maxBackfillDays(values.connector);
  const signIn = useBrowserSignIn((failure) => setFeedback(errorFeedback(t, failure, 'browserSignInFailed')));
  const browser = usesBrowserSignIn(values);
  const signedIn = signIn.state.step === 'signedIn' ? signIn.state : null;

  const change = <K extends keyof EditableValues>(key: K, value: EditableValues[K]) => {
    setValues((v) => updateAddAccount(v, key, value));
    // A sign-in in the browser is for one instance: another one (or platform) starts over.
    if ((key === 'instanceUrl' || key === 'connector') && (signIn.state.step !== 'idle' || signIn.busy)) signIn.reset();
    // Another platform asks for other fields: nothing said about the old ones stands.
    const stale: readonly string[] = key === 'connector' ? ADD_ACCOUNT_FIELDS : (CLEARS[key] ?? [key]);
    if (stale.some((f) => f in errors)) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !stale.includes(f))));
    // A test result speaks of the account settings and secret it was made with.
    if (affectsConnection(key)) {
      generation.current += 1;
      setFeedback(null);
    }
  };

  const error = (field: AddAccountField): string | undefined => {
    const key = errors[field];
    if (key === undefined) return undefined;
    if (key === 'required.secret') return secretText.required;
    if (key === 'required.signIn') return t('accounts.form.required.signIn');
    if (key === 'backfillRange') return t('accounts.form.backfillRange', { max: maxDays });
    return t(`accounts.form.${key}`);
  };

  /** Checks the form; on a problem, focuses the first field that has one. */
  const check = (): boolean => {
    const found = validateAddAccount(values, { signedIn: signedIn !== null });
    setErrors(found);
    const first = firstError(found);
    if (first) document.getElementById(fieldId(first))?.focus();
    return first === null;
  };

  const wipe = () => setValues((v) => ({ ...v, token: '' }));

  const test = async () => {
    if (busy || !check()) return;
    setBusy('test');
    setFeedback(null);
    const asked = generation.current;
    try {
      const identity = await desk.testAccountConnection(toAccountDraft(values));
      if (asked !== generation.current) return;
      const m = markers('handle', 'name');
      setFeedback({
        kind: 'success',
        message: <TemplateText template={t('accounts.result.connectedAs', m)} values={identity} />,
      });
    } catch (error) {
      if (asked === generation.current) setFeedback(errorFeedback(t, error, 'connectionFailed'));
    } finally {
      setBusy(null);
    }
  };

  /** "Sign in with …": needs the instance first (the rest of the form can wait). */
  const startSignIn = () => {
    if (signIn.busy) return;
    setFeedback(null);
    if (!values.instanceUrl.trim()) {
      setErrors((e) => ({ ...e, instanceUrl: 'required.instanceUrl' }));
      document.getElementById(fieldId('instanceUrl'))?.focus();
      return;
    }
    setErrors(({ instanceUrl: _i, signIn: _s, ...rest }) => rest);
    void signIn.start({ instanceUrl: values.instanceUrl.trim() });
  };

  const finishSignIn = async (code: string) => {
    setFeedback(null);
    if (await signIn.finish(code)) setErrors(({ signIn: _s, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || signIn.busy || !check()) return;
    setBusy('add');
    setFeedback(null);
    try {
      const name = values.name.trim();
      const draft = browser && signedIn ? toSignedInDraft(values, signedIn.signInId) : toAccountDraft(values);
      const account = await desk.addAccount({ ...draft, role: values.role, name: name || undefined });
      if (browser) signIn.used();
      wipe();
      onAdded(account);
    } catch (error) {
      if (browser) signIn.failed(error);
      setFeedback(errorFeedback(t, error, 'addFailed'));
      setBusy(null);
    }
  };

  const cancel = () => {
    wipe();
    signIn.reset();
    onCancel();
  };

  const settings: SettingsProps = { values, change, error };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy !== null} data-testid="add-account-form">
      <Stack gap="md">
        {ADDABLE_CONNECTORS.length > 1 && (
          <NativeSelect
            label={t('accounts.form.platform')}
            value={values.connector}
            onChange={(e) => change('connector', e.currentTarget.value as AccountConnector)}
            data={ADDABLE_CONNECTORS.map((c) => ({ value: c, label: t(`platform.${ACCOUNT_CONNECTOR_INFO[c].platform}`) }))}
          />
        )}
        {hasField(values.connector, 'instanceUrl') && <MastodonSettings {...settings} />}
        {hasField(values.connector, 'address') && <EmailSettings {...settings} />}
        {hasField(values.connector, 'handle') && <BlueskySettings {...settings} />}
        {offersBrowserSignIn(values.connector) && <SignInMethodField value={values.signInMethod} onChange={(v) => change('signInMethod', v)} />}
        {browser ? (
          <BrowserSignIn
            signIn={signIn}
            host={instanceHost(values.instanceUrl)}
            hint={t('accounts.browserSignIn.hint')}
            onStart={startSignIn}
            onFinish={(code) => void finishSignIn(code)}
            error={error('signIn')}
            buttonId={fieldId('signIn')}
          />
        ) : (
          <TokenField
            connector={values.connector}
            id={fieldId('token')}
            label={secretText.label}
            value={values.token}
            onChange={(v) => change('token', v)}
            error={error('token')}
          />
        )}
        <RoleField value={values.role} onChange={(v) => change('role', v)} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
          <TextInput
            label={t('accounts.form.name')}
            description={t('accounts.form.nameHint')}
            value={values.name}
            onChange={(e) => change('name', e.currentTarget.value)}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="off"
          />
          {hasField(values.connector, 'backfillDays') && (
            <NumberInput
              id={fieldId('backfillDays')}
              label={t('accounts.form.backfillDays')}
              description={t(values.connector === 'email' ? 'accounts.form.backfillHintEmail' : 'accounts.form.backfillHint', { max: maxDays })}
              value={values.backfillDays}
              onChange={(v) => change('backfillDays', v)}
              error={error('backfillDays')}
              min={0}
              max={maxDays}
              step={1}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
            />
          )}
        </SimpleGrid>
        <FormFeedback feedback={feedback} />
        <Group justify={browser ? 'flex-end' : 'space-between'} gap="sm">
          {/* Signing in in the browser already says whose account it is. */}
          {!browser && (
            <Button variant="default" onClick={() => void test()} loading={busy === 'test'} disabled={busy === 'add'}>
              {t('accounts.form.test')}
            </Button>
          )}
          <Group gap="sm">
            <Button variant="subtle" color="gray" onClick={cancel} disabled={busy === 'add'}>
              {t('accounts.form.cancel')}
            </Button>
            <Button type="submit" loading={busy === 'add'} disabled={busy === 'test'}>
              {t('accounts.form.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
