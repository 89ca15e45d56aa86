// Incidents: bursts of customers' messages on one account that share a term ("#outage").
import type { Incident } from '@shared/domain';
import type { Db } from '../db/database';

export function createIncidentRepo(db: Db) {
  const upsert = db.prepare<{ id: string; accountId: string; term: string; terms: string; firstAt: number; lastAt: number; messageCount: number }>(
    `INSERT INTO incidents (id, account_id, term, terms, first_at, last_at, message_count)
     VALUES (@id, @accountId, @term, @terms, @firstAt, @lastAt, @messageCount)
     ON CONFLICT (id) DO UPDATE SET terms = excluded.terms, last_at = excluded.last_at, message_count = excluded.message_count`,
  );
  const close = db.prepare<[number, string]>('UPDATE incidents SET closed_at = ? WHERE id = ? AND closed_at IS NULL');
  const link = db.prepare<[string, number]>('UPDATE conversations SET incident_id = ? WHERE id = ?');
  const conversationsOf = db.prepare<[string], number>('SELECT DISTINCT conversation_id FROM messages WHERE id IN (SELECT value FROM json_each(?))').pluck();
  const firstConversation = db.prepare<[string], number>('SELECT id FROM conversations WHERE incident_id = ? ORDER BY created_at LIMIT 1').pluck();
  const byId = db.prepare<[string], Incident & { terms: string; closedAt: number | null }>(
    `SELECT id, account_id AS accountId, term, terms, first_at AS firstAt, last_at AS lastAt, message_count AS messageCount, closed_at AS closedAt
     FROM incidents WHERE id = ?`,
  );
  const open = db.prepare<[], Incident & { terms: string; closedAt: number | null }>(
    `SELECT id, account_id AS accountId, term, terms, first_at AS firstAt, last_at AS lastAt, message_count AS messageCount, closed_at AS closedAt
     FROM incidents WHERE closed_at IS NULL ORDER BY last_at DESC`,
  );
  const parse = (row: Incident & { terms: string | string[] }): Incident => ({ ...row, terms: typeof row.terms === 'string' ? (JSON.parse(row.terms) as string[]) : row.terms });
  return {
    save: (i: Omit<Incident, 'closedAt'>) =>
      void upsert.run({ id: i.id, accountId: i.accountId, term: i.term, terms: JSON.stringify(i.terms), firstAt: i.firstAt, lastAt: i.lastAt, messageCount: i.messageCount }),
    close: (id: string, at: number) => void close.run(at, id),
    /** The conversation of a message that joined the incident. */
    link: (incidentId: string, conversationId: number) => void link.run(incidentId, conversationId),
    /** Links the conversations of these messages; returns their ids. */
    linkMessages(incidentId: string, messageIds: number[]): number[] {
      const ids = conversationsOf.all(JSON.stringify(messageIds));
      for (const id of ids) link.run(incidentId, id);
      return ids;
    },
    firstConversation: (incidentId: string): number | null => firstConversation.get(incidentId) ?? null,
    get: (id: string): Incident | null => {
      const row = byId.get(id);
      return row ? parse(row) : null;
    },
    open: (): Incident[] => open.all().map(parse),
  };
}

export type IncidentRepo = ReturnType<typeof createIncidentRepo>;
