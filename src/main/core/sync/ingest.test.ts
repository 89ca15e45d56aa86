import { describe, expect, it } from 'vitest';
import { NO_DEADLINE } from '@shared/domain';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { ACCOUNT_ID, inbound, makeRepos, T0 } from '../../../../test/support/coreFixtures';
import { ingestPage } from './ingest';

const MIN = 60_000;

describe('ingestPage', () => {
  it('creates customers, conversations and messages, and stores the cursor in the same transaction', () => {
    const repos = makeRepos();
    const items = [inbound({ thread: 't1', user: 'ana' }), inbound({ thread: 't1', user: 'ana', createdAt: T0 + MIN }), inbound({ thread: 't2', user: 'bo' })];
    const result = ingestPage(repos, ACCOUNT_ID, items, 'cursor-1', DEFAULT_SLA_POLICIES, T0 + 2 * MIN);
    expect(result.newMessages).toBe(3);
    expect(result.conversationIds).toHaveLength(2);
    expect(repos.syncState.get(ACCOUNT_ID).cursor).toBe('cursor-1');
    const list = repos.conversations.list('all', 'agent-self', 50);
    expect(list.map((c) => c.customerHandle).sort()).toEqual(['ana', 'bo']);
    const t1 = list.find((c) => c.customerHandle === 'ana')!;
    expect(t1.preview).toBe(items[1]!.body);
    // First response due an hour after the first unanswered message (default "Social" policy).
    expect(t1.dueAt).toBe(T0 + 60 * MIN);
  });

  it("stores the platform's language tag (as its primary subtag, like the detector's) as unchecked until the analyzer runs; agents' messages get no confidence", () => {
    const repos = makeRepos();
    const items = [inbound({ thread: 't1', user: 'ana', language: 'pt-BR' }), inbound({ thread: 't1', user: 'ana', direction: 'out', language: null, createdAt: T0 + MIN })];
    ingestPage(repos, ACCOUNT_ID, items, null, DEFAULT_SLA_POLICIES, T0 + 2 * MIN);
    const rows = repos.db.prepare('SELECT direction, language, language_source AS source, language_confidence AS confidence FROM messages ORDER BY id').all();
    expect(rows).toEqual([
      { direction: 'in', language: 'pt', source: 'platform', confidence: 0.8 },
      { direction: 'out', language: null, source: null, confidence: null },
    ]);
    expect(repos.conversations.list('all', 'agent-self', 5)[0]).toMatchObject({ language: 'pt', languageSource: 'platform', languageConfidence: 0.8 });
  });

  it('stores thread context in its conversation without making anyone wait, and passes over context alone', () => {
    const repos = makeRepos();
    const question = inbound({ thread: 'root', user: 'ana', createdAt: T0 + 5 * MIN, replyTo: 'brand-post' });
    const ours = { ...inbound({ thread: 'root', createdAt: T0, body: 'We fly to Riga again' }), platformId: 'brand-post', direction: 'out' as const, context: true };
    const bystander = { ...inbound({ thread: 'root', user: 'cy', createdAt: T0 + MIN, body: 'refund scam!!' }), context: true };
    const orphan = { ...inbound({ thread: 'elsewhere', user: 'dee' }), context: true };
    const result = ingestPage(repos, ACCOUNT_ID, [question, ours, bystander, orphan], 'c', DEFAULT_SLA_POLICIES, T0 + 6 * MIN);
    expect(result.newMessages).toBe(3);
    expect(result.skipped).toEqual([{ platformId: orphan.platformId, reason: 'thread context for a conversation we do not have' }]);
    expect(result.urgent).toEqual([]);
    const state = repos.conversations.stateByPlatformId(ACCOUNT_ID, 'root')!;
    expect(state).toMatchObject({ awaitingSince: T0 + 5 * MIN, firstRespondedAt: null, priority: 'normal' });
    expect(repos.conversations.customer(state.customerId)!.handle).toBe('ana');
    expect(repos.conversations.summary(state.id)!.preview).toBe(question.body);
  });

  it('is idempotent on platform ids: a re-pulled page adds nothing', () => {
    const repos = makeRepos();
    const items = [inbound({ thread: 't1' }), inbound({ thread: 't1' })];
    ingestPage(repos, ACCOUNT_ID, items, 'c1', DEFAULT_SLA_POLICIES, T0);
    const again = ingestPage(repos, ACCOUNT_ID, items, 'c1', DEFAULT_SLA_POLICIES, T0);
    expect(again.newMessages).toBe(0);
    expect(repos.db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(2);
    expect(repos.db.prepare('SELECT COUNT(*) FROM conversations').pluck().get()).toBe(1);
  });

  it('leaves neither messages nor cursor behind when the page fails half way', () => {
    const repos = makeRepos();
    const bad = { ...inbound({ thread: 't9' }), conversation: { platformId: 't9', kind: 'mention' as const }, createdAt: 'not a time' as unknown as number };
    expect(() => ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 't8' }), bad], 'c9', DEFAULT_SLA_POLICIES, T0)).toThrow();
    expect(repos.db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(0);
    expect(repos.syncState.get(ACCOUNT_ID).cursor).toBeNull();
  });

  it('marks urgent mentions, prioritises the conversation and reports them', () => {
    const repos = makeRepos();
    const result = ingestPage(
      repos,
      ACCOUNT_ID,
      [inbound({ thread: 'u1', body: 'Your app has been DOWN for an hour, I want a refund' }), inbound({ thread: 'n1', body: 'Download link?' })],
      null,
      DEFAULT_SLA_POLICIES,
      T0,
    );
    expect(result.urgent).toHaveLength(1);
    const urgent = repos.conversations.list('urgent', 'agent-self', 10);
    expect(urgent).toHaveLength(1);
    // Urgent policy: 15 minutes.
    expect(urgent[0]!.dueAt).toBe(T0 + 15 * MIN);
  });

  it('reopens a resolved conversation when the customer writes again, with a fresh deadline', () => {
    const repos = makeRepos();
    ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'r1' })], null, DEFAULT_SLA_POLICIES, T0);
    const id = repos.conversations.list('all', 'agent-self', 1)[0]!.id;
    repos.conversations.patch(id, { status: 'resolved', awaitingSince: null, firstRespondedAt: T0 + MIN, lastRespondedAt: T0 + MIN, dueAt: NO_DEADLINE, breachNotifiedAt: T0 });
    ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'r1', createdAt: T0 + 10 * MIN })], null, DEFAULT_SLA_POLICIES, T0 + 10 * MIN);
    const state = repos.conversations.state(id)!;
    expect(state.status).toBe('open');
    // Next-response target (2 h) applies after a first response.
    expect(state.dueAt).toBe(T0 + 10 * MIN + 120 * MIN);
    expect(repos.conversations.breachCandidates(T0 + 500 * MIN, 10)).toEqual([id]);
  });

  it('treats a message it had not seen as unanswered, even if it was written before our reply', () => {
    const repos = makeRepos();
    ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'late', createdAt: T0 })], null, DEFAULT_SLA_POLICIES, T0);
    const id = repos.conversations.stateByPlatformId(ACCOUNT_ID, 'late')!.id;
    // The agent answered at T0+10 min and resolved.
    repos.conversations.patch(id, { status: 'resolved', awaitingSince: null, firstRespondedAt: T0 + 10 * MIN, lastRespondedAt: T0 + 10 * MIN, dueAt: NO_DEADLINE });
    // A message the customer wrote at T0+5 min arrives only now.
    ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'late', createdAt: T0 + 5 * MIN, body: 'also I was charged twice' })], null, DEFAULT_SLA_POLICIES, T0 + 11 * MIN);
    expect(repos.conversations.state(id)).toMatchObject({ status: 'open', awaitingSince: T0 + 5 * MIN });
  });

  it('keeps listening hits out of the inbox, with no deadline, until the customer writes to the brand', () => {
    const repos = makeRepos();
    const listening = { listening: { intent: 'sales' as const }, saveCursor: () => {} };
    ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'l1', body: 'any cheap flights to Riga?' })], null, DEFAULT_SLA_POLICIES, T0, listening);
    const id = repos.conversations.stateByPlatformId(ACCOUNT_ID, 'l1')!.id;
    expect(repos.conversations.state(id)).toMatchObject({ status: 'listening', awaitingSince: null, dueAt: NO_DEADLINE });
    expect(repos.conversations.summary(id)!.intent).toBe('sales');
    expect(repos.conversations.list('all', 'agent-self', 10)).toEqual([]);
    expect(repos.conversations.queueCounts('agent-self', [ACCOUNT_ID], T0).find((q) => q.id === 'listening')!.open).toBe(1);
    // Another hit in the same thread: still listening.
    ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'l1' })], null, DEFAULT_SLA_POLICIES, T0, listening);
    expect(repos.conversations.state(id)!.status).toBe('listening');
    // The customer writes to the brand in that thread: it is in the inbox now, with a deadline.
    ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'l1', createdAt: T0 + MIN })], null, DEFAULT_SLA_POLICIES, T0 + MIN);
    expect(repos.conversations.state(id)).toMatchObject({ status: 'open', awaitingSince: T0 + MIN });
  });

  it('indexes new messages for search, newest first', () => {
    const repos = makeRepos();
    ingestPage(
      repos,
      ACCOUNT_ID,
      [
        inbound({ body: 'Lost baggage at Riga airport', createdAt: T0 }),
        inbound({ body: 'Mana bagāža pazuda Rīgā', language: 'lv', createdAt: T0 + 1 }),
        inbound({ body: 'baggage allowance question', createdAt: T0 + 2 }),
      ],
      null,
      DEFAULT_SLA_POLICIES,
      T0,
    );
    expect(repos.messages.search('baggage', 10).map((h) => h.body)).toEqual(['baggage allowance question', 'Lost baggage at Riga airport']);
    expect(repos.messages.search('bagaza', 10).map((h) => h.body)).toEqual(['Mana bagāža pazuda Rīgā']);
    expect(repos.messages.search('bag', 10)).toHaveLength(3);
    expect(repos.messages.search('"; DROP TABLE messages; --', 10)).toEqual([]);
  });
});
