// A customer the team marked VIP (SLA policies may give them their own targets).
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function VipBadge(props: BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" color="yellow" variant="filled" c="dark.8" data-testid="vip-badge" {...props}>
      {t('customer.vip')}
    </Badge>
  );
}
