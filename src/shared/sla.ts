// The default SLA policy of the walking skeleton: ordered policies, first match wins.
// Deadlines here run on calendar time; business hours and pauses come with the SLA engine.
import { NO_DEADLINE, type ConversationKind, type ConversationStatus, type Platform, type Priority } from './domain';

export interface SlaMatch {
  priority?: Priority;
  kind?: ConversationKind;
  platform?: Platform;
}

export interface SlaPolicy {
  id: string;
  name: string;
  match: SlaMatch;
  firstResponseSeconds: number;
  nextResponseSeconds: number;
}

export const DEFAULT_SLA_POLICIES: SlaPolicy[] = [
  { id: 'urgent', name: 'Urgent', match: { priority: 'urgent' }, firstResponseSeconds: 15 * 60, nextResponseSeconds: 30 * 60 },
  { id: 'email', name: 'E-mail', match: { kind: 'email' }, firstResponseSeconds: 4 * 3600, nextResponseSeconds: 8 * 3600 },
  { id: 'social', name: 'Social', match: {}, firstResponseSeconds: 60 * 60, nextResponseSeconds: 2 * 3600 },
];

export interface SlaSubject {
  priority: Priority;
  kind: ConversationKind;
  platform: Platform;
  status: ConversationStatus;
  /** Oldest customer message not yet answered, or null. */
  awaitingSince: number | null;
  firstRespondedAt: number | null;
}

export function matchPolicy(policies: readonly SlaPolicy[], subject: Pick<SlaSubject, 'priority' | 'kind' | 'platform'>): SlaPolicy | null {
  return (
    policies.find(
      (p) =>
        (p.match.priority === undefined || p.match.priority === subject.priority) &&
        (p.match.kind === undefined || p.match.kind === subject.kind) &&
        (p.match.platform === undefined || p.match.platform === subject.platform),
    ) ?? null
  );
}

/** The nearest running deadline (UTC ms), or NO_DEADLINE when nothing awaits the agent. */
export function dueAt(policies: readonly SlaPolicy[], subject: SlaSubject): number {
  if (subject.status !== 'open' || subject.awaitingSince === null) return NO_DEADLINE;
  const policy = matchPolicy(policies, subject);
  if (!policy) return NO_DEADLINE;
  const seconds = subject.firstRespondedAt === null ? policy.firstResponseSeconds : policy.nextResponseSeconds;
  return subject.awaitingSince + seconds * 1000;
}
