// Test fixtures for the core: real SQLite (in memory or in a temp folder), a controllable
// clock, and a scriptable connector for the platforms that cannot run here.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SLA_POLICIES } from '../../src/shared/sla';
import type { Connector, InboundItem, PullResult, SendRequest, SendResult } from '../../src/main/core/connectors/connector';
import { openDatabase } from '../../src/main/core/db/database';
import { createRepos, type Repos } from '../../src/main/core/repos';
import type { Clock } from '../../src/main/core/ports';

export const SELF_ID = 'agent-self';
export const ACCOUNT_ID = 'acc-x';
export const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

export function tempDir(prefix = 'shiftdesk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function manualClock(start = T0): Clock & { set(ms: number): void; advance(ms: number): void } {
  let now = start;
  return { now: () => now, set: (ms) => void (now = ms), advance: (ms) => void (now += ms) };
}

/** A replica with one agent at this desk and one X account. */
export function makeRepos(path = ':memory:', now = T0): Repos {
  const repos = createRepos(openDatabase(path));
  repos.workspace.addAgent({ id: SELF_ID, name: 'Sam Agent', timeZone: 'Europe/Riga', isSelf: true }, now);
  repos.workspace.addAgent({ id: 'agent-2', name: 'Kai Teammate', timeZone: 'Asia/Tokyo', isSelf: false }, now);
  repos.workspace.addAccount({ id: ACCOUNT_ID, platform: 'x', name: 'Brand Support', handle: '@brandhelp', role: 'support', connector: 'test' }, now);
  if (repos.sla.policies().length === 0) DEFAULT_SLA_POLICIES.forEach((p) => repos.sla.savePolicy(p));
  return repos;
}

let counter = 0;

/** An inbound customer message as a connector would deliver it. */
export function inbound(overrides: Partial<InboundItem> & { thread?: string; user?: string } = {}): InboundItem {
  counter++;
  const { thread = `thread-${counter}`, user = `user-${counter}`, ...rest } = overrides;
  return {
    platformId: `msg-${counter}`,
    conversation: { platformId: thread, kind: 'mention' },
    author: { platformId: user, handle: user, displayName: `Customer ${user}`, followers: 10 },
    direction: 'in',
    body: `Hello from ${user} (${counter})`,
    createdAt: T0,
    language: 'en',
    ...rest,
  };
}

/** A connector whose pulls and sends a test scripts. */
export class ScriptedConnector implements Connector {
  pollIntervalMs?: number;
  readonly pages: (PullResult | Error)[] = [];
  readonly sent: SendRequest[] = [];
  sendImpl: (request: SendRequest) => Promise<SendResult> = async (request) => ({
    platformId: `posted-${request.idempotencyKey}`,
    sentAt: T0,
  });

  async verify() {
    return { handle: '@brandhelp', name: 'Brand Support' };
  }

  async pull(_cursor?: string | null): Promise<PullResult> {
    const next = this.pages.shift() ?? { items: [], cursor: null, more: false };
    if (next instanceof Error) throw next;
    return next;
  }

  async send(request: SendRequest): Promise<SendResult> {
    this.sent.push(request);
    return this.sendImpl(request);
  }
}
