// Fields shared by the account forms: the secret (an access token, a password or an app password,
// never stored anywhere but the form's state until the core has it) and the role.
import { Group, PasswordInput, Radio, Stack, Text } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_CONNECTOR_INFO, type AccountConnectorInfo } from '@shared/accountConnectors';
import type { AccountRole } from '@shared/domain';
import { isAccountConnector, ROLES, type SignInMethod } from './accountForm';

/** Where to get the credentials, per connector (by name, so a connector without its own text gets the general one). */
const CREDENTIAL_HELP: Partial<Record<string, `accounts.form.tokenHelp.${'mastodon' | 'x' | 'meta' | 'email' | 'bluesky'}`>> = {
  mastodon: 'accounts.form.tokenHelp.mastodon',
  x: 'accounts.form.tokenHelp.x',
  meta: 'accounts.form.tokenHelp.meta',
  email: 'accounts.form.tokenHelp.email',
  bluesky: 'accounts.form.tokenHelp.bluesky',
};

export type SecretKind = AccountConnectorInfo['secret'];
/** What kind of secret a connector's accounts sign in with (an access token unless it says otherwise). */
export const secretKind = (connector: string): SecretKind => (isAccountConnector(connector) ? ACCOUNT_CONNECTOR_INFO[connector].secret : 'accessToken');

/** What the secret is called (an access token, a password or an app password), and what to say when it is missing. */
export function useSecretText(): (connector: string, renew?: boolean) => { label: string; required: string } {
  const { t } = useTranslation();
  return (connector, renew = false) => {
    switch (secretKind(connector)) {
      case 'password':
        return { label: renew ? t('accounts.form.newPassword') : t('accounts.form.password'), required: t('accounts.form.required.password') };
      case 'appPassword':
        return { label: renew ? t('accounts.form.newAppPassword') : t('accounts.form.appPassword'), required: t('accounts.form.required.appPassword') };
      case 'accessToken':
        return { label: renew ? t('accounts.form.newAccessToken') : t('accounts.form.accessToken'), required: t('accounts.form.required.accessToken') };
    }
  };
}

export function TokenField({
  connector,
  value,
  onChange,
  error,
  label,
  inputRef,
  id,
  autoFocus,
}: {
  /** Whose credentials: says where to get them. */
  connector: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  label: string;
  inputRef?: Ref<HTMLInputElement>;
  id?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      ref={inputRef}
      id={id}
      label={label}
      withAsterisk
      description={
        <Stack gap={2} component="span">
          <Text span size="xs" inherit>
            {t(CREDENTIAL_HELP[connector] ?? 'accounts.form.tokenHelp.other')}
          </Text>
          <Text span size="xs" inherit>
            {t('accounts.form.tokenKept')}
          </Text>
        </Stack>
      }
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      // A credential for the keychain, not a password for this page: no autofill, no saving.
      autoComplete="off"
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      data-1p-ignore
      data-lpignore="true"
      data-autofocus={autoFocus || undefined}
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': t(`accounts.form.showSecret.${secretKind(connector)}`) }}
    />
  );
}

export function RoleField({ value, onChange }: { value: AccountRole; onChange(value: AccountRole): void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('accounts.fields.role')}
      description={t('accounts.roleHint')}
      value={value}
      onChange={(v) => onChange(v as AccountRole)}
    >
      <Group gap="lg" mt={8}>
        {ROLES.map((role) => (
          <Radio key={role} value={role} label={t(`accounts.roles.${role}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}

/** In the browser or with a pasted secret (only for platforms that offer both). */
export function SignInMethodField({ value, onChange }: { value: SignInMethod; onChange(value: SignInMethod): void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('accounts.signInMethod.label')} value={value} onChange={(v) => onChange(v as SignInMethod)}>
      <Group gap="lg" mt={8}>
        <Radio value="browser" label={t('accounts.signInMethod.browser')} />
        <Radio value="secret" label={t('accounts.signInMethod.secret')} />
      </Group>
    </Radio.Group>
  );
}
