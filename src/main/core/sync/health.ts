// What the sync engine knows about each account's connection. Pulls and sends are tracked
// apart: a successful pull must not lift a rate limit a send was given, and a successful send
// must not hide that pulling stopped. The account shows the worse of the two.
import type { AccountHealth } from '@shared/domain';
import type { ConnectorError } from '../connectors/connector';

export type Channel = 'pull' | 'send';

export interface HealthState {
  health: AccountHealth;
  reason: string | null;
  nextRetryAt: number | null;
  /** Until when this channel must wait (rate limit), or null. */
  blockedUntil: number | null;
}

export const ONLINE: HealthState = { health: 'online', reason: null, nextRetryAt: null, blockedUntil: null };

const SEVERITY: Record<AccountHealth, number> = { online: 0, degraded: 1, offline: 2, 'needs-auth': 3 };

export function healthFromError(error: ConnectorError, nextRetryAt: number | null): HealthState {
  switch (error.kind) {
    case 'auth':
      return { health: 'needs-auth', reason: error.message, nextRetryAt: null, blockedUntil: null };
    case 'rate-limit':
      return { health: 'degraded', reason: error.message, nextRetryAt, blockedUntil: nextRetryAt };
    case 'transient':
      return { health: 'offline', reason: error.message, nextRetryAt, blockedUntil: null };
    case 'malformed':
    case 'rejected':
      return { health: 'degraded', reason: error.message, nextRetryAt, blockedUntil: null };
  }
}

export function worse(a: HealthState, b: HealthState): HealthState {
  return SEVERITY[b.health] > SEVERITY[a.health] ? b : a;
}

const same = (a: HealthState, b: HealthState) =>
  a.health === b.health && a.reason === b.reason && a.nextRetryAt === b.nextRetryAt && a.blockedUntil === b.blockedUntil;

export interface HealthChange {
  accountId: string;
  channel: Channel;
  state: HealthState;
  previous: HealthState;
}

export class HealthTracker {
  private readonly states = new Map<string, Record<Channel, HealthState>>();
  private readonly listeners = new Set<(change: HealthChange) => void>();

  /** The account as the agent should see it: the worse of pulling and sending. */
  get(accountId: string): HealthState {
    const s = this.states.get(accountId);
    return s ? worse(s.pull, s.send) : ONLINE;
  }

  channel(accountId: string, channel: Channel): HealthState {
    return this.states.get(accountId)?.[channel] ?? ONLINE;
  }

  ok(accountId: string, channel: Channel): void {
    this.set(accountId, channel, ONLINE);
  }

  failed(accountId: string, channel: Channel, error: ConnectorError, nextRetryAt: number | null): void {
    this.set(accountId, channel, healthFromError(error, nextRetryAt));
  }

  /** Something other than the platform went wrong (e.g. the local database). */
  degraded(accountId: string, channel: Channel, reason: string, nextRetryAt: number | null): void {
    this.set(accountId, channel, { health: 'degraded', reason, nextRetryAt, blockedUntil: null });
  }

  forget(accountId: string): void {
    this.states.delete(accountId);
  }

  onChange(listener: (change: HealthChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(accountId: string, channel: Channel, state: HealthState): void {
    const states = this.states.get(accountId) ?? { pull: ONLINE, send: ONLINE };
    const previous = states[channel];
    if (same(previous, state)) return;
    this.states.set(accountId, { ...states, [channel]: state });
    for (const listener of this.listeners) listener({ accountId, channel, state, previous });
  }
}
