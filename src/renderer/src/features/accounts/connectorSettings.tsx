// The settings each kind of account asks for on the add form: a Mastodon instance; an e-mail
// mailbox (address, sender name, login, IMAP and SMTP servers); a Bluesky handle and its PDS.
// The form owns the values, errors and focus; these only lay the fields out.
import { Fieldset, NumberInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AddAccountField, AddAccountValues, EditableValues } from './accountForm';

/** Each checked field's element id: the form focuses the first one with a problem. */
export const fieldId = (field: AddAccountField): string => `add-account-${field}`;

export interface SettingsProps {
  values: AddAccountValues;
  change<K extends keyof EditableValues>(key: K, value: EditableValues[K]): void;
  /** The problem with a field, in words, or undefined. */
  error(field: AddAccountField): string | undefined;
}

/** Names, addresses and server names: typed exactly, never corrected or remembered by the browser. */
const PLAIN = { autoComplete: 'off', autoCapitalize: 'off', autoCorrect: 'off', spellCheck: false } as const;

export function MastodonSettings({ values, change, error }: SettingsProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      id={fieldId('instanceUrl')}
      label={t('accounts.form.instanceUrl')}
      description={t('accounts.form.instanceUrlHint')}
      placeholder="mastodon.social"
      withAsterisk
      value={values.instanceUrl}
      onChange={(e) => change('instanceUrl', e.currentTarget.value)}
      error={error('instanceUrl')}
      type="text"
      inputMode="url"
      {...PLAIN}
      maxLength={500}
      data-autofocus
    />
  );
}

export function EmailSettings({ values, change, error }: SettingsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <TextInput
        id={fieldId('address')}
        label={t('accounts.form.address')}
        description={t('accounts.form.addressHint')}
        placeholder="help@example.com"
        withAsterisk
        value={values.address}
        onChange={(e) => change('address', e.currentTarget.value)}
        error={error('address')}
        type="email"
        inputMode="email"
        {...PLAIN}
        maxLength={320}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
        <TextInput
          label={t('accounts.form.fromName')}
          description={t('accounts.form.fromNameHint')}
          value={values.fromName}
          onChange={(e) => change('fromName', e.currentTarget.value)}
          autoComplete="off"
          maxLength={200}
        />
        <TextInput
          id={fieldId('username')}
          label={t('accounts.form.username')}
          description={t('accounts.form.usernameHint')}
          // The default it stands for.
          placeholder={values.address.trim() || undefined}
          value={values.username}
          onChange={(e) => change('username', e.currentTarget.value)}
          error={error('username')}
          {...PLAIN}
          maxLength={320}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
        <ServerSettings protocol="imap" values={values} change={change} error={error} />
        <ServerSettings protocol="smtp" values={values} change={change} error={error} />
      </SimpleGrid>
    </Stack>
  );
}

/** One server (incoming or outgoing) as a named group: host, port and TLS. */
function ServerSettings({ protocol, values, change, error }: SettingsProps & { protocol: 'imap' | 'smtp' }) {
  const { t } = useTranslation();
  const [hostField, portField, tlsField] = protocol === 'imap' ? (['imapHost', 'imapPort', 'imapTls'] as const) : (['smtpHost', 'smtpPort', 'smtpTls'] as const);
  const tls = values[tlsField];
  return (
    <Fieldset legend={t(protocol === 'imap' ? 'accounts.form.incoming' : 'accounts.form.outgoing')} variant="filled" data-testid={`${protocol}-settings`}>
      <Stack gap="sm">
        <TextInput
          id={fieldId(hostField)}
          label={t('accounts.form.host')}
          placeholder={`${protocol}.example.com`}
          withAsterisk
          value={values[hostField]}
          onChange={(e) => change(hostField, e.currentTarget.value)}
          error={error(hostField)}
          type="text"
          inputMode="url"
          {...PLAIN}
          maxLength={253}
        />
        <NumberInput
          id={fieldId(portField)}
          label={t('accounts.form.port')}
          withAsterisk
          value={values[portField]}
          onChange={(v) => change(portField, v)}
          error={error(portField)}
          min={1}
          max={65535}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          hideControls
          autoComplete="off"
          w={{ base: '100%', xs: 120 }}
        />
        <Switch
          label={t('accounts.form.useTls')}
          description={t(`accounts.form.tlsHint.${protocol}${tls ? 'On' : 'Off'}`)}
          checked={tls}
          onChange={(e) => change(tlsField, e.currentTarget.checked)}
        />
      </Stack>
    </Fieldset>
  );
}

export function BlueskySettings({ values, change, error }: SettingsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <TextInput
        id={fieldId('handle')}
        label={t('accounts.form.handle')}
        description={t('accounts.form.handleHint')}
        placeholder="aurora.bsky.social"
        withAsterisk
        value={values.handle}
        onChange={(e) => change('handle', e.currentTarget.value)}
        error={error('handle')}
        type="text"
        {...PLAIN}
        maxLength={253}
        data-autofocus
      />
      <TextInput
        id={fieldId('serviceUrl')}
        label={t('accounts.form.serviceUrl')}
        description={t('accounts.form.serviceUrlHint')}
        placeholder="https://bsky.social"
        value={values.serviceUrl}
        onChange={(e) => change('serviceUrl', e.currentTarget.value)}
        error={error('serviceUrl')}
        type="text"
        inputMode="url"
        {...PLAIN}
        maxLength={500}
      />
    </Stack>
  );
}
