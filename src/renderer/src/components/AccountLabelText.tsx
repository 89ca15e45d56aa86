// "X (Aurora Air Support)" as shown text: the account's name isolated in a <bdi>, so a name in
// another direction than the UI (a Latin name in Arabic) keeps the parentheses where they belong.
// Same text content as useAccountLabel's string, which attributes and option labels use.
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/domain';
import { markers } from './templateParts';
import { TemplateText } from './TemplateText';

export function AccountLabelText({ account }: { account: Pick<Account, 'platform' | 'name'> }) {
  const { t } = useTranslation();
  return <TemplateText template={t('account.withPlatform', { platform: t(`platform.${account.platform}`), ...markers('name') })} values={{ name: account.name }} />;
}
