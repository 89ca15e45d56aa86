// Reports (#8): a full-screen view a lead opens from the rail to answer "how fast and how well
// did we answer this week, by region". Period and filters on top, the KPI cards (with the
// previous period), the per-region table, then charts each with its table. Exports the report as
// CSV (a Blob download) and prints a clean summary (reportsPrint.css hides the app and controls).
import { Alert, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform, QueueId } from '@shared/domain';
import type { ReportQueryInput } from '@shared/reports/types';
import { describeError } from '../../app/describeError';
import { useDesk } from '../../app/deskContext';
import { useWorkspace } from '../../app/workspaceContext';
import { useLiveQuery } from '../../live/useLiveQuery';
import { useLocale } from '../../i18n/useLocale';
import { downloadText } from '../library/download';
import { KpiGrid } from './KpiGrid';
import { ReportFiltersBar } from './ReportFiltersBar';
import { describeFilters, NO_FILTERS, toReportFilters, type FilterChoice } from './reportFilters';
import { useQueueNamer } from '../queues/useQueueName';
import { periodRange, weekStartDay, type PeriodChoice } from './reportPeriod';
import { ReportSections, RegionSection } from './ReportSections';
import { accountRegions, kpis } from './reportView';
import { reportFileName, usePeriodText } from './reportText';
import { useRegionRows, useReport } from './useReports';
import './reportsPrint.css';

export interface ReportsDialogProps {
  opened: boolean;
  onClose(): void;
}

const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noChanges = () => false;

export function ReportsDialog({ opened, onClose }: ReportsDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} fullScreen title={<Title order={2} size="h4">{t('reports.title')}</Title>} classNames={{ root: 'reports-print-root', inner: 'reports-print-inner', content: 'reports-print-content', header: 'reports-print-header', body: 'reports-print-body', close: 'reports-no-print' }} closeButtonProps={{ 'aria-label': t('reports.close') }}>
      {opened && <ReportsView />}
    </Modal>
  );
}

function ReportsView() {
  const { t } = useTranslation();
  const desk = useDesk();
  const locale = useLocale();
  const { workspace } = useWorkspace();
  const queueName = useQueueNamer();
  const [period, setPeriod] = useState<PeriodChoice>({ kind: 'thisWeek' });
  const [filters, setFilters] = useState<FilterChoice>(NO_FILTERS);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  // The moment the view opened (or the period changed): "this week" ends there, so the query stays put.
  const [now, setNow] = useState(() => Date.now());
  const [timeZone] = useState(viewerZone);
  const range = periodRange(period, now, timeZone, weekStartDay(locale));
  const query: ReportQueryInput | null = 'problem' in range ? null : { from: range.from, to: range.to, timeZone, filters: toReportFilters(filters), compare: true };
  const report = useReport(query);
  const regions = filters.region ? [filters.region] : accountRegions(workspace?.accounts ?? []);
  const regionRows = useRegionRows(query, regions);
  const periodText = usePeriodText(range, timeZone);

  const loadSchedule = useCallback((key: string) => {
    const [from, to] = key.split('-').map(Number) as [number, number];
    return desk.getSchedule({ from, to });
  }, [desk]);
  const schedule = useLiveQuery(query ? `${query.from}-${query.to}` : null, loadSchedule, noChanges);
  const shiftRegions = [...new Set((schedule.data?.shifts ?? []).map((s) => s.region).filter((r): r is string => Boolean(r)))].sort();
  // While the period is incomplete nothing is shown: an earlier period's figures would mislead.
  const data = query ? (report.current ?? report.data) : undefined;
  const languages = (data?.sentiment.byLanguage ?? []).map((s) => s.key);

  const changePeriod = (next: PeriodChoice) => {
    setNow(Date.now());
    setPeriod(next);
  };
  const exportCsv = async () => {
    if (!query) return;
    setExporting(true);
    setExportError(null);
    try {
      const { text } = await desk.exportReportCsv(query);
      downloadText(reportFileName(range as { from: number; to: number }, timeZone), text, 'text/csv');
    } catch (error) {
      setExportError(describeError(t, error));
    } finally {
      setExporting(false);
    }
  };

  const filterSummary = describeFilters(
    filters,
    {
      region: t('reports.filters.region'),
      accountId: t('reports.filters.account'),
      platform: t('reports.filters.platform'),
      language: t('reports.filters.language'),
      queue: t('reports.filters.queue'),
      agentId: t('reports.filters.agent'),
      shiftRegion: t('reports.filters.shiftRegion'),
    },
    (key, value) => {
      if (key === 'accountId') return queueName(`account:${value}`);
      if (key === 'agentId') return workspace?.agents.find((a) => a.id === value)?.name ?? value;
      if (key === 'platform') return t(`platform.${value as Platform}`);
      if (key === 'language') return queueName(`language:${value}`);
      if (key === 'queue') return queueName(value as QueueId);
      return value;
    },
  );
  const periodError = 'problem' in range ? t(`reports.period.problem.${range.problem}`) : null;

  return (
    <Stack gap="md" data-testid="reports-view">
      <ReportFiltersBar period={period} onPeriod={changePeriod} periodError={periodError} filters={filters} onFilters={setFilters} languages={languages} shiftRegions={shiftRegions} />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <div>
          <Text fw={600} data-testid="report-period-text">
            {periodText ?? t('reports.period.incomplete')}
          </Text>
          <Text size="sm" c="dimmed" data-testid="report-filters-text">
            {filterSummary.length > 0 ? t('reports.filters.summary', { filters: filterSummary.join(' · ') }) : t('reports.filters.none')}
            {data?.previous ? ` · ${t('reports.comparedWith')}` : ''}
          </Text>
        </div>
        <Group gap="xs" className="reports-no-print">
          <Button size="xs" variant="default" onClick={() => void exportCsv()} loading={exporting} disabled={!query}>
            {t('reports.exportCsv')}
          </Button>
          <Button size="xs" variant="default" onClick={() => window.print()} disabled={!data}>
            {t('reports.print')}
          </Button>
        </Group>
      </Group>
      {exportError && (
        <Alert color="red" title={t('reports.exportFailed')} className="reports-no-print">
          {exportError}
        </Alert>
      )}
      {Boolean(report.error) && !report.loading && (
        <Alert color="red" title={t('reports.loadFailed')} data-testid="report-error">
          {describeError(t, report.error)}
        </Alert>
      )}
      {!data && report.loading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('reports.loading')}</Text>
        </Group>
      )}
      {data && (
        <Stack gap="lg" aria-busy={report.loading} style={{ opacity: report.current ? 1 : 0.6 }}>
          <KpiGrid kpis={kpis(data)} />
          <RegionSection rows={regions.length === 0 ? [] : regionRows.current} />
          <ReportSections report={data} />
        </Stack>
      )}
    </Stack>
  );
}
