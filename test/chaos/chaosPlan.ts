// What the chaos test's processes agree on: the replies the desk queues (the same plan in the
// parent that checks and in every desk process it restarts) and the messages they exchange.

export const CHAOS_ACCOUNT_ID = 'acc-chaos';

export interface PlannedReply {
  /** The reply's client id: the outbox id, hence the idempotency key the platform sees. */
  key: string;
  thread: string;
  body: string;
}

/** `replies` replies spread round-robin over `conversations` threads; order within a thread is the plan's order. */
export function chaosPlan(conversations: number, replies: number): PlannedReply[] {
  return Array.from({ length: replies }, (_, i) => {
    const thread = `thread-${i % conversations}`;
    return { key: `reply-${String(i).padStart(4, '0')}`, thread, body: `Reply ${i} in ${thread}` };
  });
}

/** From the platform fake to the parent. */
export type PlatformEvent =
  | { type: 'listening'; port: number }
  | { type: 'received'; key: string }
  | { type: 'committed'; key: string; isNew: boolean };

/** From a desk process to the parent. */
export type DeskEvent =
  | { type: 'loaded' }
  | { type: 'ready'; integrity: string; inflight: string[] }
  | { type: 'delivered' }
  | { type: 'error'; message: string };

export interface DeskOptions {
  dbPath: string;
  platformUrl: string;
  conversations: number;
  replies: number;
}

export interface PlatformOptions {
  storePath: string;
  /** Off only to prove the test can fail: every POST becomes a new post. */
  idempotency: boolean;
  /** The platform thinks this long (random up to) before committing, then holds the answer this long. */
  thinkMs: number;
  holdMs: number;
}
