// Shift handover (#6): when an agent's shift ends, each open conversation they own gets a
// handover item carrying what the next agent needs (SLA state, the customer's last message, the
// promises made, the outgoing agent's note) and a suggested receiver; the receiver acknowledges.
// The model and the note are pure; the core stores items (handovers, handover_items).
import { NO_DEADLINE, type Direction } from './domain';
import { findPromises, type AgentPromise } from './handover/promises';

export type { AgentPromise } from './handover/promises';

export type HandoverStatus = 'pending' | 'accepted';
export type SlaState = 'overdue' | 'due' | 'none';

export interface HandoverNote {
  sla: { state: SlaState; dueAt: number | null };
  lastCustomerMessage: { body: string; createdAt: number } | null;
  /** Promises not kept yet, oldest first. */
  promises: (AgentPromise & { sentAt: number })[];
  /** What the outgoing agent wrote for the receiver. */
  note: string | null;
}

export interface HandoverItem extends HandoverNote {
  id: string;
  handoverId: string;
  conversationId: number;
  customerName: string;
  /** Who owned it when the shift ended. */
  fromAgentId: string;
  /** The suggested (or chosen) receiver; null: the queue (unassigned). */
  toAgentId: string | null;
  status: HandoverStatus;
  createdAt: number;
  acknowledgedAt: number | null;
  /** The shift that ended: its end (UTC ms). */
  shiftEnd: number;
}

export interface NoteMessage {
  direction: Direction;
  body: string;
  createdAt: number;
}

/** The SLA state of a conversation's running deadline at `now`. */
export function slaState(dueAt: number, now: number): HandoverNote['sla'] {
  if (dueAt >= NO_DEADLINE) return { state: 'none', dueAt: null };
  return { state: dueAt <= now ? 'overdue' : 'due', dueAt };
}

/**
 * The promises still open in a conversation: made in the agent's replies and not followed by a
 * later reply (one at or after its due time, for a promise with a time).
 */
export function openPromises(messages: readonly NoteMessage[], agentTimeZone: string): HandoverNote['promises'] {
  const replies = messages.filter((m) => m.direction === 'out').sort((a, b) => a.createdAt - b.createdAt);
  return replies.flatMap((reply) =>
    findPromises(reply.body, reply.createdAt, agentTimeZone)
      .filter((p) => !replies.some((later) => later.createdAt > reply.createdAt && (p.dueAt === null || later.createdAt >= p.dueAt)))
      .map((p) => ({ ...p, sentAt: reply.createdAt })),
  );
}

/** The handover note for a conversation: what the receiver needs to pick it up. */
export function handoverNote(input: { dueAt: number; messages: readonly NoteMessage[]; agentTimeZone: string; now: number; note: string | null }): HandoverNote {
  const lastCustomer = [...input.messages].filter((m) => m.direction === 'in').sort((a, b) => b.createdAt - a.createdAt)[0];
  return {
    sla: slaState(input.dueAt, input.now),
    lastCustomerMessage: lastCustomer ? { body: lastCustomer.body, createdAt: lastCustomer.createdAt } : null,
    promises: openPromises(input.messages, input.agentTimeZone),
    note: input.note,
  };
}
