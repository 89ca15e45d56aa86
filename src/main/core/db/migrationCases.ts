// Test data for migrations.test.ts: one case per migration, keyed by its version.
// seed: rows an app at that schema writes (as its repositories write them), only in what that
//   migration made possible; a database "at schema N" holds the seeds of 1..N.
// check: what the migration adds, moves or transforms, run right after it upgraded a database
//   seeded up to the schema before it. Rows it keeps are compared by the test itself.
// Adding migration N means adding `N: { seed, check }` here: migrations.test.ts fails without it.
import type Database from 'better-sqlite3';
import { expect } from 'vitest';

type Db = Database.Database;

export interface MigrationCase {
  seed: (db: Db) => void;
  check: (db: Db) => void;
  /** Tables (`name`) or columns (`table.column`) whose rows the migration rewrites or drops on purpose. */
  transforms?: string[];
}

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MINUTE = 60_000;
/** The NO_DEADLINE of migration 4's default for warn_at. */
const NEVER = Number.MAX_SAFE_INTEGER;

export const columnsOf = (db: Db, table: string): string[] =>
  db
    .prepare('SELECT name FROM pragma_table_info(?)')
    .pluck()
    .all(table) as string[];

export const objectNames = (db: Db, type: 'table' | 'index'): string[] =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all(type) as string[];

/** The query plan of `sql` names `index`. */
export function expectPlanUses(db: Db, sql: string, index: string, ...params: unknown[]): void {
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');
  expect(plan).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
}

const valuesOf = (db: Db, sql: string): unknown[] => db.prepare(sql).raw().all();

function seedSchema1(db: Db): void {
  db.exec(/* sql */ `
    INSERT INTO settings (key, value) VALUES ('workspace.name', '"Acme Support"'), ('autoAssign.cursor', '"agent-2"');
    INSERT INTO agents (id, name, time_zone, is_self, created_at) VALUES
      ('agent-self', 'Sam Agent', 'Europe/Riga', 1, ${T0}),
      ('agent-2', 'Kai Teammate', 'Asia/Tokyo', 0, ${T0});
    INSERT INTO accounts (id, platform, name, handle, role, connector, config, secret_backend, position, created_at) VALUES
      ('acc-x', 'x', 'Acme Help', '@acmehelp', 'support', 'x', '{}', 'os-keychain', 0, ${T0}),
      ('acc-masto', 'mastodon', 'Acme on Mastodon', '@acme@mastodon.social', 'support', 'mastodon', '{"instanceUrl":"https://mastodon.social"}', 'os-keychain', 1, ${T0});
    INSERT INTO customers (id, account_id, platform_id, handle, display_name, language, followers, verified, profile_url, updated_at) VALUES
      (1, 'acc-x', '2244994945', '@jo_b', 'Jo Bloggs', 'en', 120, 0, 'https://x.com/jo_b', ${T0}),
      (2, 'acc-masto', '109283', '@ana@chaos.social', 'Ana Souza', 'pt', 48000, 1, 'https://chaos.social/@ana', ${T0});
    INSERT INTO conversations (id, account_id, platform_id, kind, customer_id, subject, status, priority, intent, language, assignee_id, preview,
                               created_at, last_message_at, awaiting_since, first_responded_at, last_responded_at, due_at, breach_notified_at) VALUES
      (1, 'acc-x', '1790000000000000001', 'mention', 1, NULL, 'open', 'urgent', 'support', 'en', 'agent-self', 'My refund never arrived',
       ${T0}, ${T0 + 5 * MINUTE}, ${T0 + 5 * MINUTE}, ${T0 + 2 * MINUTE}, ${T0 + 2 * MINUTE}, ${T0 + 65 * MINUTE}, NULL),
      (2, 'acc-masto', '112233', 'dm', 2, NULL, 'resolved', 'normal', 'support', 'pt', 'agent-2', 'Obrigada!',
       ${T0 - 600 * MINUTE}, ${T0 - 500 * MINUTE}, NULL, ${T0 - 590 * MINUTE}, ${T0 - 590 * MINUTE}, ${NEVER}, ${T0 - 595 * MINUTE}),
      (3, 'acc-x', '1790000000000000077', 'mention', 1, NULL, 'listening', 'normal', 'sales', 'en', NULL, 'Anyone tried the acme widget?',
       ${T0 + MINUTE}, ${T0 + MINUTE}, NULL, NULL, NULL, ${NEVER}, NULL);
    INSERT INTO messages (id, conversation_id, account_id, platform_id, direction, customer_id, agent_id, body, language, urgent, created_at, status, error, client_id) VALUES
      (1, 1, 'acc-x', '1790000000000000001', 'in', 1, NULL, '@acmehelp my refund never arrived, order 5521', 'en', 1, ${T0}, 'received', NULL, NULL),
      (2, 1, 'acc-x', '1790000000000000002', 'out', NULL, 'agent-self', 'Sorry Jo! Could you DM us the order number?', 'en', 0, ${T0 + 2 * MINUTE}, 'sent', NULL, 'c0ffee00-0000-4000-8000-000000000001'),
      (3, 1, 'acc-x', '1790000000000000003', 'in', 1, NULL, 'Sent it, still waiting…', 'en', 0, ${T0 + 5 * MINUTE}, 'received', NULL, NULL),
      (4, 2, 'acc-masto', '112233', 'in', 2, NULL, 'Meu pedido chegou quebrado', 'pt', 0, ${T0 - 600 * MINUTE}, 'received', NULL, NULL),
      (5, 2, 'acc-masto', NULL, 'out', NULL, 'agent-2', 'Vamos trocar, desculpe!', 'pt', 0, ${T0 - 590 * MINUTE}, 'queued', NULL, 'c0ffee00-0000-4000-8000-000000000005'),
      (6, 3, 'acc-x', '1790000000000000077', 'in', 1, NULL, 'Anyone tried the acme widget?', 'en', 0, ${T0 + MINUTE}, 'received', NULL, NULL);
    INSERT INTO messages_fts (rowid, body) SELECT id, body FROM messages;
    INSERT INTO drafts (conversation_id, body, updated_at) VALUES (1, 'Thanks Jo, the refund was', ${T0 + 6 * MINUTE});
    INSERT INTO outbox (seq, id, account_id, conversation_id, message_id, action, state, attempts, next_attempt_at, last_error, restore_awaiting_since, created_at, updated_at)
      VALUES (1, 'c0ffee00-0000-4000-8000-000000000005', 'acc-masto', 2, 5, 'reply', 'pending', 2, ${T0 - 580 * MINUTE}, 'Mastodon is unreachable', ${T0 - 600 * MINUTE}, ${T0 - 590 * MINUTE}, ${T0 - 585 * MINUTE});
    INSERT INTO sync_state (account_id, cursor, last_synced_at) VALUES ('acc-x', '1790000000000000003', ${T0 + 6 * MINUTE}), ('acc-masto', '112233', ${T0 - MINUTE});
    INSERT INTO listening_streams (id, account_id, name, query, intent, cursor, last_run_at, last_error, created_at)
      VALUES ('ls-widget', 'acc-x', 'Widget buzz', 'acme widget', 'sales', '1790000000000000077', ${T0 + MINUTE}, NULL, ${T0});
    INSERT INTO sla_policies (id, name, position, match, first_response_seconds, next_response_seconds, resolution_seconds) VALUES
      ('urgent', 'Urgent', 0, '{"priority":"urgent"}', 900, 1800, 14400),
      ('default', 'Everything else', 1, '{}', 3600, 7200, NULL);
    -- canned_responses and shifts of this schema were placeholders no release wrote to.
  `);
}

export const migrationCases: Record<number, MigrationCase> = {
  1: {
    seed: seedSchema1,
    check: (db) => expect(objectNames(db, 'table')).toEqual(expect.arrayContaining(['accounts', 'conversations', 'messages', 'messages_fts', 'outbox', 'sync_state'])),
  },
  2: {
    seed: (db) =>
      db.exec(`UPDATE sync_state SET first_sync_started_at = ${T0 - 60 * MINUTE}, first_sync_ended_at = ${T0 - 50 * MINUTE}, first_sync_messages = 412, first_sync_cancelled = 1 WHERE account_id = 'acc-x'`),
    check: (db) => {
      expect(valuesOf(db, 'SELECT account_id, first_sync_started_at, first_sync_ended_at, first_sync_messages, first_sync_cancelled FROM sync_state ORDER BY account_id')).toEqual([
        ['acc-masto', null, null, 0, 0],
        ['acc-x', null, null, 0, 0],
      ]);
      expect(() => db.exec("UPDATE sync_state SET first_sync_cancelled = 2 WHERE account_id = 'acc-x'")).toThrow(/CHECK constraint/);
    },
  },
  3: {
    seed: (db) =>
      db.exec(/* sql */ `
        INSERT INTO accounts (id, platform, name, handle, role, connector, config, secret_backend, position, created_at)
          VALUES ('acc-mail', 'email', 'Acme e-mail', 'help@acme.example', 'support', 'email', '{"imapHost":"imap.acme.example"}', 'os-keychain', 2, ${T0});
        INSERT INTO customers (id, account_id, platform_id, handle, display_name, language, followers, verified, profile_url, updated_at)
          VALUES (3, 'acc-mail', 'jo@example.org', 'jo@example.org', 'Jo Bloggs', 'en', 0, 0, NULL, ${T0});
        INSERT INTO conversations (id, account_id, platform_id, kind, customer_id, subject, status, priority, language, preview, created_at, last_message_at, due_at, moved_from_id)
          VALUES (4, 'acc-mail', 'moved:1', 'email', 3, 'Your refund (order 5521)', 'open', 'normal', 'en', 'Hi Jo, about your refund', ${T0 + 7 * MINUTE}, ${T0 + 7 * MINUTE}, ${NEVER}, 1);
        UPDATE conversations SET moved_to_id = 4 WHERE id = 1;
      `),
    check: (db) => {
      expect(valuesOf(db, 'SELECT id, moved_to_id, moved_from_id FROM conversations ORDER BY id')).toEqual([
        [1, null, null],
        [2, null, null],
        [3, null, null],
      ]);
    },
  },
  4: {
    seed: (db) =>
      db.exec(/* sql */ `
        INSERT INTO business_calendars (id, name, definition)
          VALUES ('cal-eu', 'EU office', '{"timeZone":"Europe/Riga","weekly":{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]]},"holidays":["2026-06-24"]}');
        UPDATE sla_policies SET calendar_id = 'cal-eu', near_breach_share = 0.5,
          auto_ack = '{"enabled":true,"messages":{"en":"Thanks, we are on it"}}' WHERE id = 'default';
        UPDATE customers SET vip = 1 WHERE id = 2;
        UPDATE conversations SET policy_id = 'urgent', warn_at = ${T0 + 50 * MINUTE}, resolution_spent_ms = ${2 * MINUTE} WHERE id = 1;
        UPDATE conversations SET policy_id = 'default', warn_at = ${T0 + 40 * MINUTE}, warn_notified_at = ${T0 + 41 * MINUTE} WHERE id = 4;
      `),
    check: (db) => {
      expect(objectNames(db, 'table')).toContain('business_calendars');
      expect(valuesOf(db, 'SELECT id, calendar_id, near_breach_share, auto_ack FROM sla_policies ORDER BY position')).toEqual([
        ['urgent', null, 0.75, '{"enabled":false,"messages":{}}'],
        ['default', null, 0.75, '{"enabled":false,"messages":{}}'],
      ]);
      expect(valuesOf(db, 'SELECT vip FROM customers').flat()).toEqual([0, 0, 0]);
      expect(valuesOf(db, 'SELECT policy_id, warn_at, warn_notified_at, resolution_spent_ms FROM conversations').flat(2)).toEqual(Array(4).fill([null, NEVER, null, 0]).flat());
      expectPlanUses(db, "SELECT id FROM conversations WHERE status = 'open' AND warn_notified_at IS NULL AND warn_at <= ?", 'conversations_open_warn', T0);
    },
  },
  5: {
    seed: (db) =>
      db.exec(/* sql */ `
        UPDATE messages SET sentiment = -0.72, sentiment_label = 'negative', urgency = '{"mustInterrupt":true,"reasons":["refund","negative"]}' WHERE id = 1;
        UPDATE messages SET sentiment = 0.1, sentiment_label = 'neutral' WHERE id = 3;
        INSERT INTO incidents (id, account_id, term, terms, first_at, last_at, message_count, closed_at)
          VALUES ('inc-refund', 'acc-x', 'refund', '["refund","order"]', ${T0}, ${T0 + 5 * MINUTE}, 2, NULL);
        UPDATE conversations SET incident_id = 'inc-refund' WHERE id = 1;
      `),
    check: (db) => {
      expect(valuesOf(db, 'SELECT sentiment, sentiment_label, urgency FROM messages').flat(2)).toEqual(Array(6 * 3).fill(null));
      expect(valuesOf(db, 'SELECT incident_id FROM conversations').flat()).toEqual([null, null, null, null]);
      expectPlanUses(db, 'SELECT id FROM incidents WHERE account_id = ? AND closed_at IS NULL', 'incidents_open', 'acc-x');
    },
  },
  6: {
    seed: (db) =>
      db.exec(`UPDATE agents SET role = 'lead', working_calendar_id = 'cal-eu', quiet_until = ${T0 + 30 * MINUTE} WHERE id = 'agent-self'`),
    check: (db) => {
      expect(valuesOf(db, 'SELECT id, role, working_calendar_id, quiet_until FROM agents ORDER BY id')).toEqual([
        ['agent-2', 'agent', null, null],
        ['agent-self', 'agent', null, null],
      ]);
      expect(() => db.exec("UPDATE agents SET role = 'owner'")).toThrow(/CHECK constraint/);
    },
  },
  7: {
    seed: (db) =>
      db.exec(/* sql */ `
        INSERT INTO canned_responses (id, shortcut, title, folder, data, created_at, updated_at) VALUES ('cr-refund', 'refund', 'Refund status', 'Billing',
          '{"id":"cr-refund","shortcut":"refund","title":"Refund status","folder":"Billing","tags":["billing"],"variants":[{"language":"en","platform":null,"body":"Hi {{customer.firstName}}, your refund is on its way."}]}',
          ${T0}, ${T0});
        INSERT INTO canned_fts (rowid, title, tags, bodies) SELECT rowid, title, 'billing', 'Hi {{customer.firstName}}, your refund is on its way.' FROM canned_responses WHERE id = 'cr-refund';
        INSERT INTO canned_usage (response_id, agent_id, count, last_used_at) VALUES ('cr-refund', 'agent-self', 3, ${T0 + 2 * MINUTE});
      `),
    check: (db) => {
      expect(columnsOf(db, 'canned_responses')).toEqual(['id', 'shortcut', 'title', 'folder', 'data', 'created_at', 'updated_at']);
      expect(objectNames(db, 'table')).toEqual(expect.arrayContaining(['canned_fts', 'canned_usage']));
      expect(db.prepare('SELECT COUNT(*) FROM canned_responses').pluck().get()).toBe(0);
    },
  },
  8: {
    seed: (db) =>
      db.exec(
        `INSERT INTO brand_voice (account_id, data, updated_at) VALUES ('acc-x', '{"bannedPhrases":["no worries"],"signOff":"– Acme Help","tone":["warm"],"slang":{}}', ${T0})`,
      ),
    check: (db) => expect(columnsOf(db, 'brand_voice')).toEqual(['account_id', 'data', 'updated_at']),
  },
  9: {
    seed: (db) =>
      db.exec(
        `INSERT INTO message_translations (message_id, target, provider, text, detected_source, created_at) VALUES (4, 'en', 'deepl', 'My order arrived broken', 'pt', ${T0})`,
      ),
    check: (db) => expect(columnsOf(db, 'message_translations')).toEqual(['message_id', 'target', 'provider', 'text', 'detected_source', 'created_at']),
  },
  10: {
    seed: (db) =>
      db.exec(/* sql */ `
        UPDATE messages SET language_confidence = 0.97, language_source = 'detector' WHERE direction = 'in' AND language = 'en';
        UPDATE messages SET language_confidence = 1, language_source = 'platform' WHERE id = 4;
        UPDATE conversations SET language_confidence = 0.97, language_source = 'detector' WHERE language = 'en';
      `),
    check: (db) => {
      expect(valuesOf(db, 'SELECT language_confidence, language_source FROM messages').flat(2)).toEqual(Array(6 * 2).fill(null));
      expect(valuesOf(db, 'SELECT language_confidence, language_source FROM conversations').flat(2)).toEqual(Array(4 * 2).fill(null));
      expect(() => db.exec('UPDATE messages SET language_confidence = 1.5 WHERE id = 1')).toThrow(/CHECK constraint/);
      expect(() => db.exec("UPDATE conversations SET language_source = 'guess' WHERE id = 1")).toThrow(/CHECK constraint/);
      expectPlanUses(db, "SELECT id FROM conversations WHERE status = 'open' AND language = ? ORDER BY due_at, id LIMIT 50", 'conversations_language_open_due', 'en');
    },
  },
  11: {
    seed: (db) => db.exec("UPDATE agents SET ui_language = 'pt-BR' WHERE id = 'agent-2'"),
    check: (db) => expect(valuesOf(db, 'SELECT ui_language FROM agents').flat()).toEqual([null, null]),
  },
  12: {
    seed: (db) =>
      db.exec(/* sql */ `
        INSERT INTO agent_profiles (agent_id, time_zone, languages, skills, queues, capacity, version, updated_at) VALUES
          ('agent-self', 'Europe/Riga', '["en","lv"]', '["billing"]', '["acc-x"]', 8, 1, ${T0}),
          ('agent-2', 'Asia/Tokyo', '["en","ja","pt"]', '[]', '["acc-x","acc-masto"]', 6, 3, ${T0});
        INSERT INTO shifts (id, agent_id, time_zone, start_date, start_time, duration_minutes, rrule, exceptions, region, note, last_date, version, updated_at) VALUES
          ('sh-riga', 'agent-self', 'Europe/Riga', '2026-03-02', '09:00', 480, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '["2026-03-09"]', 'EU', NULL, NULL, 1, ${T0}),
          ('sh-tokyo-once', 'agent-2', 'Asia/Tokyo', '2026-03-07', '22:00', 600, NULL, '[]', 'APAC', 'Launch night', '2026-03-08', 2, ${T0});
        INSERT INTO time_off (id, agent_id, start_at, end_at, reason, version, updated_at)
          VALUES ('to-1', 'agent-2', ${Date.UTC(2026, 2, 15)}, ${Date.UTC(2026, 2, 20)}, 'Holiday', 1, ${T0});
      `),
    check: (db) => {
      expect(columnsOf(db, 'shifts')).toEqual(['id', 'agent_id', 'time_zone', 'start_date', 'start_time', 'duration_minutes', 'rrule', 'exceptions', 'region', 'note', 'last_date', 'version', 'updated_at']);
      expect(objectNames(db, 'table')).toEqual(expect.arrayContaining(['agent_profiles', 'time_off']));
      expect(objectNames(db, 'index')).toEqual(expect.arrayContaining(['shifts_window', 'shifts_agent', 'time_off_window', 'time_off_agent']));
      expectPlanUses(db, 'SELECT id FROM shifts WHERE start_date <= ? AND (last_date IS NULL OR last_date >= ?)', 'shifts_window', '2026-03-08', '2026-03-01');
    },
  },
  13: {
    seed: (db) =>
      db.exec(/* sql */ `
        INSERT INTO handovers (id, agent_id, shift_end, created_at) VALUES ('agent-self@${T0 + 480 * MINUTE}', 'agent-self', ${T0 + 480 * MINUTE}, ${T0 + 481 * MINUTE});
        INSERT INTO handover_items (id, handover_id, conversation_id, to_agent_id, status, note, created_at, acknowledged_at, warned_at, version)
          VALUES ('agent-self@${T0 + 480 * MINUTE}#1', 'agent-self@${T0 + 480 * MINUTE}', 1, 'agent-2', 'pending', 'Refund promised by Friday', ${T0 + 481 * MINUTE}, NULL, NULL, 1);
      `),
    check: (db) => {
      expect(objectNames(db, 'table')).toEqual(expect.arrayContaining(['handovers', 'handover_items']));
      expectPlanUses(db, "SELECT id FROM handover_items WHERE conversation_id = ? AND status = 'pending'", 'handover_items_pending', 1);
    },
  },
  14: {
    // An index only: nothing new to write.
    seed: () => {},
    check: (db) => {
      const inbound = db.prepare("SELECT COUNT(*) FROM messages WHERE direction = 'in'").pluck().get();
      expect(db.prepare("SELECT COUNT(*) FROM messages INDEXED BY messages_inbound_at WHERE direction = 'in' AND created_at >= 0").pluck().get()).toBe(inbound);
      expectPlanUses(db, "SELECT created_at, language FROM messages WHERE direction = 'in' AND created_at >= ? AND created_at < ?", 'messages_inbound_at', T0 - 7 * 1440 * MINUTE, T0);
    },
  },
  15: {
    seed: (db) =>
      db.exec(/* sql */ `
        INSERT INTO conversation_surveys (conversation_id, kind, state, send_at, message_id, language, sent_at, closed_at)
          VALUES (2, 'csat', 'answered', ${T0 + 30 * MINUTE}, 5, 'pt', ${T0 + 31 * MINUTE}, ${T0 + 40 * MINUTE});
        INSERT INTO survey_answers (message_id, conversation_id, kind, score, confidence, answered_at) VALUES (6, 2, 'csat', 5, 0.95, ${T0 + 40 * MINUTE});
      `),
    check: (db) => {
      expect(objectNames(db, 'table')).toEqual(expect.arrayContaining(['conversation_surveys', 'survey_answers']));
      expect(db.prepare('SELECT COUNT(*) FROM conversation_surveys').pluck().get()).toBe(0);
      expect(() => db.exec(`INSERT INTO conversation_surveys (conversation_id, kind, state, send_at) VALUES (1, 'ces', 'scheduled', ${T0})`)).toThrow(/CHECK constraint/);
      expectPlanUses(db, "SELECT conversation_id FROM conversation_surveys WHERE state = 'scheduled' AND send_at <= ?", 'conversation_surveys_due', T0);
    },
  },
  16: {
    seed: (db) => db.exec("UPDATE customers SET avatar_url = 'https://pbs.twimg.com/profile_images/1/jo_normal.jpg' WHERE id = 1"),
    check: (db) => {
      expect(columnsOf(db, 'customers')).toContain('avatar_url');
      expect(valuesOf(db, 'SELECT avatar_url FROM customers').flat().every((url) => url === null)).toBe(true);
    },
  },
  17: {
    // A region, and events as the services write them: two replies by one agent, a survey answer.
    seed: (db) =>
      db.exec(`
        UPDATE accounts SET region = 'EMEA' WHERE id = 'acc-x';
        INSERT INTO conversation_events (kind, at, conversation_id, account_id, platform, language, priority, agent_id, wait_ms, handle_ms, policy_id, sla_target, sla_met) VALUES
          ('first_response', ${T0 + 2 * MINUTE}, 1, 'acc-x', 'x', 'en', 'urgent', 'agent-self', ${2 * MINUTE}, ${2 * MINUTE}, 'social', 'first_response', 1),
          ('response', ${T0 + 9 * MINUTE}, 1, 'acc-x', 'x', 'en', 'urgent', 'agent-self', ${4 * MINUTE}, ${3 * MINUTE}, 'social', 'next_response', 1);
        INSERT INTO conversation_events (kind, at, conversation_id, account_id, platform, language, priority, survey_kind, score)
        VALUES ('survey_answer', ${T0 + 20 * MINUTE}, 1, 'acc-x', 'x', 'en', 'urgent', 'csat', 4);`),
    check: (db) => {
      expect(valuesOf(db, 'SELECT region FROM accounts').flat().every((region) => region === null)).toBe(true);
      // The backfill: each resolved conversation one resolution, every event about a conversation
      // that exists, and the message counts adding up to the messages.
      const resolved = db.prepare("SELECT COUNT(*) FROM conversations WHERE status = 'resolved'").pluck().get();
      expect(db.prepare("SELECT COUNT(*) FROM conversation_events WHERE kind = 'resolution'").pluck().get()).toBe(resolved);
      expect(db.prepare('SELECT COUNT(*) FROM conversation_events e LEFT JOIN conversations c ON c.id = e.conversation_id WHERE c.id IS NULL').pluck().get()).toBe(0);
      expect(db.prepare('SELECT COUNT(*) FROM conversation_events').pluck().get()).toBeGreaterThan(resolved as number);
      const messages = db.prepare('SELECT COUNT(*) FROM messages').pluck().get();
      expect(db.prepare('SELECT SUM(messages) FROM report_message_days').pluck().get()).toBe(messages);
      expect(db.prepare('SELECT SUM(messages) FROM report_message_counts').pluck().get()).toBe(messages);
    },
  },
  18: {
    // A reply by another agent: the trigger flags it and counts it.
    seed: (db) =>
      db.exec(`INSERT INTO conversation_events (kind, at, conversation_id, account_id, platform, language, priority, agent_id, wait_ms, policy_id, sla_target, sla_met)
               VALUES ('response', ${T0 + 30 * MINUTE}, 1, 'acc-x', 'x', 'en', 'urgent', 'agent-2', ${MINUTE}, 'social', 'next_response', 0)`),
    check: (db) => {
      // Each agent's first reply in a conversation is flagged, and only that one.
      const flagged = db.prepare("SELECT COUNT(*) FROM conversation_events WHERE agent_first_reply = 1").pluck().get();
      const pairs = db.prepare("SELECT COUNT(DISTINCT conversation_id || ' ' || agent_id) FROM conversation_events WHERE kind IN ('first_response', 'response') AND agent_id IS NOT NULL").pluck().get();
      expect(flagged).toBe(pairs);
      expect(valuesOf(db, "SELECT kind, agent_first_reply FROM conversation_events WHERE agent_id = 'agent-self' AND kind LIKE '%response' ORDER BY at")).toEqual([
        ['first_response', 1],
        ['response', 0],
      ]);
      // The rollups hold every event but assignments, with their measures.
      for (const table of ['report_event_days', 'report_event_months']) {
        expect(valuesOf(db, `SELECT SUM(events), SUM(waited), SUM(first_replies), SUM(handle_ms) FROM ${table}`)).toEqual(
          valuesOf(db, "SELECT COUNT(*), SUM(wait_ms IS NOT NULL), SUM(agent_first_reply), SUM(COALESCE(handle_ms, 0)) FROM conversation_events WHERE kind <> 'assignment'"),
        );
        expect(valuesOf(db, `SELECT survey_kind, score, events FROM ${table} WHERE kind = 'survey_answer'`)).toEqual([['csat', 4, 1]]);
      }
    },
  },
  19: {
    // Derived from existing rows only: nothing new to write.
    seed: () => {},
    check: (db) => {
      // Inbound from the message counts; backlog changes: started conversations (not the
      // listening hit), minus resolutions, plus reopens, each in its quarter hour and account.
      const rows = valuesOf(db, 'SELECT bucket, account_id, inbound, backlog_delta FROM report_account_quarter_hours WHERE inbound <> 0 OR backlog_delta <> 0 ORDER BY 1, 2');
      const expected = valuesOf(
        db,
        `SELECT bucket, account_id, SUM(inbound), SUM(delta) FROM (
           SELECT created_at / 900000 AS bucket, account_id, direction = 'in' AS inbound, 0 AS delta FROM messages
           UNION ALL SELECT created_at / 900000, account_id, 0, 1 FROM conversations WHERE status <> 'listening'
           UNION ALL SELECT at / 900000, account_id, 0, CASE kind WHEN 'resolution' THEN -1 ELSE 1 END FROM conversation_events WHERE kind IN ('resolution', 'reopen')
         ) GROUP BY 1, 2 HAVING SUM(inbound) <> 0 OR SUM(delta) <> 0 ORDER BY 1, 2`,
      );
      expect(rows).toEqual(expected);
      expect(rows.length).toBeGreaterThan(0);
      const plan = valuesOf(db, `EXPLAIN QUERY PLAN SELECT bucket, SUM(inbound) FROM report_account_quarter_hours WHERE bucket >= ${T0 / 900_000} GROUP BY bucket`).flat().join(' ');
      expect(plan).toMatch(/SEARCH report_account_quarter_hours USING PRIMARY KEY \(bucket>\?\)/);
    },
  },
  20: {
    seed: () => {},
    check: (db) => {
      expect(objectNames(db, 'index')).toContain('messages_inbound_at_account');
      expect(objectNames(db, 'index')).not.toContain('messages_inbound_at');
      expectPlanUses(db, "SELECT created_at, language, account_id FROM messages WHERE direction = 'in' AND created_at >= 0 AND created_at < 1", 'messages_inbound_at_account');
    },
  },
  21: {
    seed: (db) => db.exec(`INSERT INTO schedule_tombstones (kind, id, version, deleted_at) VALUES ('shift', 'sh-gone', 3, ${T0})`),
    check: (db) => {
      expect(objectNames(db, 'table')).toContain('schedule_tombstones');
      expect(db.prepare('SELECT COUNT(*) FROM schedule_tombstones').pluck().get()).toBe(0);
    },
  },
};
