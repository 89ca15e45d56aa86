// Marks the customer VIP, or not: their open conversations are re-timed at once by the policies
// (one may be for VIPs only). The switch shows the new state while the core confirms it.
import { Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showErrorToast } from '../../app/toasts';

export function VipToggle({ customer }: { customer: Pick<Customer, 'id' | 'vip'> }) {
  const { t } = useTranslation();
  const desk = useDesk();
  /** The state asked for, until the customer shown says so (or the call fails). */
  const [pending, setPending] = useState<{ customerId: number; vip: boolean } | null>(null);
  const asked = pending?.customerId === customer.id && pending.vip !== customer.vip ? pending.vip : null;

  const change = async (vip: boolean) => {
    // One change at a time (the switch stays focusable meanwhile: disabling it would drop the focus).
    if (asked !== null) return;
    setPending({ customerId: customer.id, vip });
    try {
      await desk.setCustomerVip({ customerId: customer.id, vip });
    } catch (error) {
      setPending(null);
      showErrorToast(t('customer.vipFailed'), describeError(t, error));
    }
  };

  return (
    <Switch
      label={t('customer.vipToggle')}
      description={t('customer.vipHint')}
      checked={asked ?? customer.vip}
      onChange={(e) => void change(e.currentTarget.checked)}
      aria-busy={asked !== null || undefined}
      color="yellow"
      size="sm"
      data-testid="vip-toggle"
    />
  );
}
