// "X (Aurora Air Support)": how an account is named wherever its platform matters.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/domain';

export function useAccountLabel(): (account: Pick<Account, 'platform' | 'name'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (account) => t('account.withPlatform', { platform: t(`platform.${account.platform}`), name: account.name }),
    [t],
  );
}
