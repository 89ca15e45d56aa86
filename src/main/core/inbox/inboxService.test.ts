import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { ACCOUNT_ID, inbound, makeRepos, T0, tempDir } from '../../../../test/support/coreFixtures';
import { EventBus } from '../events';
import type { Repos } from '../repos';
import { ingestPage } from '../sync/ingest';
import { InboxService } from './inboxService';

const MASTODON_ID = 'acc-mastodon';

function desk() {
  const repos = makeRepos(join(tempDir(), 'desk.db'));
  repos.workspace.addAccount(
    { id: MASTODON_ID, platform: 'mastodon', name: 'Brand', handle: '@brand@example.social', role: 'support', connector: 'test', config: { replyLimit: 1000 } },
    T0,
  );
  let queued = 0;
  const inbox = new InboxService({ repos, clock: { now: () => T0 + 60_000 }, events: new EventBus(), policies: () => DEFAULT_SLA_POLICIES, onQueued: () => queued++, onDeadlinesChanged: () => {} });
  return { repos, inbox, queued: () => queued };
}

function conversation(repos: Repos, accountId: string, thread: string): number {
  ingestPage(repos, accountId, [inbound({ thread, platformId: `${thread}-m1` })], null, DEFAULT_SLA_POLICIES, T0);
  return repos.conversations.stateByPlatformId(accountId, thread)!.id;
}

describe('sendReply: only replies that fit the platform are queued', () => {
  it('refuses a reply over X’s weighted length, and keeps the draft and queues nothing', () => {
    const { repos, inbox, queued } = desk();
    const id = conversation(repos, ACCOUNT_ID, 'x-thread');
    // 141 CJK characters weigh 282 on X (limit 280).
    const body = 'カ'.repeat(141);
    inbox.saveDraft(id, body);
    expect(() => inbox.sendReply(id, body)).toThrow(expect.objectContaining({ name: 'InvalidInput', message: expect.stringMatching(/282 long, over the limit of 280/) }));
    expect(repos.drafts.get(id)?.body).toBe(body);
    expect(repos.outbox.counts()).toEqual([]);
    expect(repos.messages.forConversation(id).filter((m) => m.direction === 'out')).toHaveLength(0);
    expect(queued()).toBe(0);
    expect(inbox.sendReply(id, 'カ'.repeat(140)).status).toBe('queued');
  });

  it('counts Mastodon against the account’s instance limit', () => {
    const { repos, inbox } = desk();
    const id = conversation(repos, MASTODON_ID, 'm-thread');
    expect(inbox.sendReply(id, 'a'.repeat(1000)).status).toBe('queued');
    expect(() => inbox.sendReply(id, 'a'.repeat(1001))).toThrow(expect.objectContaining({ name: 'InvalidInput', message: expect.stringMatching(/1001 long, over the limit of 1000/) }));
  });

  it('refuses a known variable left unfilled, and sends an unknown {{...}} as written', () => {
    const { repos, inbox } = desk();
    const id = conversation(repos, ACCOUNT_ID, 'v-thread');
    inbox.saveDraft(id, 'Hi {{customer.first_name}}, on it');
    expect(() => inbox.sendReply(id, 'Hi {{customer.first_name}}, on it')).toThrow(
      expect.objectContaining({ name: 'InvalidInput', message: expect.stringContaining('{{customer.first_name}}') }),
    );
    expect(repos.drafts.get(id)?.body).toBe('Hi {{customer.first_name}}, on it');
    expect(repos.outbox.counts()).toEqual([]);
    expect(inbox.sendReply(id, 'Use {{coupon}} at checkout').body).toBe('Use {{coupon}} at checkout');
  });
});
