// Sends replies so that none is posted twice and none comes back as a draft. Each reply gets a
// client id (the core is idempotent on it); when the answer is lost with the connection, the
// same text is sent again with the same id, so the core returns what it recorded instead of
// posting twice. One send per conversation at a time. The attempt whose outcome is unknown is
// kept on this computer (a reload in the middle of a send must not turn it into a draft).
// DOM-free: storage, the call and the id generator are injected.
import type { Message } from '@shared/domain';
import { DeskError } from '@shared/errors';
import { CONNECTION_LOST, DISCONNECTED } from '../../bridge/rpcClient';
import type { KeyValueStorage, UnsavedDrafts } from './unsavedDrafts';

export interface PendingReply {
  body: string;
  clientId: string;
  /** The last attempt may have been recorded by the core (in flight, or its answer was lost). */
  uncertain: boolean;
}

export type ReplyOutcome =
  | { kind: 'sent'; body: string; message: Message }
  | { kind: 'failed'; body: string; error: unknown; uncertain: boolean };

export interface ReplySenderOptions {
  send(input: { conversationId: number; body: string; clientId: string }): Promise<Message>;
  newClientId(): string;
  storage: KeyValueStorage | null;
  /** The local copies of unconfirmed drafts: the one of a sent reply is dropped. */
  unsavedDrafts: UnsavedDrafts;
}

/**
 * The call failed on the way (the connection dropped or could not be made, or the host's channel
 * broke), rather than being refused by the core: the reply may or may not have been recorded.
 * The core answers with a DeskError; anything else is a transport failure.
 */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof DeskError)) return true;
  return error.name === CONNECTION_LOST || error.name === DISCONNECTED;
}

const key = (conversationId: number) => `shiftdesk.pendingReply.${conversationId}`;

function parsePending(text: string | null): PendingReply | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<PendingReply> | null;
    if (value && typeof value.body === 'string' && typeof value.clientId === 'string' && typeof value.uncertain === 'boolean') {
      return { body: value.body, clientId: value.clientId, uncertain: value.uncertain };
    }
  } catch {
    // Unreadable: as if absent.
  }
  return null;
}

export class ReplySender {
  private readonly inFlight = new Set<number>();
  /** This page's attempts (storage may be unavailable or refuse writes). */
  private readonly memory = new Map<number, PendingReply>();
  private readonly listeners = new Set<() => void>();
  private readonly settledListeners = new Set<(conversationId: number, outcome: ReplyOutcome) => void>();

  constructor(private readonly options: ReplySenderOptions) {}

  isSending(conversationId: number): boolean {
    return this.inFlight.has(conversationId);
  }

  /** The last attempt that did not succeed (or is still in flight) in this conversation. */
  pending(conversationId: number): PendingReply | null {
    const remembered = this.memory.get(conversationId);
    if (remembered) return remembered;
    // One from an earlier life of this page (reloaded or crashed while sending).
    const { storage } = this.options;
    try {
      return storage ? parsePending(storage.getItem(key(conversationId))) : null;
    } catch {
      return null;
    }
  }

  /** This text is being sent or may have been sent: it must not be saved as a draft. */
  isHeld(conversationId: number, body: string): boolean {
    const pending = this.pending(conversationId);
    return pending !== null && pending.uncertain && pending.body === body;
  }

  /** The agent moved on from that text (edited or cleared it for good): forget the attempt. */
  forget(conversationId: number): void {
    if (this.inFlight.has(conversationId)) return;
    this.setPending(conversationId, null);
  }

  /** Called whenever a conversation's send starts or ends. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Called with the outcome of every send, whoever started it. */
  onSettled(listener: (conversationId: number, outcome: ReplyOutcome) => void): () => void {
    this.settledListeners.add(listener);
    return () => void this.settledListeners.delete(listener);
  }

  /**
   * Sends the reply, unless one is already in flight in this conversation (then null). The same
   * text as the last unsuccessful attempt goes with that attempt's client id; anything else
   * (or anything after a success) with a new one.
   */
  async send(conversationId: number, body: string): Promise<ReplyOutcome | null> {
    if (this.inFlight.has(conversationId) || body.trim() === '') return null;
    const previous = this.pending(conversationId);
    const clientId = previous && previous.body === body ? previous.clientId : this.options.newClientId();
    // Written before the call: if the page dies now, the next load knows the text may be sent.
    this.setPending(conversationId, { body, clientId, uncertain: true });
    this.inFlight.add(conversationId);
    this.notify();
    let outcome: ReplyOutcome;
    try {
      const message = await this.options.send({ conversationId, body, clientId });
      this.setPending(conversationId, null);
      this.options.unsavedDrafts.forget(conversationId, body);
      outcome = { kind: 'sent', body, message };
    } catch (error) {
      // A refusal by the core proves nothing was recorded under this id (it looks the id up
      // first); a connection failure proves nothing. The id is kept either way.
      const uncertain = isConnectionError(error);
      this.setPending(conversationId, { body, clientId, uncertain });
      outcome = { kind: 'failed', body, error, uncertain };
    } finally {
      this.inFlight.delete(conversationId);
    }
    this.notify();
    for (const listener of [...this.settledListeners]) listener(conversationId, outcome);
    return outcome;
  }

  private setPending(conversationId: number, value: PendingReply | null): void {
    if (value) this.memory.set(conversationId, value);
    else this.memory.delete(conversationId);
    const { storage } = this.options;
    if (!storage) return;
    try {
      if (value) storage.setItem(key(conversationId), JSON.stringify(value));
      else storage.removeItem(key(conversationId));
    } catch {
      // Memory keeps it for this page's life.
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
