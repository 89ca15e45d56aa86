// Demand as the replica serves it, on a real SQLite file: counts per quarter hour and language,
// inbound only, read through an index.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { ACCOUNT_ID, inbound, makeRepos, tempDir } from '../../../../test/support/coreFixtures';
import { ingestPage } from '../sync/ingest';
import { INBOUND_COUNTS_SQL } from './coverage';

const at = (iso: string) => Date.parse(iso);

function seeded() {
  const repos = makeRepos(join(tempDir(), 'shiftdesk.sqlite'));
  ingestPage(
    repos,
    ACCOUNT_ID,
    [
      inbound({ createdAt: at('2026-03-02T09:00Z'), language: 'en' }),
      inbound({ createdAt: at('2026-03-02T09:14Z'), language: 'en' }),
      inbound({ createdAt: at('2026-03-02T09:15Z'), language: 'en' }),
      inbound({ createdAt: at('2026-03-02T09:20Z'), language: 'lv' }),
      inbound({ createdAt: at('2026-03-02T10:00Z'), language: 'en' }), // the end is excluded
      { ...inbound({ createdAt: at('2026-03-02T09:05Z'), language: 'en' }), direction: 'out' as const },
    ],
    null,
    DEFAULT_SLA_POLICIES,
    at('2026-03-02T11:00Z'),
  );
  return repos;
}

describe('coverage repo', () => {
  it('counts inbound messages per quarter hour and language in [from, to)', () => {
    const repos = seeded();
    repos.workspace.setAccountRegion(ACCOUNT_ID, 'EMEA');
    const counts = repos.coverage.inboundCounts(at('2026-03-02T09:00Z'), at('2026-03-02T10:00Z'));
    expect(counts.sort((a, b) => a.at - b.at || String(a.language).localeCompare(String(b.language)))).toEqual([
      { at: at('2026-03-02T09:00Z'), language: 'en', region: 'EMEA', count: 2 },
      { at: at('2026-03-02T09:15Z'), language: 'en', region: 'EMEA', count: 1 },
      { at: at('2026-03-02T09:15Z'), language: 'lv', region: 'EMEA', count: 1 },
    ]);
  });

  it('reads demand by a range scan of its covering index', () => {
    const repos = seeded();
    const plan = repos.db
      .prepare(`EXPLAIN QUERY PLAN ${INBOUND_COUNTS_SQL}`)
      .all({ from: 0, to: 1 })
      .map((r) => (r as { detail: string }).detail)
      .join(' | ');
    expect(plan).toContain('USING COVERING INDEX messages_inbound_at_account (created_at>? AND created_at<?)');
  });
});
