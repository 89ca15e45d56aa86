// Demand as coverage reads it from the replica: inbound messages counted per quarter hour and
// language (every zone's hours start on a quarter hour, so the core buckets them into the
// viewer's local hours without reading each message).
import type { InboundCount } from '@shared/schedule/coverage';
import type { Db } from '../db/database';

const QUARTER_HOUR_MS = 900_000;

export function createCoverageRepo(db: Db) {
  // Served by messages_inbound_at (created_at, language) WHERE direction = 'in': a range scan of
  // the covering index, no table rows read.
  const inbound = db.prepare<{ from: number; to: number; quarter: number }, InboundCount>(
    `SELECT (created_at / @quarter) * @quarter AS at, language, COUNT(*) AS count
     FROM messages
     WHERE direction = 'in' AND created_at >= @from AND created_at < @to
     GROUP BY created_at / @quarter, language`,
  );

  return {
    /** Inbound messages in [from, to), counted per quarter hour and language. */
    inboundCounts: (from: number, to: number): InboundCount[] => inbound.all({ from, to, quarter: QUARTER_HOUR_MS }),
  };
}

export type CoverageRepo = ReturnType<typeof createCoverageRepo>;
