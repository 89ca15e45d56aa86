// SLA policies and deadline maths. Ordered policies, the first match wins; targets count open
// hours of the policy's business calendar (around the clock without one); the response clock
// runs only while the customer awaits the agent and pauses while the agent awaits the customer.
import { z } from 'zod';
import { addBusinessTime, businessCalendarSchema, businessTimeBetween, NoOpenTimeError, type BusinessCalendar } from './businessHours';
import {
  CONVERSATION_KINDS,
  NO_DEADLINE,
  PLATFORMS,
  type ConversationIntent,
  type ConversationKind,
  type ConversationStatus,
  type Platform,
  type Priority,
} from './domain';

/** Conditions of a policy: each list given must contain the conversation's value; none given matches all. */
export interface SlaMatch {
  accountIds?: string[];
  platforms?: Platform[];
  kinds?: ConversationKind[];
  priorities?: Priority[];
  /** Language tags: 'pt' matches pt and pt-BR; 'pt-BR' only pt-BR. */
  languages?: string[];
  intents?: ConversationIntent[];
  /** Only customers marked VIP (true) or only the others (false). */
  vip?: boolean;
}

export interface AutoAck {
  enabled: boolean;
  /**
   * The acknowledgement per language ('en' at least), with {{customer}} and {{expected}} (the
   * expected response time, in words) filled in when it is sent.
   */
  messages: Record<string, string>;
}

export interface SlaPolicy {
  id: string;
  name: string;
  match: SlaMatch;
  firstResponseSeconds: number;
  nextResponseSeconds: number;
  /** Open time, not counting waits on the customer, until the conversation should be resolved. */
  resolutionSeconds: number | null;
  /** Business hours the targets count in; null: around the clock. */
  calendarId: string | null;
  /** Share of a target after which the agent is warned (0.75: at 75 %). */
  nearBreachShare: number;
  autoAck: AutoAck;
}

/** A policy as the engine uses it: with its calendar resolved. */
export interface ResolvedSlaPolicy extends SlaPolicy {
  calendar: BusinessCalendar | null;
}

export interface SlaCalendar {
  id: string;
  name: string;
  calendar: BusinessCalendar;
}

const NO_AUTO_ACK: AutoAck = { enabled: false, messages: {} };

const DEFAULT_TARGETS: Pick<SlaPolicy, 'id' | 'name' | 'match' | 'firstResponseSeconds' | 'nextResponseSeconds'>[] = [
  { id: 'urgent', name: 'Urgent', match: { priorities: ['urgent'] }, firstResponseSeconds: 15 * 60, nextResponseSeconds: 30 * 60 },
  { id: 'email', name: 'E-mail', match: { kinds: ['email'] }, firstResponseSeconds: 4 * 3600, nextResponseSeconds: 8 * 3600 },
  { id: 'social', name: 'Social', match: {}, firstResponseSeconds: 60 * 60, nextResponseSeconds: 2 * 3600 },
];

export const DEFAULT_SLA_POLICIES: ResolvedSlaPolicy[] = DEFAULT_TARGETS.map((p) => ({ ...p, resolutionSeconds: null, calendarId: null, calendar: null, nearBreachShare: 0.75, autoAck: NO_AUTO_ACK }));

// --- Validation at the boundary -------------------------------------------------------------

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(200).optional();
const languageTag = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a language tag such as en, pt or pt-BR');

export const slaMatchSchema = z.preprocess(
  // Policies saved before lists existed used one value per key.
  (raw) => {
    if (raw === null || typeof raw !== 'object') return raw;
    const legacy = raw as Record<string, unknown>;
    const out: Record<string, unknown> = { ...legacy };
    for (const [one, many] of [
      ['priority', 'priorities'],
      ['kind', 'kinds'],
      ['platform', 'platforms'],
    ] as const) {
      if (typeof legacy[one] === 'string') {
        out[many] = [legacy[one]];
        delete out[one];
      }
    }
    return out;
  },
  z.strictObject({
    accountIds: list(z.string().min(1).max(200)),
    platforms: list(z.enum(PLATFORMS)),
    kinds: list(z.enum(CONVERSATION_KINDS)),
    priorities: list(z.enum(['normal', 'urgent'])),
    languages: list(languageTag),
    intents: list(z.enum(['support', 'sales'])),
    vip: z.boolean().optional(),
  }),
);

const seconds = (what: string) =>
  z
    .number()
    .int()
    .min(60, `${what}: at least one minute`)
    .max(366 * 86_400, `${what}: at most a year`);

export const autoAckSchema = z
  .strictObject({
    enabled: z.boolean(),
    messages: z.record(languageTag, z.string().trim().min(1, 'Write the acknowledgement').max(2000)),
  })
  .refine((a) => !a.enabled || typeof a.messages.en === 'string', { message: 'An acknowledgement in English (en) is needed as the fallback', path: ['messages'] });

export const slaPolicySchema = z.strictObject({
  id: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1, 'Name the policy').max(100),
  match: slaMatchSchema,
  firstResponseSeconds: seconds('First response'),
  nextResponseSeconds: seconds('Next response'),
  resolutionSeconds: seconds('Resolution').nullable(),
  calendarId: z.string().min(1).max(100).nullable(),
  nearBreachShare: z.number().min(0.1, 'Warn at 10 % of the target or later').max(0.95, 'Warn at 95 % of the target or earlier'),
  autoAck: autoAckSchema,
});

export const slaCalendarSchema = z.strictObject({
  id: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1, 'Name the calendar').max(100),
  calendar: businessCalendarSchema,
});

// --- Matching and deadlines --------------------------------------------------------------------

export interface SlaSubject {
  accountId: string;
  platform: Platform;
  kind: ConversationKind;
  priority: Priority;
  language: string | null;
  intent: ConversationIntent | null;
  vip: boolean;
  status: ConversationStatus;
  /** Oldest customer message not yet answered, or null (waiting on the customer, or nothing). */
  awaitingSince: number | null;
  firstRespondedAt: number | null;
  /** Open time already spent awaiting the agent before `awaitingSince` (the resolution clock). */
  resolutionSpentMs: number;
}

const languageMatches = (wanted: string, actual: string | null) => {
  if (!actual) return false;
  const w = wanted.toLowerCase();
  const a = actual.toLowerCase();
  return a === w || a.startsWith(`${w}-`);
};

export function policyMatches(match: SlaMatch, s: Omit<SlaSubject, 'status' | 'awaitingSince' | 'firstRespondedAt' | 'resolutionSpentMs'>): boolean {
  return (
    (!match.accountIds || match.accountIds.includes(s.accountId)) &&
    (!match.platforms || match.platforms.includes(s.platform)) &&
    (!match.kinds || match.kinds.includes(s.kind)) &&
    (!match.priorities || match.priorities.includes(s.priority)) &&
    (!match.languages || match.languages.some((l) => languageMatches(l, s.language))) &&
    (!match.intents || (s.intent !== null && match.intents.includes(s.intent))) &&
    (match.vip === undefined || match.vip === s.vip)
  );
}

export function matchPolicy<P extends SlaPolicy>(policies: readonly P[], subject: Parameters<typeof policyMatches>[1]): P | null {
  return policies.find((p) => policyMatches(p.match, subject)) ?? null;
}

export interface SlaDeadlines {
  policyId: string | null;
  /** The nearest running deadline (UTC ms), NO_DEADLINE when none runs. */
  dueAt: number;
  /** When to warn that it is near, NO_DEADLINE when none runs. */
  warnAt: number;
}

const NONE = (policyId: string | null): SlaDeadlines => ({ policyId, dueAt: NO_DEADLINE, warnAt: NO_DEADLINE });

/** `ms` of the policy's open time after `start`; NO_DEADLINE for a calendar that never opens again. */
function after(policy: ResolvedSlaPolicy, start: number, ms: number): number {
  if (!policy.calendar) return start + ms;
  try {
    return addBusinessTime(policy.calendar, start, ms);
  } catch (error) {
    if (error instanceof NoOpenTimeError) return NO_DEADLINE;
    throw error;
  }
}

export function slaDeadlines(policies: readonly ResolvedSlaPolicy[], subject: SlaSubject): SlaDeadlines {
  const policy = matchPolicy(policies, subject);
  if (!policy) return NONE(null);
  if (subject.status !== 'open' || subject.awaitingSince === null) return NONE(policy.id);
  const start = subject.awaitingSince;
  const target = (subject.firstRespondedAt === null ? policy.firstResponseSeconds : policy.nextResponseSeconds) * 1000;
  let due = after(policy, start, target);
  let warn = after(policy, start, target * policy.nearBreachShare);
  if (policy.resolutionSeconds !== null) {
    const total = policy.resolutionSeconds * 1000;
    const resolveBy = after(policy, start, Math.max(0, total - subject.resolutionSpentMs));
    if (resolveBy < due) {
      due = resolveBy;
      warn = after(policy, start, Math.max(0, total * policy.nearBreachShare - subject.resolutionSpentMs));
    }
  }
  return { policyId: policy.id, dueAt: due, warnAt: Math.min(warn, due) };
}

/** The nearest running deadline (UTC ms), or NO_DEADLINE when nothing awaits the agent. */
export function dueAt(policies: readonly ResolvedSlaPolicy[], subject: SlaSubject): number {
  return slaDeadlines(policies, subject).dueAt;
}

/**
 * The agent answered at `now`: the open time the customer waited since `awaitingSince` is added
 * to what the resolution clock has spent.
 */
export function resolutionSpentAfterAnswer(policies: readonly ResolvedSlaPolicy[], subject: SlaSubject, now: number): number {
  if (subject.awaitingSince === null || now <= subject.awaitingSince) return subject.resolutionSpentMs;
  const policy = matchPolicy(policies, subject);
  if (!policy || policy.resolutionSeconds === null) return subject.resolutionSpentMs;
  const waited = policy.calendar ? businessTimeBetween(policy.calendar, subject.awaitingSince, now) : now - subject.awaitingSince;
  return subject.resolutionSpentMs + waited;
}
