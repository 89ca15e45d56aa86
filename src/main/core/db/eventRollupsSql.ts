// Part of migration 18: changing what this generates changes a released migration; add a new one instead.
// Migration 18's rollups of conversation events per UTC day and per UTC month: one row per
// period and every dimension report filters read ('' or -1 for none), kept exact by triggers in
// the transaction that writes or deletes the event. Reports of long periods read these instead of
// every event (src/main/core/repos/reports.ts). Assignments are left out: no figure counts them.

interface Grain {
  table: string;
  column: string;
  of: (row: string) => string;
}

const GRAINS: Grain[] = [
  { table: 'report_event_days', column: 'day', of: (row) => `${row}.at / 86400000` },
  {
    table: 'report_event_months',
    column: 'month',
    // year × 12 + month − 1, in UTC
    of: (row) => `(CAST(strftime('%Y', ${row}.at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ${row}.at / 1000, 'unixepoch') AS INTEGER) - 1)`,
  },
];

const DIMENSIONS = ['kind', 'account_id', 'language', 'priority', 'agent_id', 'shift_region', 'policy_id', 'sla_target', 'survey_kind', 'score'] as const;
const dimension = (row: string, column: (typeof DIMENSIONS)[number]) =>
  column === 'kind' || column === 'account_id' || column === 'priority' ? `${row}.${column}` : `COALESCE(${row}.${column}, ${column === 'score' ? -1 : "''"})`;

/** What each row adds up, as the expression one event contributes. */
const MEASURES = {
  waited: (row: string) => `(${row}.wait_ms IS NOT NULL)`,
  met: (row: string) => `(${row}.kind <> 'sla_breach' AND ${row}.sla_met IS 1)`,
  late: (row: string) => `(${row}.kind <> 'sla_breach' AND ${row}.sla_met IS 0)`,
  first_replies: (row: string) => `${row}.agent_first_reply`,
  handle_ms: (row: string) => `COALESCE(${row}.handle_ms, 0)`,
  handled: (row: string) => `(${row}.handle_ms IS NOT NULL)`,
};
const measureNames = Object.keys(MEASURES) as (keyof typeof MEASURES)[];

function grainSql(g: Grain): { schema: string; onInsert: string; onDelete: string } {
  const keys = [g.column, ...DIMENSIONS].join(', ');
  const keysOf = (row: string) => [g.of(row), ...DIMENSIONS.map((d) => dimension(row, d))].join(', ');
  const columns = `${keys}, events, ${measureNames.join(', ')}`;
  const schema = /* sql */ `
    CREATE TABLE ${g.table} (
      ${g.column} INTEGER NOT NULL,
      ${DIMENSIONS.map((d) => `${d} ${d === 'score' ? 'INTEGER' : 'TEXT'} NOT NULL`).join(',\n      ')},
      events INTEGER NOT NULL,
      ${measureNames.map((m) => `${m} INTEGER NOT NULL`).join(',\n      ')},
      PRIMARY KEY (${keys})
    ) STRICT, WITHOUT ROWID;
    INSERT INTO ${g.table} (${columns})
    SELECT ${keysOf('e')}, COUNT(*), ${measureNames.map((m) => `SUM(${MEASURES[m]('e')})`).join(', ')}
    FROM conversation_events e WHERE e.kind <> 'assignment'
    GROUP BY ${DIMENSIONS.map((_, i) => i + 2).join(', ')}, 1;`;
  const onInsert = /* sql */ `
      INSERT INTO ${g.table} (${columns})
      SELECT ${keysOf('e')}, 1, ${measureNames.map((m) => MEASURES[m]('e')).join(', ')} FROM conversation_events e WHERE e.id = NEW.id
      ON CONFLICT (${keys}) DO UPDATE SET events = events + 1, ${measureNames.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')};`;
  const onDelete = /* sql */ `
      UPDATE ${g.table} SET events = events - 1, ${measureNames.map((m) => `${m} = ${m} - ${MEASURES[m]('OLD')}`).join(', ')}
      WHERE ${g.column} = ${g.of('OLD')} AND ${DIMENSIONS.map((d) => `${d} = ${dimension('OLD', d)}`).join(' AND ')};`;
  return { schema, onInsert, onDelete };
}

const grains = GRAINS.map(grainSql);

export const EVENT_ROLLUPS_SQL = /* sql */ `
    ${grains.map((g) => g.schema).join('\n')}
    CREATE TRIGGER conversation_events_rollups_insert AFTER INSERT ON conversation_events WHEN NEW.kind <> 'assignment' BEGIN
      -- the flag first: the rollups read the stored row. By conversation: by agent would read all of their events.
      UPDATE conversation_events SET agent_first_reply = 1
      WHERE id = NEW.id AND NEW.kind IN ('first_response', 'response') AND NEW.agent_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM conversation_events AS p INDEXED BY conversation_events_conversation WHERE p.conversation_id = NEW.conversation_id AND p.agent_id = NEW.agent_id
                          AND p.kind IN ('first_response', 'response') AND p.id <> NEW.id);
      ${grains.map((g) => g.onInsert).join('\n')}
    END;
    CREATE TRIGGER conversation_events_rollups_delete AFTER DELETE ON conversation_events WHEN OLD.kind <> 'assignment' BEGIN
      ${grains.map((g) => g.onDelete).join('\n')}
    END;`;

/** One raw event as a rollup row (every dimension and measure): reads mix rollup rows with the events of partial days. */
export const eventAsRollupRowSql = (row: string): string =>
  [...DIMENSIONS.map((d) => `${dimension(row, d)} AS ${d}`), `1 AS events`, ...measureNames.map((m) => `${MEASURES[m](row)} AS ${m}`)].join(', ');
export const ROLLUP_ROW_COLUMNS = [...DIMENSIONS, 'events', ...measureNames].join(', ');
