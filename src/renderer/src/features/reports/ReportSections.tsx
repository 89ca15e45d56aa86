// The dashboard's charts, each with the table of its numbers: by region first (the lead's
// question), then volume by hour and channel, backlog, SLA per policy, sentiment, agents.
import { BarChart, LineChart } from '@mantine/charts';
import { SegmentedControl, SimpleGrid, Stack, useDirection } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '@shared/reports/types';
import { useWorkspace } from '../../app/workspaceContext';
import { useAccountLabel } from '../../components/useAccountLabel';
import { formatNumber, formatPercent } from '../../i18n/formatters';
import { formatDuration } from '../../i18n/duration';
import { useLocale } from '../../i18n/useLocale';
import { useQueueNamer } from '../queues/useQueueName';
import { ChartFigure } from './ChartFigure';
import { formatBacklogPoint } from './reportText';
import { agentRows, backlogRows, channelRows, hourRows, NO_FIGURE, sentimentRows, slaRows, type RegionRow } from './reportView';

const CHART_HEIGHT = 200;

/** Recharts draws left to right: in a right-to-left layout the categories run from the right and the value axis sits there. */
function useChartDirection() {
  const { dir } = useDirection();
  return dir === 'rtl' ? { xAxisProps: { reversed: true }, yAxisProps: { orientation: 'right' as const } } : {};
}

function useFormat() {
  const locale = useLocale();
  return {
    locale,
    count: (n: number) => formatNumber(n, locale),
    share: (n: number | null) => (n === null ? NO_FIGURE : formatPercent(n, locale)),
    duration: (ms: number | null) => (ms === null ? NO_FIGURE : formatDuration(ms, locale)),
    average: (n: number | null) => (n === null ? NO_FIGURE : formatNumber(n, locale, 2)),
  };
}

/** rows: undefined while they load, empty when no account has a region. */
export function RegionSection({ rows }: { rows: RegionRow[] | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const axes = useChartDirection();
  const data = (rows ?? []).map((r) => ({ region: r.region, inbound: r.inbound, resolved: r.resolved }));
  const empty = rows === undefined ? t('reports.loading') : rows.length === 0 ? t('reports.region.none') : null;
  return (
    <ChartFigure
      testId="report-regions"
      title={t('reports.region.title')}
      description={t('reports.region.description')}
      empty={empty}
      chart={
        <BarChart
          {...axes}
          h={CHART_HEIGHT}
          data={data}
          dataKey="region"
          series={[
            { name: 'inbound', label: t('reports.columns.inbound'), color: 'blue.6' },
            { name: 'resolved', label: t('reports.columns.resolved'), color: 'teal.6' },
          ]}
          withLegend
          valueFormatter={f.count}
        />
      }
      head={[t('reports.columns.region'), t('reports.columns.inbound'), t('reports.kpis.firstResponseMedian'), t('reports.kpis.firstResponseBusinessMedian'), t('reports.kpis.resolutionRate'), t('reports.columns.resolved'), t('reports.kpis.slaAttainment'), t('reports.kpis.csat')]}
      rows={(rows ?? []).map((r) => ({
        key: r.region,
        cells: [r.region, f.count(r.inbound), f.duration(r.firstResponseMedianMs), f.duration(r.firstResponseBusinessMedianMs), f.share(r.resolutionRate), f.count(r.resolved), f.share(r.slaAttainment), f.average(r.csatAverage)],
      }))}
    />
  );
}

export function ReportSections({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  const axes = useChartDirection();
  const { agent, account } = useWorkspace();
  const accountLabel = useAccountLabel();
  const queueName = useQueueNamer();
  const [sentimentBy, setSentimentBy] = useState<'byRegion' | 'byAccount' | 'byLanguage'>('byRegion');

  const hours = hourRows(report);
  const channels = channelRows(report);
  const backlog = backlogRows(report);
  const sla = slaRows(report);
  const agents = agentRows(report);
  const sentiment = sentimentRows(report.sentiment[sentimentBy]);
  const noInbound = hours.every((h) => h.inbound === 0);
  const pointLabel = (at: number) => formatBacklogPoint(at, report.backlog.bucket, report.timeZone, f.locale);
  const sentimentKey = (key: string) => {
    if (sentimentBy === 'byRegion') return key === '' ? t('reports.sentiment.noRegion') : key;
    if (sentimentBy === 'byLanguage') return queueName(`language:${key}`);
    const found = account(key);
    return found ? accountLabel(found) : key;
  };
  const slaTarget = (target: string) => t(`reports.sla.target.${target as 'first_response'}`);

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ChartFigure
          testId="report-volume-hour"
          title={t('reports.volume.byHourTitle')}
          description={t('reports.volume.byHourDescription', { zone: report.timeZone })}
          empty={noInbound ? t('reports.volume.none') : null}
          chart={<BarChart {...axes} h={CHART_HEIGHT} data={hours} dataKey="hour" series={[{ name: 'inbound', label: t('reports.columns.inbound'), color: 'blue.6' }]} valueFormatter={f.count} />}
          head={[t('reports.columns.hour'), t('reports.columns.inbound')]}
          rows={hours.map((h) => ({ key: h.hour, cells: [`${h.hour}:00`, f.count(h.inbound)] }))}
        />
        <ChartFigure
          testId="report-volume-channel"
          title={t('reports.volume.byChannelTitle')}
          description={t('reports.volume.byChannelDescription')}
          empty={channels.length === 0 ? t('reports.volume.none') : null}
          chart={
            <BarChart
          {...axes}
              h={CHART_HEIGHT}
              data={channels.map((c) => ({ ...c, platform: t(`platform.${c.platform as 'x'}`) }))}
              dataKey="platform"
              series={[
                { name: 'inbound', label: t('reports.columns.inbound'), color: 'blue.6' },
                { name: 'outbound', label: t('reports.columns.outbound'), color: 'grape.6' },
              ]}
              withLegend
              valueFormatter={f.count}
            />
          }
          head={[t('reports.columns.channel'), t('reports.columns.inbound'), t('reports.columns.outbound')]}
          rows={channels.map((c) => ({ key: c.platform, cells: [t(`platform.${c.platform as 'x'}`), f.count(c.inbound), f.count(c.outbound)] }))}
        />
        <ChartFigure
          testId="report-backlog"
          title={t('reports.backlog.title')}
          description={t('reports.backlog.description')}
          empty={backlog.length === 0 ? t('reports.backlog.none') : null}
          chart={<LineChart {...axes} h={CHART_HEIGHT} data={backlog.map((p) => ({ at: pointLabel(p.at), open: p.open }))} dataKey="at" series={[{ name: 'open', label: t('reports.columns.open'), color: 'orange.6' }]} valueFormatter={f.count} />}
          head={[t('reports.columns.at'), t('reports.columns.open')]}
          rows={backlog.map((p) => ({ key: String(p.at), cells: [pointLabel(p.at), f.count(p.open)] }))}
        />
        <ChartFigure
          testId="report-sla"
          title={t('reports.sla.title')}
          description={t('reports.sla.description')}
          empty={sla.length === 0 ? t('reports.sla.none') : null}
          chart={
            <BarChart
          {...axes}
              h={CHART_HEIGHT}
              data={sla.map((r) => ({ label: `${r.policyName ?? t('reports.sla.removedPolicy')} · ${slaTarget(r.target)}`, met: r.met, breached: r.breached }))}
              dataKey="label"
              type="stacked"
              series={[
                { name: 'met', label: t('reports.columns.met'), color: 'teal.6' },
                { name: 'breached', label: t('reports.columns.breached'), color: 'red.6' },
              ]}
              withLegend
              valueFormatter={f.count}
            />
          }
          head={[t('reports.columns.policy'), t('reports.columns.target'), t('reports.columns.met'), t('reports.columns.breached'), t('reports.columns.attainment'), t('reports.columns.breachAlerts')]}
          rows={sla.map((r) => ({ key: r.key, cells: [r.policyName ?? t('reports.sla.removedPolicy'), slaTarget(r.target), f.count(r.met), f.count(r.breached), f.share(r.attainment), f.count(r.breachAlerts)] }))}
        />
      </SimpleGrid>
      <Stack gap={6}>
        <SegmentedControl
          className="reports-no-print"
          size="xs"
          w="fit-content"
          aria-label={t('reports.sentiment.by')}
          value={sentimentBy}
          onChange={(value) => setSentimentBy(value as typeof sentimentBy)}
          data={[
            { value: 'byRegion', label: t('reports.sentiment.byRegion') },
            { value: 'byAccount', label: t('reports.sentiment.byAccount') },
            { value: 'byLanguage', label: t('reports.sentiment.byLanguage') },
          ]}
        />
        <ChartFigure
          testId="report-sentiment"
          title={t(`reports.sentiment.title.${sentimentBy}`)}
          description={t('reports.sentiment.description')}
          empty={sentiment.every((r) => r.total === 0) ? t('reports.sentiment.none') : null}
          chart={
            <BarChart
          {...axes}
              h={CHART_HEIGHT}
              data={sentiment.map((r) => ({ key: sentimentKey(r.key), negative: r.negativeShare ?? 0, neutral: r.neutralShare ?? 0, positive: r.positiveShare ?? 0 }))}
              dataKey="key"
              type="percent"
              series={[
                { name: 'negative', label: t('reports.columns.negative'), color: 'red.6' },
                { name: 'neutral', label: t('reports.columns.neutral'), color: 'gray.5' },
                { name: 'positive', label: t('reports.columns.positive'), color: 'teal.6' },
              ]}
              withLegend
              valueFormatter={(v) => formatPercent(v, f.locale)}
            />
          }
          head={[t(`reports.columns.${sentimentBy}`), t('reports.columns.messages'), t('reports.columns.negative'), t('reports.columns.neutral'), t('reports.columns.positive')]}
          rows={sentiment.map((r) => ({ key: r.key, cells: [sentimentKey(r.key), f.count(r.total), f.share(r.negativeShare), f.share(r.neutralShare), f.share(r.positiveShare)] }))}
        />
      </Stack>
      <ChartFigure
        testId="report-agents"
        title={t('reports.agents.title')}
        description={t('reports.agents.description')}
        empty={agents.length === 0 ? t('reports.agents.none') : null}
        chart={
          <BarChart
          {...axes}
            h={CHART_HEIGHT}
            data={agents.map((a) => ({ name: a.name ?? agent(a.agentId)?.name ?? t('reports.agents.removed'), replies: a.replies, resolutions: a.resolutions }))}
            dataKey="name"
            series={[
              { name: 'replies', label: t('reports.columns.replies'), color: 'blue.6' },
              { name: 'resolutions', label: t('reports.columns.resolutions'), color: 'teal.6' },
            ]}
            withLegend
            valueFormatter={f.count}
          />
        }
        head={[t('reports.columns.agent'), t('reports.columns.conversations'), t('reports.columns.replies'), t('reports.columns.resolutions'), t('reports.columns.handleTime'), t('reports.columns.handleAverage')]}
        rows={agents.map((a) => ({
          key: a.agentId,
          cells: [a.name ?? t('reports.agents.removed'), f.count(a.conversations), f.count(a.replies), f.count(a.resolutions), f.duration(a.handleTimeMs), f.duration(a.handleAverageMs)],
        }))}
      />
    </Stack>
  );
}
