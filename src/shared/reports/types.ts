// The reports contract (#8): what getReport and exportReportCsv take and return. Pure types and
// zod schemas; every figure is a plain number or null (no data), never NaN, so a Report crosses
// IPC and JSON-RPC unchanged.
import { z } from 'zod';
import { PLATFORMS, type Platform } from '../domain';
import { LANGUAGE_TAG_PATTERN } from '../languageTags';
import { timeZoneSchema } from '../businessHours';

/** What is recorded in `conversation_events` as it happens. */
export const CONVERSATION_EVENT_KINDS = ['first_response', 'response', 'resolution', 'reopen', 'assignment', 'sla_breach', 'survey_answer'] as const;
export type ConversationEventKind = (typeof CONVERSATION_EVENT_KINDS)[number];

/** The SLA target a breach (or a met response) is about. */
export const SLA_TARGETS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export const SURVEY_KINDS = ['csat', 'nps'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** Longest period one report covers. */
export const MAX_REPORT_DAYS = 400;
const DAY_MS = 86_400_000;

const id = z.string().min(1).max(200);
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(200).optional();
/** 'und' stands for conversations whose language is not known. */
const languageFilter = z.string().regex(LANGUAGE_TAG_PATTERN);

/**
 * Filters; each list keeps what matches any of its values, and lists combine with AND.
 * region: the market of the account (accounts.region); shiftRegion: the region of the shift the
 * acting agent was on when the event happened. queue: the inbox queue the figures are for
 * ('urgent', 'account:<id>', 'language:<tag>'). Volume and sentiment (counted per message) follow
 * the account, platform, language, region and queue filters; agent and shift filters apply to
 * what agents did (responses, resolutions, workload, SLA, surveys).
 */
export const reportFiltersSchema = z
  .object({
    accountIds: list(id),
    platforms: list(z.enum(PLATFORMS)),
    languages: list(languageFilter),
    queue: z
      .union([z.enum(['all', 'urgent']), z.templateLiteral(['account:', id]), z.templateLiteral(['language:', languageFilter])])
      .optional(),
    agentIds: list(id),
    regions: list(z.string().min(1).max(60)),
    shiftRegions: list(z.string().min(1).max(60)),
  })
  .strict();
export type ReportFilters = z.output<typeof reportFiltersSchema>;

export const reportQuerySchema = z
  .object({
    /** Period [from, to) in UTC ms. */
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    /** The viewer's zone: hour of day and day buckets are local to it. */
    timeZone: timeZoneSchema,
    filters: reportFiltersSchema.default({}),
    /** Also compute the headline figures of the period of the same length just before. */
    compare: z.boolean().default(false),
  })
  .strict()
  .refine((q) => q.to > q.from, { message: 'The period must end after it starts', path: ['to'] })
  .refine((q) => q.to - q.from <= MAX_REPORT_DAYS * DAY_MS, { message: `A report covers at most ${MAX_REPORT_DAYS} days`, path: ['to'] });
export type ReportQuery = z.output<typeof reportQuerySchema>;
export type ReportQueryInput = z.input<typeof reportQuerySchema>;

/** Median and 90th percentile of durations (ms); null when count is 0. */
export interface DurationStats {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  /** Median and p90 estimated from every 8th conversation's waits (a long, busy period); `count` is exact. */
  estimated: boolean;
}

/** A duration measured in calendar time and in the open hours of the SLA policy's business calendar. */
export interface DualDuration {
  calendar: DurationStats;
  business: DurationStats;
}

export interface ResolutionFigures {
  /** Conversations that started in the period. */
  created: number;
  /** Resolutions in the period (a conversation resolved twice counts twice). */
  resolved: number;
  reopened: number;
  /** resolved ÷ created; null when nothing was created. */
  rate: number | null;
  /** From the conversation's start to its resolution. */
  time: DualDuration;
}

export interface SlaAttainment {
  policyId: string;
  /** The policy's current name; null when it was removed since. */
  policyName: string | null;
  target: SlaTarget;
  /** Responses (or resolutions) in the period within the target. */
  met: number;
  /** Responses (or resolutions) in the period after the target. */
  breached: number;
  /** met ÷ (met + breached); null when both are 0. */
  attainment: number | null;
  /** Breaches the SLA monitor reported in the period (conversations still waiting included). */
  breachAlerts: number;
}

export interface ChannelVolume {
  platform: Platform;
  /** Customer messages received. */
  inbound: number;
  /** Agent replies. */
  outbound: number;
}

export interface VolumeFigures {
  /** Customer messages by local hour of day (index 0 = 00:00–00:59 in the viewer's zone); 24 entries. */
  byHour: number[];
  byChannel: ChannelVolume[];
  /** Customer messages per local day of the period. */
  byDay: { date: string; inbound: number }[];
}

/** Open conversations at each bucket boundary (a day, or an hour for periods up to two days). */
export interface BacklogFigures {
  bucket: 'hour' | 'day';
  points: { at: number; open: number }[];
}

/**
 * Per agent: conversations taken on (the agent's first reply in the conversation fell in the
 * period: a count that adds up across periods, so long periods read it from rollups), replies
 * sent, resolutions, and handle time. Handle time of a reply:
 * from the later of the customer message it answers (or the agent's previous reply in that
 * conversation) and the agent's previous reply anywhere, to this reply, capped at 30 minutes —
 * the time the agent can have spent on it. `handleTimeMs` is its total, `handleAverageMs` the
 * mean per reply (null without replies).
 */
export interface AgentWorkload {
  agentId: string;
  /** The agent's current name; null when the agent was removed. */
  name: string | null;
  conversations: number;
  replies: number;
  resolutions: number;
  handleTimeMs: number;
  handleAverageMs: number | null;
}

export interface CsatFigures {
  responses: number;
  /** Mean score 1–5; null without answers. */
  average: number | null;
  /** Counts of scores 1..5 (index 0 = score 1). */
  distribution: number[];
  /** Share of 4 and 5; null without answers. */
  satisfiedShare: number | null;
}

export interface NpsFigures {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, −100..100; null without answers. */
  score: number | null;
  /** Counts of scores 0..10. */
  distribution: number[];
}

export interface SentimentShare {
  /** The account id, language tag ('und': unknown) or region ('' when the account has none). */
  key: string;
  negative: number;
  neutral: number;
  positive: number;
  total: number;
  /** Shares 0..1 of total; null when total is 0. */
  negativeShare: number | null;
  neutralShare: number | null;
  positiveShare: number | null;
}

export interface SentimentFigures {
  byAccount: SentimentShare[];
  byLanguage: SentimentShare[];
  byRegion: SentimentShare[];
}

/** The figures compared with the previous period. */
export interface HeadlineFigures {
  firstResponseMedianMs: number | null;
  firstResponseBusinessMedianMs: number | null;
  resolutionRate: number | null;
  resolved: number;
  inbound: number;
  slaAttainment: number | null;
  csatAverage: number | null;
  npsScore: number | null;
}

export interface Report {
  from: number;
  to: number;
  timeZone: string;
  filters: ReportFilters;
  generatedAt: number;
  headline: HeadlineFigures;
  firstResponse: DualDuration;
  nextResponse: DualDuration;
  resolution: ResolutionFigures;
  sla: SlaAttainment[];
  volume: VolumeFigures;
  backlog: BacklogFigures;
  agents: AgentWorkload[];
  csat: CsatFigures;
  nps: NpsFigures;
  sentiment: SentimentFigures;
  /** The same length just before `from`, when asked for. */
  previous: { from: number; to: number; headline: HeadlineFigures } | null;
}

/** What recordEvent takes for a survey answer (the surveys feature calls it). */
export interface SurveyAnswerEvent {
  conversationId: number;
  kind: SurveyKind;
  score: number;
  at: number;
}
