// getReport / exportReportCsv (#8): reads events and message counts for a period through the
// reports repository and hands them to the pure maths of src/shared/reports.
import { PLATFORMS, UNKNOWN_LANGUAGE, type Account, type Platform } from '@shared/domain';
import { invalidInput, notFound } from '@shared/errors';
import { backlogInstants, csatFigures, durationStats, npsFigures, placeQuarterHours, QUARTER_HOUR_MS, sentimentShare, share } from '@shared/reports/figures';
import { reportCsv } from '@shared/reports/reportCsv';
import type { AgentWorkload, DualDuration, HeadlineFigures, Report, ReportFilters, ReportQuery, SentimentLabel, SentimentShare, SlaAttainment } from '@shared/reports/types';
import type { EventBus } from '../events';
import type { Clock } from '../ports';
import type { Repos } from '../repos';

type Counts = Record<SentimentLabel, number>;
const zero = (): Counts => ({ negative: 0, neutral: 0, positive: 0 });

export class ReportService {
  constructor(private readonly deps: { repos: Repos; clock: Clock; events: EventBus }) {}

  report(query: ReportQuery): Report {
    const { from, to, timeZone, filters } = query;
    const figures = this.db.transaction(() => this.figures(from, to, timeZone, filters))();
    const length = to - from;
    const previous = query.compare ? { from: from - length, to: from, headline: this.db.transaction(() => this.figures(from - length, from, timeZone, filters))().headline } : null;
    return { ...figures, previous };
  }

  csv(query: ReportQuery): { text: string } {
    return { text: reportCsv(this.report(query)) };
  }

  /** The market an account serves; reports group by it. */
  setRegion(accountId: string, region: string | null): Account {
    const { repos, events } = this.deps;
    if (!repos.workspace.account(accountId)) throw notFound(`Account ${accountId}`);
    if (region !== null && region.trim() === '') throw invalidInput('Name the region, or clear it');
    repos.workspace.setAccountRegion(accountId, region);
    events.emit('changes', { tables: ['accounts'], conversationIds: [] });
    return repos.workspace.account(accountId)!;
  }

  private get db() {
    return this.deps.repos.db;
  }

  private dual(kind: 'first_response' | 'response' | 'resolution', from: number, to: number, f: ReportFilters): DualDuration {
    const { calendar, business, count, sampled } = this.deps.repos.reports.waits(kind, from, to, f);
    const stats = (values: number[]) => ({ ...durationStats(values), count, estimated: sampled });
    return { calendar: stats(calendar), business: stats(business) };
  }

  private figures(from: number, to: number, timeZone: string, filters: ReportFilters): Omit<Report, 'previous'> {
    const { reports } = this.deps.repos;
    const firstResponse = this.dual('first_response', from, to, filters);
    const nextResponse = this.dual('response', from, to, filters);
    const created = reports.created(from, to, filters);
    const time = this.dual('resolution', from, to, filters);
    const resolution = {
      created,
      // Every resolution carries its time: their count is the number of resolutions.
      resolved: time.calendar.count,
      reopened: reports.countEvents('reopen', from, to, filters),
      rate: share(time.calendar.count, created),
      time,
    };

    const names = reports.policyNames();
    const sla: SlaAttainment[] = reports.outcomes(from, to, filters).map((o) => ({
      policyId: o.policyId,
      policyName: names.get(o.policyId) ?? null,
      target: o.target,
      met: o.met,
      breached: o.late,
      attainment: share(o.met, o.met + o.late),
      breachAlerts: o.alerts,
    }));

    const placed = placeQuarterHours(reports.inboundByQuarterHour(from, to, filters), timeZone);
    const totals = reports.messageTotals(from, to, filters);
    const channels = new Map<Platform, { inbound: number; outbound: number }>();
    const byAccount = new Map<string, Counts>();
    const byLanguage = new Map<string, Counts>();
    const byRegion = new Map<string, Counts>();
    let inbound = 0;
    for (const t of totals) {
      const platform = t.platform as Platform;
      const channel = channels.get(platform) ?? { inbound: 0, outbound: 0 };
      if (t.direction === 'in') {
        channel.inbound += t.messages;
        inbound += t.messages;
        for (const [map, key] of [
          [byAccount, t.accountId],
          [byLanguage, t.language || UNKNOWN_LANGUAGE],
          [byRegion, t.region ?? ''],
        ] as const) {
          const c = map.get(key) ?? zero();
          c.negative += t.negative;
          c.neutral += t.neutral;
          c.positive += t.positive;
          map.set(key, c);
        }
      } else channel.outbound += t.messages;
      channels.set(platform, channel);
    }
    const shares = (map: Map<string, Counts>): SentimentShare[] =>
      [...map].map(([key, counts]) => sentimentShare(key, counts)).filter((s) => s.total > 0).sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));

    const { bucket, instants } = backlogInstants(from, to, timeZone);
    const changes = reports.backlogChanges(from, filters);
    let open = reports.openNow(filters);
    // Walk back from now: the backlog at t is what is open now minus what changed since t.
    let i = changes.length - 1;
    const points = [...instants].reverse().map((at) => {
      while (i >= 0 && changes[i]!.bucket * QUARTER_HOUR_MS >= at) open -= changes[i--]!.delta;
      return { at, open: Math.max(0, open) };
    });
    points.reverse();

    const agents: AgentWorkload[] = reports.agentTotals(from, to, filters);

    const csatCounts = new Array<number>(5).fill(0);
    const npsCounts = new Array<number>(11).fill(0);
    for (const s of reports.surveyScores(from, to, filters)) {
      if (s.kind === 'csat') csatCounts[s.score - 1] = s.count;
      else npsCounts[s.score] = s.count;
    }
    const csat = csatFigures(csatCounts);
    const nps = npsFigures(npsCounts);

    const met = sla.reduce((n, s) => n + s.met, 0);
    const late = sla.reduce((n, s) => n + s.breached, 0);
    const headline: HeadlineFigures = {
      firstResponseMedianMs: firstResponse.calendar.medianMs,
      firstResponseBusinessMedianMs: firstResponse.business.medianMs,
      resolutionRate: resolution.rate,
      resolved: resolution.resolved,
      inbound,
      slaAttainment: share(met, met + late),
      csatAverage: csat.average,
      npsScore: nps.score,
    };
    return {
      from,
      to,
      timeZone,
      filters,
      generatedAt: this.deps.clock.now(),
      headline,
      firstResponse,
      nextResponse,
      resolution,
      sla,
      volume: {
        byHour: placed.byHour,
        byChannel: PLATFORMS.filter((p) => channels.has(p)).map((platform) => ({ platform, ...channels.get(platform)! })),
        byDay: [...placed.byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, n]) => ({ date, inbound: n })),
      },
      backlog: { bucket, points },
      agents,
      csat,
      nps,
      sentiment: { byAccount: shares(byAccount), byLanguage: shares(byLanguage), byRegion: shares(byRegion) },
    };
  }
}
