// The canned-response library: each response stored whole (validated JSON), its words indexed
// for search as the agent types, and how often each agent used it.
import { cannedResponseSchema, type CannedResponse, type UsageStat } from '@shared/cannedResponses';
import type { Db } from '../db/database';
import { toFtsQuery } from './messages';

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

export function createCannedRepo(db: Db) {
  const upsert = db.prepare<{ id: string; shortcut: string; title: string; folder: string; data: string; createdAt: number; updatedAt: number }>(
    `INSERT INTO canned_responses (id, shortcut, title, folder, data, created_at, updated_at)
     VALUES (@id, @shortcut, @title, @folder, @data, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET shortcut = excluded.shortcut, title = excluded.title, folder = excluded.folder,
       data = excluded.data, updated_at = excluded.updated_at`,
  );
  const rowidOf = db.prepare<[string], number>('SELECT rowid FROM canned_responses WHERE id = ?').pluck();
  const unindex = db.prepare<[number]>('DELETE FROM canned_fts WHERE rowid = ?');
  const index = db.prepare<{ rowid: number; title: string; tags: string; bodies: string }>(
    'INSERT INTO canned_fts (rowid, title, tags, bodies) VALUES (@rowid, @title, @tags, @bodies)',
  );
  const remove = db.prepare<[string]>('DELETE FROM canned_responses WHERE id = ?');
  const all = db.prepare<[], string>('SELECT data FROM canned_responses ORDER BY folder, title').pluck();
  const byShortcut = db.prepare<[string], string>('SELECT id FROM canned_responses WHERE shortcut = ?').pluck();
  const dataById = db.prepare<[string], string>('SELECT data FROM canned_responses WHERE id = ?').pluck();
  const dataByShortcut = db.prepare<[string], string>('SELECT data FROM canned_responses WHERE shortcut = ?').pluck();
  const search = db.prepare<[string, number], string>(
    `SELECT r.data FROM canned_fts f JOIN canned_responses r ON r.rowid = f.rowid WHERE canned_fts MATCH ? ORDER BY f.rank LIMIT ?`,
  ).pluck();
  const use = db.prepare<{ id: string; agentId: string; now: number }>(
    `INSERT INTO canned_usage (response_id, agent_id, count, last_used_at) VALUES (@id, @agentId, 1, @now)
     ON CONFLICT (response_id, agent_id) DO UPDATE SET count = count + 1, last_used_at = @now`,
  );
  const usage = db.prepare<[string], { id: string; count: number; lastUsedAt: number }>(
    'SELECT response_id AS id, count, last_used_at AS lastUsedAt FROM canned_usage WHERE agent_id = ?',
  );
  const usageAll = db.prepare<[], { id: string; count: number; lastUsedAt: number }>(
    'SELECT response_id AS id, SUM(count) AS count, MAX(last_used_at) AS lastUsedAt FROM canned_usage GROUP BY response_id',
  );

  const parse = (data: string): CannedResponse => cannedResponseSchema.parse(JSON.parse(data));
  /** What search reads of a response. */
  const searchedText = (response: CannedResponse) => ({
    title: response.title,
    tags: response.tags.join(' '),
    bodies: response.variants.map((v) => v.body).join('\n'),
  });

  /**
   * Japanese, Chinese, Korean and Thai write words without spaces, so the word index holds a whole
   * run of them as one token and cannot find a word inside it: such queries match substrings of
   * every response instead (a library is hundreds of rows, not millions).
   */
  function searchSubstrings(text: string, limit: number): CannedResponse[] {
    const words = text.toLocaleLowerCase().split(/\s+/u).filter(Boolean);
    return all
      .all()
      .map(parse)
      .filter((response) => {
        const { title, tags, bodies } = searchedText(response);
        const haystack = `${title}\n${tags}\n${bodies}`.toLocaleLowerCase();
        return words.every((word) => haystack.includes(word));
      })
      .slice(0, limit);
  }

  function save(response: CannedResponse): void {
    db.transaction(() => {
      const existing = rowidOf.get(response.id);
      if (existing !== undefined) unindex.run(existing);
      upsert.run({
        id: response.id,
        shortcut: response.shortcut,
        title: response.title,
        folder: response.folder,
        data: JSON.stringify(response),
        createdAt: response.createdAt,
        updatedAt: response.updatedAt,
      });
      index.run({ rowid: rowidOf.get(response.id)!, ...searchedText(response) });
    })();
  }

  return {
    list: (): CannedResponse[] => all.all().map(parse),
    exists: (id: string): boolean => rowidOf.get(id) !== undefined,
    get(id: string): CannedResponse | null {
      const data = dataById.get(id);
      return data === undefined ? null : parse(data);
    },
    /** The response holding a shortcut (case-insensitive), if any. */
    byShortcut(shortcut: string): CannedResponse | null {
      const data = dataByShortcut.get(shortcut);
      return data === undefined ? null : parse(data);
    },
    /** The id holding a shortcut (case-insensitive), if any. */
    idOfShortcut: (shortcut: string): string | null => byShortcut.get(shortcut) ?? null,
    save,
    /** Several at once (an import): all or nothing. */
    saveAll: (responses: CannedResponse[]) => db.transaction(() => responses.forEach(save))(),
    remove(id: string): boolean {
      return db.transaction(() => {
        const rowid = rowidOf.get(id);
        if (rowid === undefined) return false;
        unindex.run(rowid);
        return remove.run(id).changes > 0;
      })();
    },
    /** Responses whose title, tags or a body contain every word (the last one as a prefix). */
    search(query: string, limit = 200): CannedResponse[] {
      const text = query.replace(/^\//, '');
      if (UNSPACED_SCRIPT.test(text)) return searchSubstrings(text, limit);
      const fts = toFtsQuery(text);
      return fts ? search.all(fts, limit).map(parse) : [];
    },
    recordUse: (id: string, agentId: string, now: number) => void use.run({ id, agentId, now }),
    /** Usage per response: this agent's, or everyone's. */
    usage(agentId: string | null): Map<string, UsageStat> {
      const rows = agentId === null ? usageAll.all() : usage.all(agentId);
      return new Map(rows.map((r) => [r.id, { count: r.count, lastUsedAt: r.lastUsedAt }]));
    },
  };
}

export type CannedRepo = ReturnType<typeof createCannedRepo>;
