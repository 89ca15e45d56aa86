// A Report as one long CSV table (section, group, metric, value): every figure one row, so a
// spreadsheet pivots it as it likes. Durations in milliseconds, shares 0..1, empty = no data.
import { toCsv, type CsvCell } from './csv';
import type { DualDuration, HeadlineFigures, Report, SentimentShare } from './types';

export const REPORT_CSV_HEADER = ['section', 'group', 'metric', 'value'] as const;

type Row = [string, string, string, CsvCell];

const dual = (section: string, d: DualDuration): Row[] =>
  (['calendar', 'business'] as const).flatMap((clock): Row[] => [
    [section, clock, 'count', d[clock].count],
    [section, clock, 'median_ms', d[clock].medianMs],
    [section, clock, 'p90_ms', d[clock].p90Ms],
    [section, clock, 'estimated', String(d[clock].estimated)],
  ]);

const headline = (section: string, h: HeadlineFigures): Row[] => Object.entries(h).map(([metric, value]): Row => [section, '', metric, value as CsvCell]);

const sentiment = (group: string, rows: SentimentShare[]): Row[] =>
  rows.flatMap((s): Row[] => (['negative', 'neutral', 'positive'] as const).flatMap((label): Row[] => [[`sentiment_by_${group}`, s.key, label, s[label]]]));

export function reportCsvRows(report: Report): Row[] {
  const rows: Row[] = [
    ['period', '', 'from', new Date(report.from).toISOString()],
    ['period', '', 'to', new Date(report.to).toISOString()],
    ['period', '', 'time_zone', report.timeZone],
    ...Object.entries(report.filters).map(([key, value]): Row => ['filter', '', key, Array.isArray(value) ? value.join(' ') : String(value)]),
    ...headline('headline', report.headline),
    ...dual('first_response', report.firstResponse),
    ...dual('next_response', report.nextResponse),
    ['resolution', '', 'created', report.resolution.created],
    ['resolution', '', 'resolved', report.resolution.resolved],
    ['resolution', '', 'reopened', report.resolution.reopened],
    ['resolution', '', 'rate', report.resolution.rate],
    ...dual('resolution_time', report.resolution.time),
    ...report.sla.flatMap((s): Row[] => [
      ['sla', `${s.policyName ?? s.policyId} / ${s.target}`, 'met', s.met],
      ['sla', `${s.policyName ?? s.policyId} / ${s.target}`, 'breached', s.breached],
      ['sla', `${s.policyName ?? s.policyId} / ${s.target}`, 'attainment', s.attainment],
      ['sla', `${s.policyName ?? s.policyId} / ${s.target}`, 'breach_alerts', s.breachAlerts],
    ]),
    ...report.volume.byHour.map((n, hour): Row => ['volume_by_hour', String(hour).padStart(2, '0'), 'inbound', n]),
    ...report.volume.byChannel.flatMap((c): Row[] => [
      ['volume_by_channel', c.platform, 'inbound', c.inbound],
      ['volume_by_channel', c.platform, 'outbound', c.outbound],
    ]),
    ...report.volume.byDay.map((d): Row => ['volume_by_day', d.date, 'inbound', d.inbound]),
    ...report.backlog.points.map((p): Row => ['backlog', new Date(p.at).toISOString(), 'open', p.open]),
    ...report.agents.flatMap((a): Row[] => [
      ['agent', a.name ?? a.agentId, 'conversations', a.conversations],
      ['agent', a.name ?? a.agentId, 'replies', a.replies],
      ['agent', a.name ?? a.agentId, 'resolutions', a.resolutions],
      ['agent', a.name ?? a.agentId, 'handle_time_ms', a.handleTimeMs],
      ['agent', a.name ?? a.agentId, 'handle_average_ms', a.handleAverageMs],
    ]),
    ['csat', '', 'responses', report.csat.responses],
    ['csat', '', 'average', report.csat.average],
    ...report.csat.distribution.map((n, i): Row => ['csat', String(i + 1), 'count', n]),
    ['nps', '', 'responses', report.nps.responses],
    ['nps', '', 'score', report.nps.score],
    ...report.nps.distribution.map((n, i): Row => ['nps', String(i), 'count', n]),
    ...sentiment('account', report.sentiment.byAccount),
    ...sentiment('language', report.sentiment.byLanguage),
    ...sentiment('region', report.sentiment.byRegion),
  ];
  if (report.previous) rows.push(...headline('previous_period', report.previous.headline));
  return rows;
}

export const reportCsv = (report: Report): string => toCsv([[...REPORT_CSV_HEADER], ...reportCsvRows(report)]);
