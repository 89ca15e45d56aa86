// What the handover panel shows, apart from React: which items wait for this agent (the count
// on the header button) and the order items are listed in.
import type { HandoverItem } from '@shared/handover';

/** Pending items this agent can acknowledge: handed to them, or to the queue. */
export const pendingForMe = (items: readonly HandoverItem[], selfId: string): HandoverItem[] =>
  items.filter((i) => i.status === 'pending' && (i.toAgentId === selfId || i.toAgentId === null) && i.fromAgentId !== selfId);

const SLA_ORDER = { overdue: 0, due: 1, none: 2 } as const;

/** Pending first, then by SLA urgency (overdue, then the earliest deadline), then newest. */
export function sortItems(items: readonly HandoverItem[]): HandoverItem[] {
  return [...items].sort(
    (a, b) =>
      Number(a.status !== 'pending') - Number(b.status !== 'pending') ||
      SLA_ORDER[a.sla.state] - SLA_ORDER[b.sla.state] ||
      (a.sla.dueAt ?? Infinity) - (b.sla.dueAt ?? Infinity) ||
      b.createdAt - a.createdAt,
  );
}

/** The receiver select's value for the queue (a select's values are strings). */
export const QUEUE_VALUE = '';
export const toReceiver = (value: string): string | null => (value === QUEUE_VALUE ? null : value);
