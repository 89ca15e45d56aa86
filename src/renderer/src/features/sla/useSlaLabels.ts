// The words the SLA settings are summarised in, in the UI language (memoised per language).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/domain';
import { useLocale } from '../../i18n/useLocale';
import { conditionLabels, type ConditionLabels } from './policySummary';
import { intlWeekLabels, type WeekLabels } from './weeklyHours';

export function useConditionLabels(accounts: readonly Account[]): ConditionLabels {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => conditionLabels(t, locale, accounts), [t, locale, accounts]);
}

export function useWeekLabels(): WeekLabels {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => {
    const list = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
    return {
      ...intlWeekLabels(locale),
      dayRange: (from, to) => t('slaSettings.range', { from, to }),
      timeRange: (from, to) => t('slaSettings.range', { from, to }),
      days: (days, hours) => t('slaSettings.calendars.daysHours', { days, hours }),
      list: (items) => list.format(items),
      closed: t('slaSettings.calendars.neverOpen'),
    };
  }, [t, locale]);
}
