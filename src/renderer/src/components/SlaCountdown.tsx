// Live SLA countdown: "in 12 min", orange when close, red "Overdue by 3 min" after the deadline.
// Nothing for conversations without a running deadline.
import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NO_DEADLINE } from '@shared/domain';
import { deadlineState, formatDuration } from '../i18n/duration';
import { formatFullDateTime } from '../i18n/formatters';
import { useLocale } from '../i18n/useLocale';
import { useNow } from './useNow';

const COLORS = { ok: 'dimmed', soon: 'orange.7', overdue: 'red.7' } as const;

export function SlaCountdown({ dueAt, ...props }: { dueAt: number } & TextProps) {
  if (dueAt >= NO_DEADLINE) return null;
  return <Countdown dueAt={dueAt} {...props} />;
}

function Countdown({ dueAt, ...props }: { dueAt: number } & TextProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const state = deadlineState(dueAt, now, NO_DEADLINE);
  if (state === 'none') return null;
  const duration = formatDuration(dueAt - now, locale);
  const at = formatFullDateTime(dueAt, locale);
  return (
    <Text
      component="span"
      size="xs"
      fw={state === 'ok' ? 500 : 700}
      c={COLORS[state]}
      data-sla={state}
      title={state === 'overdue' ? t('sla.overdueSince', { time: at }) : t('sla.dueAt', { time: at })}
      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      {...props}
    >
      {state === 'overdue' ? t('sla.overdueBy', { duration }) : t('sla.dueIn', { duration })}
    </Text>
  );
}
