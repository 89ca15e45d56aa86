// The period picker and the filters (account, platform, language, queue, agent, region, shift),
// each a labelled Mantine select; a custom period takes its first and last day.
import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueId } from '@shared/domain';
import { useWorkspace } from '../../app/workspaceContext';
import { useAccountLabel } from '../../components/useAccountLabel';
import { useQueueNamer } from '../queues/useQueueName';
import { PERIOD_KINDS, type PeriodChoice, type PeriodKind } from './reportPeriod';
import type { FilterChoice } from './reportFilters';
import { accountRegions } from './reportView';

export interface ReportFiltersBarProps {
  period: PeriodChoice;
  onPeriod(period: PeriodChoice): void;
  periodError: string | null;
  filters: FilterChoice;
  onFilters(filters: FilterChoice): void;
  /** Languages customers wrote in (from the report), for the language and queue filters. */
  languages: string[];
  shiftRegions: string[];
}

export function ReportFiltersBar({ period, onPeriod, periodError, filters, onFilters, languages, shiftRegions }: ReportFiltersBarProps) {
  const { t } = useTranslation();
  const queueName = useQueueNamer();
  const { workspace } = useWorkspace();
  const accountLabel = useAccountLabel();
  const accounts = workspace?.accounts ?? [];
  const platforms = [...new Set(accounts.map((a) => a.platform))];
  const set = (key: keyof FilterChoice) => (value: string | null) => onFilters({ ...filters, [key]: value });
  const languageTags = [...new Set([...languages, ...(filters.language ? [filters.language] : [])])];
  const languageOptions = languageTags.map((tag) => ({ value: tag, label: queueName(`language:${tag}`) }));
  const queueIds: QueueId[] = ['all', 'urgent', ...accounts.map((a) => `account:${a.id}` as const), ...languageTags.map((tag) => `language:${tag}` as const)];
  const queueOptions = queueIds.map((id) => ({ value: id, label: queueName(id) }));
  const common = { clearable: true, size: 'xs', w: 170, placeholder: t('reports.filters.any'), comboboxProps: { withinPortal: true } } as const;

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" className="reports-no-print">
      <Select
        label={t('reports.period.label')}
        size="xs"
        w={160}
        allowDeselect={false}
        data={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`reports.period.${kind}`) }))}
        value={period.kind}
        onChange={(value) => value && onPeriod({ ...period, kind: value as PeriodKind })}
        data-testid="report-period"
      />
      {period.kind === 'custom' && (
        <>
          <TextInput type="date" size="xs" label={t('reports.period.firstDay')} value={period.firstDay ?? ''} onChange={(e) => onPeriod({ ...period, firstDay: e.currentTarget.value || null })} error={periodError} />
          <TextInput type="date" size="xs" label={t('reports.period.lastDay')} value={period.lastDay ?? ''} onChange={(e) => onPeriod({ ...period, lastDay: e.currentTarget.value || null })} />
        </>
      )}
      <Select {...common} label={t('reports.filters.region')} data={accountRegions(accounts)} value={filters.region} onChange={set('region')} />
      <Select {...common} label={t('reports.filters.account')} data={accounts.map((a) => ({ value: a.id, label: accountLabel(a) }))} value={filters.accountId} onChange={set('accountId')} />
      <Select {...common} label={t('reports.filters.platform')} data={platforms.map((p) => ({ value: p, label: t(`platform.${p}`) }))} value={filters.platform} onChange={set('platform')} />
      <Select {...common} label={t('reports.filters.language')} data={languageOptions} value={filters.language} onChange={set('language')} />
      <Select {...common} label={t('reports.filters.queue')} data={queueOptions} value={filters.queue} onChange={set('queue')} />
      <Select {...common} label={t('reports.filters.agent')} data={(workspace?.agents ?? []).map((a) => ({ value: a.id, label: a.name }))} value={filters.agentId} onChange={set('agentId')} />
      <Select {...common} label={t('reports.filters.shiftRegion')} data={shiftRegions} value={filters.shiftRegion} onChange={set('shiftRegion')} />
    </Group>
  );
}
