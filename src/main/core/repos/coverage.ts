// Demand as coverage reads it from the replica: inbound messages counted per quarter hour,
// language and the account's region (every zone's hours start on a quarter hour, so the core buckets them into the
// viewer's local hours without reading each message).
import type { InboundCount } from '@shared/schedule/coverage';
import type { Db } from '../db/database';

const QUARTER_HOUR_MS = 900_000;

// Served by messages_inbound_at_account (created_at, language, account_id) WHERE direction = 'in':
// a range scan of the covering index, no message rows read (accounts by primary key). The quarter hour is a literal: a bound number arrives
// as REAL and would not divide whole.
export const INBOUND_COUNTS_SQL = `SELECT (m.created_at / ${QUARTER_HOUR_MS}) * ${QUARTER_HOUR_MS} AS at, m.language AS language, a.region AS region, COUNT(*) AS count
  FROM messages m JOIN accounts a ON a.id = m.account_id
  WHERE m.direction = 'in' AND m.created_at >= @from AND m.created_at < @to
  GROUP BY m.created_at / ${QUARTER_HOUR_MS}, m.language, a.region`;

export function createCoverageRepo(db: Db) {
  const inbound = db.prepare<{ from: number; to: number }, InboundCount>(INBOUND_COUNTS_SQL);

  return {
    /** Inbound messages in [from, to), counted per quarter hour and language. */
    inboundCounts: (from: number, to: number): InboundCount[] => inbound.all({ from, to }),
  };
}

export type CoverageRepo = ReturnType<typeof createCoverageRepo>;
