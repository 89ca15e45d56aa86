import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { ACCOUNT_ID, inbound, makeRepos, SELF_ID, T0 } from '../../../../test/support/coreFixtures';
import { ingestPage } from '../sync/ingest';

const MIN = 60_000;

function seeded() {
  const repos = makeRepos();
  const items = Array.from({ length: 30 }, (_, i) =>
    inbound({ thread: `t${i}`, user: `u${i}`, createdAt: T0 + ((i * 7) % 30) * MIN, body: i % 10 === 0 ? 'refund now' : `question ${i}` }),
  );
  ingestPage(repos, ACCOUNT_ID, items, null, DEFAULT_SLA_POLICIES, T0);
  return repos;
}

describe('conversation queues', () => {
  it('lists open conversations by nearest deadline, with keyset paging that neither skips nor repeats', () => {
    const repos = seeded();
    const all = repos.conversations.list('all', SELF_ID, 500);
    expect(all).toHaveLength(30);
    expect(all.map((c) => c.dueAt)).toEqual([...all.map((c) => c.dueAt)].sort((a, b) => a - b));
    const paged = [];
    let after: { dueAt: number; id: number } | undefined;
    for (;;) {
      const page = repos.conversations.list('all', SELF_ID, 7, after);
      if (page.length === 0) break;
      paged.push(...page);
      after = { dueAt: page.at(-1)!.dueAt, id: page.at(-1)!.id };
    }
    expect(paged.map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it('filters mine, unassigned, urgent and per-account queues, and counts them', () => {
    const repos = seeded();
    const ids = repos.conversations.list('all', SELF_ID, 500).map((c) => c.id);
    repos.conversations.patch(ids[0]!, { assigneeId: SELF_ID });
    repos.conversations.patch(ids[1]!, { assigneeId: 'agent-2' });
    expect(repos.conversations.list('mine', SELF_ID, 50).map((c) => c.id)).toEqual([ids[0]]);
    expect(repos.conversations.list('unassigned', SELF_ID, 50)).toHaveLength(28);
    expect(repos.conversations.list('urgent', SELF_ID, 50)).toHaveLength(3);
    expect(repos.conversations.list(`account:${ACCOUNT_ID}`, SELF_ID, 50)).toHaveLength(30);
    const counts = Object.fromEntries(repos.conversations.queueCounts(SELF_ID, [ACCOUNT_ID], T0 + 40 * MIN).map((q) => [q.id, q]));
    expect(counts.all).toMatchObject({ open: 30 });
    expect(counts.mine).toMatchObject({ open: 1 });
    expect(counts.unassigned).toMatchObject({ open: 28 });
    expect(counts.urgent).toMatchObject({ open: 3 });
    expect(counts[`account:${ACCOUNT_ID}`]).toMatchObject({ open: 30 });
    // Urgent ones (15 min target) that started at T0, T0+10, T0+20 min are overdue at T0+40 min.
    expect(counts.all!.breached).toBe(3);
    repos.conversations.patch(ids[2]!, { status: 'resolved' });
    expect(repos.conversations.list('all', SELF_ID, 50)).toHaveLength(29);
  });

  it('has one queue per language with open conversations, and an unknown-language queue only when needed', () => {
    const repos = makeRepos();
    const items = [
      inbound({ thread: 'a', user: 'a', language: 'lv' }),
      inbound({ thread: 'b', user: 'b', language: 'lv', body: 'refund now' }),
      inbound({ thread: 'c', user: 'c', language: 'pt-BR' }),
      inbound({ thread: 'd', user: 'd', language: 'ja' }),
    ];
    ingestPage(repos, ACCOUNT_ID, items, null, DEFAULT_SLA_POLICIES, T0);
    const languageQueues = (now: number) =>
      Object.fromEntries(
        repos.conversations
          .queueCounts(SELF_ID, [ACCOUNT_ID], now)
          .filter((q) => q.id.startsWith('language:'))
          .map((q) => [q.id, { open: q.open, breached: q.breached }]),
      );
    // The urgent one (15 min target) is overdue after 20 minutes.
    expect(languageQueues(T0 + 20 * MIN)).toEqual({ 'language:lv': { open: 2, breached: 1 }, 'language:pt': { open: 1, breached: 0 }, 'language:ja': { open: 1, breached: 0 } });
    expect(repos.conversations.list('language:lv', SELF_ID, 50).map((c) => c.customerHandle)).toEqual(['b', 'a']);
    // A platform's regional tag (pt-BR) joins its language's queue.
    expect(repos.conversations.list('language:pt', SELF_ID, 50)).toHaveLength(1);

    ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'e', user: 'e', language: null })], null, DEFAULT_SLA_POLICIES, T0);
    expect(languageQueues(T0)['language:und']).toEqual({ open: 1, breached: 0 });
    expect(repos.conversations.list('language:und', SELF_ID, 50).map((c) => c.customerHandle)).toEqual(['e']);
    // Resolved conversations leave their language's queue; an empty queue is not listed.
    const ja = repos.conversations.list('language:ja', SELF_ID, 50)[0]!;
    repos.conversations.patch(ja.id, { status: 'resolved' });
    expect(languageQueues(T0)).not.toHaveProperty('language:ja');
  });

  it('serves every inbox list from an index, without a sort step', () => {
    const repos = seeded();
    const plan = (sql: string, params: Record<string, unknown>) =>
      repos.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params).map((r) => (r as { detail: string }).detail).join(' | ');
    const base = `SELECT c.id FROM conversations c WHERE c.status = 'open'`;
    const order = 'ORDER BY c.due_at, c.id LIMIT 50';
    const cases: [string, Record<string, unknown>, string][] = [
      [`${base} ${order}`, {}, 'conversations_open_due'],
      [`${base} AND c.assignee_id = @p ${order}`, { p: SELF_ID }, 'conversations_assignee_open_due'],
      [`${base} AND c.assignee_id IS NULL ${order}`, {}, 'conversations_assignee_open_due'],
      [`${base} AND c.priority = 'urgent' ${order}`, {}, 'conversations_urgent_open_due'],
      [`${base} AND c.account_id = @p ${order}`, { p: ACCOUNT_ID }, 'conversations_account_open_due'],
      [`${base} AND (c.due_at, c.id) > (@d, @i) ${order}`, { d: 0, i: 0 }, 'conversations_open_due'],
      [`SELECT c.id FROM conversations c WHERE c.status = 'listening' ${order}`, {}, 'conversations_listening'],
      [`${base} AND c.language = @p ${order}`, { p: 'lv' }, 'conversations_language_open_due'],
      [`${base} AND c.language = @p AND (c.due_at, c.id) > (@d, @i) ${order}`, { p: 'lv', d: 0, i: 0 }, 'conversations_language_open_due'],
      [`${base} AND c.language IS NULL ${order}`, {}, 'conversations_language_open_due'],
    ];
    for (const [sql, params, index] of cases) {
      const detail = plan(sql, params);
      expect(detail, sql).toContain(index);
      expect(detail, sql).not.toContain('TEMP B-TREE');
    }
    const counts = plan(
      "SELECT account_id, assignee_id, priority, SUM(due_at <= @n), COUNT(*) FROM conversations WHERE status = 'open' GROUP BY account_id, assignee_id, priority",
      { n: 0 },
    );
    expect(counts).toContain('conversations_open_counts');
    expect(counts).not.toContain('TEMP B-TREE');
    const languageCounts = plan("SELECT language, SUM(due_at <= @n), COUNT(*) FROM conversations WHERE status = 'open' GROUP BY language", { n: 0 });
    expect(languageCounts).toContain('COVERING INDEX conversations_language_open_due');
    expect(languageCounts).not.toContain('TEMP B-TREE');
    expect(plan('SELECT id FROM messages WHERE conversation_id = @c ORDER BY created_at, id', { c: 1 })).toContain('messages_conversation');
    expect(plan("SELECT id FROM conversations WHERE status = 'open' AND breach_notified_at IS NULL AND due_at <= @n ORDER BY due_at", { n: 0 })).toContain(
      'conversations_breach_watch',
    );
  });
});
