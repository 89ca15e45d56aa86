// What the dashboard shows of a Report: KPI figures with the previous period's value, and the
// rows of the tables beside the charts (the same numbers, in accessible form). Figures the core
// could not compute (null) are shown as "—", never as NaN or 0.
import type { HeadlineFigures, Report, SentimentShare } from '@shared/reports/types';
import { formatDuration } from '../../i18n/duration';
import { formatNumber, formatPercent } from '../../i18n/formatters';

export const NO_FIGURE = '—';

export type FigureKind = 'duration' | 'share' | 'count' | 'average' | 'nps';
export interface Figure {
  kind: FigureKind;
  value: number | null;
  /** A median or p90 estimated from a sample (a long, busy period). */
  estimated?: boolean;
}

export const KPI_KEYS = [
  'firstResponseMedian',
  'firstResponseP90',
  'firstResponseBusinessMedian',
  'firstResponseBusinessP90',
  'nextResponseMedian',
  'nextResponseBusinessMedian',
  'resolutionRate',
  'resolutionTimeMedian',
  'slaAttainment',
  'csat',
  'nps',
  'volume',
  'backlog',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export interface Kpi {
  key: KpiKey;
  figure: Figure;
  /** The same figure over the previous period, when the report has it. */
  previous: Figure | null;
}

export function formatFigure(figure: Figure, locale: string): string {
  const { value } = figure;
  if (value === null || !Number.isFinite(value)) return NO_FIGURE;
  switch (figure.kind) {
    case 'duration':
      return formatDuration(value, locale);
    case 'share':
      return formatPercent(value, locale);
    case 'count':
      return formatNumber(value, locale);
    case 'average':
      return formatNumber(value, locale, 2);
    case 'nps':
      return formatNumber(Math.round(value), locale);
  }
}

/** Open conversations at the end of the period (the last backlog point). */
export function backlogAtEnd(report: Report): number | null {
  return report.backlog.points.at(-1)?.open ?? null;
}

const fromHeadline: Partial<Record<KpiKey, (h: HeadlineFigures) => number | null>> = {
  firstResponseMedian: (h) => h.firstResponseMedianMs,
  firstResponseBusinessMedian: (h) => h.firstResponseBusinessMedianMs,
  resolutionRate: (h) => h.resolutionRate,
  slaAttainment: (h) => h.slaAttainment,
  csat: (h) => h.csatAverage,
  nps: (h) => h.npsScore,
  volume: (h) => h.inbound,
};

export function kpis(report: Report): Kpi[] {
  const figures: Record<KpiKey, Figure> = {
    firstResponseMedian: { kind: 'duration', value: report.firstResponse.calendar.medianMs, estimated: report.firstResponse.calendar.estimated },
    firstResponseP90: { kind: 'duration', value: report.firstResponse.calendar.p90Ms, estimated: report.firstResponse.calendar.estimated },
    firstResponseBusinessMedian: { kind: 'duration', value: report.firstResponse.business.medianMs, estimated: report.firstResponse.business.estimated },
    firstResponseBusinessP90: { kind: 'duration', value: report.firstResponse.business.p90Ms, estimated: report.firstResponse.business.estimated },
    nextResponseMedian: { kind: 'duration', value: report.nextResponse.calendar.medianMs, estimated: report.nextResponse.calendar.estimated },
    nextResponseBusinessMedian: { kind: 'duration', value: report.nextResponse.business.medianMs, estimated: report.nextResponse.business.estimated },
    resolutionRate: { kind: 'share', value: report.resolution.rate },
    resolutionTimeMedian: { kind: 'duration', value: report.resolution.time.calendar.medianMs, estimated: report.resolution.time.calendar.estimated },
    slaAttainment: { kind: 'share', value: report.headline.slaAttainment },
    csat: { kind: 'average', value: report.csat.average },
    nps: { kind: 'nps', value: report.nps.score },
    volume: { kind: 'count', value: report.headline.inbound },
    backlog: { kind: 'count', value: backlogAtEnd(report) },
  };
  return KPI_KEYS.map((key) => {
    const read = fromHeadline[key];
    const previous = report.previous && read ? { kind: figures[key].kind, value: read(report.previous.headline) } : null;
    return { key, figure: figures[key], previous };
  });
}

/** Inbound customer messages per local hour of day ("00" … "23"). */
export function hourRows(report: Report): { hour: string; inbound: number }[] {
  return report.volume.byHour.map((inbound, hour) => ({ hour: String(hour).padStart(2, '0'), inbound }));
}

export function channelRows(report: Report): { platform: string; inbound: number; outbound: number }[] {
  return report.volume.byChannel.map(({ platform, inbound, outbound }) => ({ platform, inbound, outbound }));
}

export function backlogRows(report: Report): { at: number; open: number }[] {
  return report.backlog.points.map(({ at, open }) => ({ at, open }));
}

export interface SlaRow {
  key: string;
  policyName: string | null;
  target: Report['sla'][number]['target'];
  met: number;
  breached: number;
  attainment: number | null;
  breachAlerts: number;
}

export function slaRows(report: Report): SlaRow[] {
  return report.sla.map((row) => ({ key: `${row.policyId}|${row.target}`, ...row }));
}

export interface SentimentRow {
  key: string;
  total: number;
  negativeShare: number | null;
  neutralShare: number | null;
  positiveShare: number | null;
}

/** Largest first, so the busiest accounts, languages and regions lead the table. */
export function sentimentRows(shares: SentimentShare[]): SentimentRow[] {
  return [...shares]
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key))
    .map(({ key, total, negativeShare, neutralShare, positiveShare }) => ({ key, total, negativeShare, neutralShare, positiveShare }));
}

export function agentRows(report: Report): Report['agents'] {
  return [...report.agents].sort((a, b) => b.replies - a.replies || (a.name ?? a.agentId).localeCompare(b.name ?? b.agentId));
}

/** One row of the per-region table: the headline figures of the report filtered to that region. */
export interface RegionRow {
  region: string;
  inbound: number;
  firstResponseMedianMs: number | null;
  firstResponseBusinessMedianMs: number | null;
  resolutionRate: number | null;
  resolved: number;
  slaAttainment: number | null;
  csatAverage: number | null;
}

export function regionRow(region: string, report: Report): RegionRow {
  const h = report.headline;
  return {
    region,
    inbound: h.inbound,
    firstResponseMedianMs: h.firstResponseMedianMs,
    firstResponseBusinessMedianMs: h.firstResponseBusinessMedianMs,
    resolutionRate: h.resolutionRate,
    resolved: h.resolved,
    slaAttainment: h.slaAttainment,
    csatAverage: h.csatAverage,
  };
}

/** The regions accounts serve, sorted, each once. */
export function accountRegions(accounts: readonly { region?: string | null }[]): string[] {
  return [...new Set(accounts.map((a) => a.region).filter((r): r is string => Boolean(r)))].sort();
}
