// Numbered, append-only migrations. Never edit a released one: add the next number.
// PRAGMA user_version holds the number of the last migration applied.
// Each one needs a case (seed + check) in migrationCases.ts: migrations.test.ts fails without it.

import type Database from 'better-sqlite3';
import { backfillReports } from '../reports/backfill';
import { EVENT_ROLLUPS_SQL } from './eventRollupsSql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Fills what the new tables can learn from existing rows, in the migration's transaction. */
  backfill?: (db: Database.Database) => void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: /* sql */ `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        is_self INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        name TEXT NOT NULL,
        handle TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'support',
        connector TEXT NOT NULL,
        -- non-secret settings (instance URL ...); credentials live in the OS keychain only
        config TEXT NOT NULL DEFAULT '{}',
        -- which store holds the account's credentials ('os-keychain'), NULL when it needs none
        secret_backend TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        platform_id TEXT NOT NULL,
        handle TEXT NOT NULL,
        display_name TEXT NOT NULL,
        language TEXT,
        followers INTEGER NOT NULL DEFAULT 0,
        verified INTEGER NOT NULL DEFAULT 0,
        profile_url TEXT,
        updated_at INTEGER NOT NULL,
        UNIQUE (account_id, platform_id)
      ) STRICT;

      CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        platform_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        subject TEXT,
        -- open | resolved | listening (found by a listening stream, not yet taken by an agent)
        status TEXT NOT NULL DEFAULT 'open',
        priority TEXT NOT NULL DEFAULT 'normal',
        -- support | sales, when known (listening streams say which)
        intent TEXT,
        language TEXT,
        assignee_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
        preview TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        last_message_at INTEGER NOT NULL,
        -- oldest customer message not yet answered by an agent; NULL when nothing awaits
        awaiting_since INTEGER,
        first_responded_at INTEGER,
        last_responded_at INTEGER,
        -- nearest running SLA deadline (UTC ms), NO_DEADLINE when none runs
        due_at INTEGER NOT NULL,
        breach_notified_at INTEGER,
        UNIQUE (account_id, platform_id)
      ) STRICT;

      -- One index per list the inbox shows, in the order it shows them.
      CREATE INDEX conversations_open_due ON conversations (due_at, id) WHERE status = 'open';
      CREATE INDEX conversations_account_open_due ON conversations (account_id, due_at, id) WHERE status = 'open';
      CREATE INDEX conversations_assignee_open_due ON conversations (assignee_id, due_at, id) WHERE status = 'open';
      CREATE INDEX conversations_urgent_open_due ON conversations (due_at, id) WHERE status = 'open' AND priority = 'urgent';
      CREATE INDEX conversations_listening ON conversations (due_at, id) WHERE status = 'listening';
      -- Queue counts: one covering scan grouped in index order.
      CREATE INDEX conversations_open_counts ON conversations (account_id, assignee_id, priority, due_at) WHERE status = 'open';
      CREATE INDEX conversations_customer ON conversations (customer_id, last_message_at);
      -- SLA monitor: running deadlines not yet reported as breached.
      CREATE INDEX conversations_breach_watch ON conversations (due_at) WHERE status = 'open' AND breach_notified_at IS NULL;

      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        account_id TEXT NOT NULL,
        platform_id TEXT,
        direction TEXT NOT NULL,
        customer_id INTEGER REFERENCES customers(id),
        agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
        body TEXT NOT NULL,
        language TEXT,
        urgent INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        error TEXT,
        -- our replies: the id the client generated, so a repeated send is recognised
        client_id TEXT,
        UNIQUE (account_id, platform_id)
      ) STRICT;
      CREATE INDEX messages_conversation ON messages (conversation_id, created_at, id);
      CREATE UNIQUE INDEX messages_client_id ON messages (client_id) WHERE client_id IS NOT NULL;

      -- Message search. External content: rows are added by the repository in the same
      -- transaction as the messages, one statement per batch (no per-row triggers).
      CREATE VIRTUAL TABLE messages_fts USING fts5 (
        body,
        content = 'messages',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        -- prefix indexes make search-as-you-type fast from the second character on
        prefix = '2 3'
      );

      CREATE TABLE drafts (
        conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- Actions waiting for delivery to a platform. id is generated by the client before the
      -- transaction that records it commits and doubles as the platform idempotency key.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        message_id INTEGER REFERENCES messages(id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        -- the conversation's awaiting_since before this reply stopped the clock: restored if
        -- the platform refuses the reply for good, so the customer is not left without a deadline
        restore_awaiting_since INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      -- Delivered entries are deleted: the table only holds what is still to do or failed.
      CREATE INDEX outbox_active ON outbox (conversation_id, seq) WHERE state IN ('pending', 'inflight');
      CREATE INDEX outbox_pending_due ON outbox (next_attempt_at) WHERE state = 'pending';
      CREATE INDEX outbox_pending_account ON outbox (account_id) WHERE state = 'pending';
      CREATE INDEX outbox_message ON outbox (message_id);
      CREATE INDEX outbox_failed ON outbox (conversation_id) WHERE state = 'failed';

      CREATE TABLE sync_state (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        cursor TEXT,
        last_synced_at INTEGER
      ) STRICT;

      -- Keyword searches per account whose hits land in the Listening queue.
      CREATE TABLE listening_streams (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        intent TEXT NOT NULL DEFAULT 'support',
        cursor TEXT,
        last_run_at INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX listening_streams_account ON listening_streams (account_id);

      CREATE TABLE canned_responses (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        shortcut TEXT UNIQUE,
        language TEXT,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sla_policies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        -- JSON conditions, e.g. {"priority":"urgent"}; {} matches everything
        match TEXT NOT NULL DEFAULT '{}',
        first_response_seconds INTEGER NOT NULL,
        next_response_seconds INTEGER NOT NULL,
        resolution_seconds INTEGER
      ) STRICT;

      CREATE TABLE shifts (
        id TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        time_zone TEXT NOT NULL,
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        rrule TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX shifts_agent ON shifts (agent_id, starts_at);
    `,
  },
  {
    version: 2,
    name: 'first sync progress',
    sql: `
      -- An account's first sync (the backfill of its last days): when it began and ended, how
      -- many messages it brought, and whether the agent stopped it.
      ALTER TABLE sync_state ADD COLUMN first_sync_started_at INTEGER;
      ALTER TABLE sync_state ADD COLUMN first_sync_ended_at INTEGER;
      ALTER TABLE sync_state ADD COLUMN first_sync_messages INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sync_state ADD COLUMN first_sync_cancelled INTEGER NOT NULL DEFAULT 0 CHECK (first_sync_cancelled IN (0, 1));
    `,
  },
  {
    version: 3,
    name: 'conversations moved to e-mail',
    sql: `
      -- A public conversation that an agent continued by e-mail, and the e-mail it became.
      ALTER TABLE conversations ADD COLUMN moved_to_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL;
      ALTER TABLE conversations ADD COLUMN moved_from_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL;
    `,
  },
  {
    version: 4,
    name: 'SLA engine: business calendars, policy settings, warnings, resolution clock, VIPs',
    sql: `
      CREATE TABLE business_calendars (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- JSON BusinessCalendar: IANA zone, weekly hours, holidays, or always open
        definition TEXT NOT NULL
      ) STRICT;

      ALTER TABLE sla_policies ADD COLUMN calendar_id TEXT REFERENCES business_calendars(id);
      ALTER TABLE sla_policies ADD COLUMN near_breach_share REAL NOT NULL DEFAULT 0.75;
      ALTER TABLE sla_policies ADD COLUMN auto_ack TEXT NOT NULL DEFAULT '{"enabled":false,"messages":{}}';

      ALTER TABLE customers ADD COLUMN vip INTEGER NOT NULL DEFAULT 0 CHECK (vip IN (0, 1));

      -- The policy that set the deadline, when to warn that it is near, and whether that was done.
      ALTER TABLE conversations ADD COLUMN policy_id TEXT;
      ALTER TABLE conversations ADD COLUMN warn_at INTEGER NOT NULL DEFAULT ${Number.MAX_SAFE_INTEGER};
      ALTER TABLE conversations ADD COLUMN warn_notified_at INTEGER;
      -- Open time spent awaiting the agent before the current wait (the resolution clock).
      ALTER TABLE conversations ADD COLUMN resolution_spent_ms INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX conversations_open_warn ON conversations (warn_at) WHERE status = 'open' AND warn_notified_at IS NULL;
    `,
  },
  {
    version: 5,
    name: 'message analysis and incidents',
    sql: `
      -- Sentiment of incoming messages (score in [-1, 1] and its label), and why one is urgent
      -- (JSON {mustInterrupt, reasons}).
      ALTER TABLE messages ADD COLUMN sentiment REAL;
      ALTER TABLE messages ADD COLUMN sentiment_label TEXT;
      ALTER TABLE messages ADD COLUMN urgency TEXT;

      -- Bursts of messages sharing a term on one account ("#outage"), grouped.
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        term TEXT NOT NULL,
        terms TEXT NOT NULL DEFAULT '[]',
        first_at INTEGER NOT NULL,
        last_at INTEGER NOT NULL,
        message_count INTEGER NOT NULL,
        closed_at INTEGER
      ) STRICT;
      CREATE INDEX incidents_open ON incidents (account_id) WHERE closed_at IS NULL;
      ALTER TABLE conversations ADD COLUMN incident_id TEXT REFERENCES incidents(id) ON DELETE SET NULL;
    `,
  },
  {
    version: 6,
    name: 'notification routing: agent role, working hours, quiet mode',
    sql: `
      -- A lead hears about breaches of everyone's conversations (escalation).
      ALTER TABLE agents ADD COLUMN role TEXT NOT NULL DEFAULT 'agent' CHECK (role IN ('agent', 'lead'));
      -- The agent's own working hours until shifts exist: outside them, unassigned work does not notify.
      ALTER TABLE agents ADD COLUMN working_calendar_id TEXT REFERENCES business_calendars(id) ON DELETE SET NULL;
      -- Quiet mode: nothing but must-interrupt notifications until then.
      ALTER TABLE agents ADD COLUMN quiet_until INTEGER;
    `,
  },
  {
    version: 7,
    name: 'canned-response library',
    sql: `
      -- The placeholder of migration 1 was never written to: the library replaces it.
      DROP TABLE canned_responses;
      CREATE TABLE canned_responses (
        id TEXT PRIMARY KEY,
        shortcut TEXT NOT NULL UNIQUE COLLATE NOCASE,
        title TEXT NOT NULL,
        folder TEXT NOT NULL DEFAULT '',
        -- the whole response (variants, tags) as validated JSON
        data TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      -- Titles, tags and every variant's body, searched as the agent types.
      CREATE VIRTUAL TABLE canned_fts USING fts5 (title, tags, bodies, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      CREATE TABLE canned_usage (
        response_id TEXT NOT NULL REFERENCES canned_responses(id) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        last_used_at INTEGER NOT NULL,
        PRIMARY KEY (response_id, agent_id)
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: 'brand-voice guidelines per account',
    sql: `
      -- Banned phrases, required sign-off, tone hints, slang and idioms per language: one
      -- validated JSON document (BrandVoiceGuidelines) per account.
      CREATE TABLE brand_voice (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 9,
    name: 'machine translations of messages',
    sql: `
      -- A message translated once is not sent to the provider again (per target and provider).
      CREATE TABLE message_translations (
        message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        provider TEXT NOT NULL,
        text TEXT NOT NULL,
        detected_source TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (message_id, target, provider)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 10,
    name: "customers' languages: detection confidence and source, per-language queues",
    sql: `
      -- How sure the language detection is (0..1) and where it came from (see urgency/language.ts).
      -- NULL on agents' messages and where nothing was detected.
      ALTER TABLE messages ADD COLUMN language_confidence REAL CHECK (language_confidence BETWEEN 0 AND 1);
      ALTER TABLE messages ADD COLUMN language_source TEXT CHECK (language_source IN ('platform', 'script', 'detector'));
      -- The same for a conversation's language (its latest customer message's with a language).
      ALTER TABLE conversations ADD COLUMN language_confidence REAL CHECK (language_confidence BETWEEN 0 AND 1);
      ALTER TABLE conversations ADD COLUMN language_source TEXT CHECK (language_source IN ('platform', 'script', 'detector'));
      -- The per-language queues (and their counts); NULL language is the "Unknown language" queue.
      CREATE INDEX conversations_language_open_due ON conversations (language, due_at, id) WHERE status = 'open';
    `,
  },
  {
    version: 11,
    name: 'interface language per agent',
    sql: `
      -- A UI language tag (src/shared/uiLanguages.ts); NULL: follow the system's preferred languages.
      ALTER TABLE agents ADD COLUMN ui_language TEXT;
    `,
  },
  {
    version: 12,
    name: 'shift scheduling: agent profiles, shifts, time off',
    sql: `
      -- Team data (src/shared/schedule.ts): stable text ids and a version incremented on each
      -- change, so a later team sync can replicate them. Lists are JSON arrays.
      -- The placeholder shifts table of migration 1 was never written to: this one replaces it.
      DROP TABLE shifts;
      CREATE TABLE agent_profiles (
        agent_id TEXT PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,
        time_zone TEXT NOT NULL,
        languages TEXT NOT NULL,
        skills TEXT NOT NULL,
        queues TEXT NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity >= 0),
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      -- A shift pattern in its own zone. last_date: the local date of its last occurrence's end
      -- (NULL: recurs for ever), so a window reads only the patterns that can reach it.
      CREATE TABLE shifts (
        id TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        time_zone TEXT NOT NULL,
        start_date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        rrule TEXT,
        exceptions TEXT NOT NULL,
        region TEXT,
        note TEXT,
        last_date TEXT,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX shifts_window ON shifts (start_date, last_date);
      CREATE INDEX shifts_agent ON shifts (agent_id, start_date);
      CREATE TABLE time_off (
        id TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        start_at INTEGER NOT NULL,
        end_at INTEGER NOT NULL CHECK (end_at > start_at),
        reason TEXT,
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX time_off_window ON time_off (end_at, start_at);
      CREATE INDEX time_off_agent ON time_off (agent_id, start_at);
    `,
  },
  {
    version: 13,
    name: 'shift handovers',
    sql: /* sql */ `
      -- Shift handovers (#6): one per agent and shift end; stable ids for a later team-sync.
      CREATE TABLE handovers (
        id TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL,
        shift_end INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE handover_items (
        id TEXT PRIMARY KEY,
        handover_id TEXT NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        -- the suggested or chosen receiver; NULL: the queue (unassigned)
        to_agent_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted')),
        note TEXT,
        created_at INTEGER NOT NULL,
        acknowledged_at INTEGER,
        warned_at INTEGER,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX handover_items_pending ON handover_items (conversation_id) WHERE status = 'pending';
      CREATE INDEX handover_items_acknowledged ON handover_items (acknowledged_at) WHERE acknowledged_at IS NOT NULL;
    `,
  },
  {
    version: 14,
    name: 'coverage: inbound messages by time',
    sql: `
      -- Inbound messages by time, with their language: coverage's demand is a range scan of it.
      CREATE INDEX messages_inbound_at ON messages (created_at, language) WHERE direction = 'in';
    `,
  },
  {
    version: 15,
    name: 'surveys: one per conversation, answers',
    sql: `
      -- The satisfaction survey of a resolved conversation (src/main/core/surveys): scheduled
      -- at resolution, sent (queued through the outbox with message_id), answered or expired;
      -- cancelled when the conversation reopened before it went out (a later resolution
      -- schedules it again). One row per conversation: a survey is sent at most once.
      CREATE TABLE conversation_surveys (
        conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('csat', 'nps')),
        state TEXT NOT NULL CHECK (state IN ('scheduled', 'sent', 'answered', 'expired', 'cancelled')),
        send_at INTEGER NOT NULL,
        message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
        language TEXT,
        sent_at INTEGER,
        closed_at INTEGER
      ) STRICT;
      CREATE INDEX conversation_surveys_due ON conversation_surveys (send_at) WHERE state = 'scheduled';
      CREATE INDEX conversation_surveys_open ON conversation_surveys (sent_at) WHERE state = 'sent';
      -- Answers read from customers' replies (with a survey_answer event for reports).
      CREATE TABLE survey_answers (
        message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('csat', 'nps')),
        score INTEGER NOT NULL,
        confidence REAL NOT NULL,
        answered_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX survey_answers_at ON survey_answers (answered_at);
    `,
  },
  {
    version: 16,
    name: "customers' avatars",
    sql: `
      -- The avatar's address as the platform gave it; shown only through the image proxy.
      ALTER TABLE customers ADD COLUMN avatar_url TEXT;
    `,
  },
  {
    version: 17,
    name: 'reports: conversation events, message counts, account regions',
    sql: /* sql */ `
      -- The market an account serves (EMEA, APAC, AMER ...): reports group and filter by it.
      ALTER TABLE accounts ADD COLUMN region TEXT;

      -- Append-only record of what happened, written in the transaction of the change that
      -- caused it, with what report filters need copied in (src/shared/reports/types.ts).
      CREATE TABLE conversation_events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('first_response', 'response', 'resolution', 'reopen', 'assignment', 'sla_breach', 'survey_answer')),
        at INTEGER NOT NULL,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        account_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        -- the customer's language (the conversation's) and priority when it happened
        language TEXT,
        priority TEXT NOT NULL,
        -- who acted (replied, resolved; the new assignee; the assignee at a breach), and the
        -- region of the shift that agent was on
        agent_id TEXT,
        shift_region TEXT,
        message_id INTEGER,
        -- response: the customer's wait; resolution: since the conversation started;
        -- calendar time and open time of the SLA policy's business calendar
        wait_ms INTEGER,
        business_wait_ms INTEGER,
        -- response: the agent's time on it (see AgentWorkload in src/shared/reports/types.ts)
        handle_ms INTEGER,
        from_agent_id TEXT,
        policy_id TEXT,
        sla_target TEXT CHECK (sla_target IN ('first_response', 'next_response', 'resolution')),
        -- response/resolution: 1 before the policy's deadline, 0 after it; NULL without a target
        sla_met INTEGER CHECK (sla_met IN (0, 1)),
        survey_kind TEXT CHECK (survey_kind IN ('csat', 'nps')),
        score INTEGER,
        CHECK (kind <> 'survey_answer' OR (survey_kind = 'csat' AND score BETWEEN 1 AND 5) OR (survey_kind = 'nps' AND score BETWEEN 0 AND 10))
      ) STRICT;
      -- A period's events of a kind, covering every column figures and filters read, so a
      -- report is answered from this index alone (a clustered copy: reading a busy month's rows
      -- from the table one by one costs more than the space).
      CREATE INDEX conversation_events_kind_at ON conversation_events (
        kind, at, wait_ms, business_wait_ms, policy_id, sla_target, sla_met, agent_id, conversation_id, handle_ms,
        account_id, language, priority, shift_region, survey_kind, score);
      CREATE INDEX conversation_events_conversation ON conversation_events (conversation_id, at);
      CREATE INDEX conversation_events_agent_at ON conversation_events (agent_id, at) WHERE agent_id IS NOT NULL;
      -- Conversations started in a period (resolution rate, backlog), covering the filters.
      CREATE INDEX conversations_created ON conversations (created_at, account_id, priority, language) WHERE status <> 'listening';

      -- Messages counted per UTC quarter hour (any zone's local hours are whole quarter hours),
      -- account, language and direction, with their sentiment: volume and sentiment read this
      -- instead of millions of messages. Kept by triggers so every writer (ingest, replies,
      -- analysis written later) keeps it exact in its own transaction.
      CREATE TABLE report_message_counts (
        bucket INTEGER NOT NULL,
        account_id TEXT NOT NULL,
        -- '' when not known
        language TEXT NOT NULL,
        direction TEXT NOT NULL,
        messages INTEGER NOT NULL,
        negative INTEGER NOT NULL,
        neutral INTEGER NOT NULL,
        positive INTEGER NOT NULL,
        PRIMARY KEY (bucket, account_id, language, direction)
      ) STRICT, WITHOUT ROWID;
      -- The same per UTC day: totals and sentiment of long periods read a few rows a day.
      CREATE TABLE report_message_days (
        day INTEGER NOT NULL,
        account_id TEXT NOT NULL,
        language TEXT NOT NULL,
        direction TEXT NOT NULL,
        messages INTEGER NOT NULL,
        negative INTEGER NOT NULL,
        neutral INTEGER NOT NULL,
        positive INTEGER NOT NULL,
        PRIMARY KEY (day, account_id, language, direction)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO report_message_counts (bucket, account_id, language, direction, messages, negative, neutral, positive)
      SELECT m.created_at / 900000, m.account_id, COALESCE(m.language, c.language, ''), m.direction, COUNT(*),
             SUM(m.sentiment_label IS 'negative'), SUM(m.sentiment_label IS 'neutral'), SUM(m.sentiment_label IS 'positive')
      FROM messages m JOIN conversations c ON c.id = m.conversation_id
      GROUP BY 1, 2, 3, 4;
      INSERT INTO report_message_days (day, account_id, language, direction, messages, negative, neutral, positive)
      SELECT bucket / 96, account_id, language, direction, SUM(messages), SUM(negative), SUM(neutral), SUM(positive)
      FROM report_message_counts GROUP BY 1, 2, 3, 4;

      CREATE TRIGGER messages_report_counts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO report_message_counts (bucket, account_id, language, direction, messages, negative, neutral, positive)
        VALUES (NEW.created_at / 900000, NEW.account_id, COALESCE(NEW.language, (SELECT language FROM conversations WHERE id = NEW.conversation_id), ''), NEW.direction, 1,
                NEW.sentiment_label IS 'negative', NEW.sentiment_label IS 'neutral', NEW.sentiment_label IS 'positive')
        ON CONFLICT (bucket, account_id, language, direction) DO UPDATE SET
          messages = messages + 1, negative = negative + excluded.negative, neutral = neutral + excluded.neutral, positive = positive + excluded.positive;
        INSERT INTO report_message_days (day, account_id, language, direction, messages, negative, neutral, positive)
        VALUES (NEW.created_at / 86400000, NEW.account_id, COALESCE(NEW.language, (SELECT language FROM conversations WHERE id = NEW.conversation_id), ''), NEW.direction, 1,
                NEW.sentiment_label IS 'negative', NEW.sentiment_label IS 'neutral', NEW.sentiment_label IS 'positive')
        ON CONFLICT (day, account_id, language, direction) DO UPDATE SET
          messages = messages + 1, negative = negative + excluded.negative, neutral = neutral + excluded.neutral, positive = positive + excluded.positive;
      END;
      CREATE TRIGGER messages_report_counts_sentiment AFTER UPDATE OF sentiment_label ON messages
      WHEN OLD.sentiment_label IS NOT NEW.sentiment_label BEGIN
        UPDATE report_message_counts SET
          negative = negative - (OLD.sentiment_label IS 'negative') + (NEW.sentiment_label IS 'negative'),
          neutral = neutral - (OLD.sentiment_label IS 'neutral') + (NEW.sentiment_label IS 'neutral'),
          positive = positive - (OLD.sentiment_label IS 'positive') + (NEW.sentiment_label IS 'positive')
        WHERE bucket = NEW.created_at / 900000 AND account_id = NEW.account_id AND direction = NEW.direction
          AND language = COALESCE(NEW.language, (SELECT language FROM conversations WHERE id = NEW.conversation_id), '');
        UPDATE report_message_days SET
          negative = negative - (OLD.sentiment_label IS 'negative') + (NEW.sentiment_label IS 'negative'),
          neutral = neutral - (OLD.sentiment_label IS 'neutral') + (NEW.sentiment_label IS 'neutral'),
          positive = positive - (OLD.sentiment_label IS 'positive') + (NEW.sentiment_label IS 'positive')
        WHERE day = NEW.created_at / 86400000 AND account_id = NEW.account_id AND direction = NEW.direction
          AND language = COALESCE(NEW.language, (SELECT language FROM conversations WHERE id = NEW.conversation_id), '');
      END;
      CREATE TRIGGER messages_report_counts_delete AFTER DELETE ON messages BEGIN
        UPDATE report_message_counts SET
          messages = messages - 1,
          negative = negative - (OLD.sentiment_label IS 'negative'),
          neutral = neutral - (OLD.sentiment_label IS 'neutral'),
          positive = positive - (OLD.sentiment_label IS 'positive')
        WHERE bucket = OLD.created_at / 900000 AND account_id = OLD.account_id AND direction = OLD.direction
          AND language = COALESCE(OLD.language, (SELECT language FROM conversations WHERE id = OLD.conversation_id), '');
        UPDATE report_message_days SET
          messages = messages - 1,
          negative = negative - (OLD.sentiment_label IS 'negative'),
          neutral = neutral - (OLD.sentiment_label IS 'neutral'),
          positive = positive - (OLD.sentiment_label IS 'positive')
        WHERE day = OLD.created_at / 86400000 AND account_id = OLD.account_id AND direction = OLD.direction
          AND language = COALESCE(OLD.language, (SELECT language FROM conversations WHERE id = OLD.conversation_id), '');
      END;
      CREATE TRIGGER accounts_report_counts_delete AFTER DELETE ON accounts BEGIN
        DELETE FROM report_message_counts WHERE account_id = OLD.id;
        DELETE FROM report_message_days WHERE account_id = OLD.id;
      END;
    `,
    backfill: (db) => backfillReports(db),
  },
  {
    version: 18,
    name: 'reports: event rollups per UTC day and month, sampled waits',
    sql: /* sql */ `
      -- 1 on an agent's first reply in a conversation: summed, it counts the conversations an
      -- agent took on, a figure that adds up across days (a distinct count does not).
      ALTER TABLE conversation_events ADD COLUMN agent_first_reply INTEGER NOT NULL DEFAULT 0 CHECK (agent_first_reply IN (0, 1));
      UPDATE conversation_events SET agent_first_reply = 1
      WHERE kind IN ('first_response', 'response') AND agent_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM conversation_events AS p INDEXED BY conversation_events_conversation
                        WHERE p.conversation_id = conversation_events.conversation_id AND p.agent_id = conversation_events.agent_id
                          AND p.kind IN ('first_response', 'response')
                          AND (p.at < conversation_events.at OR (p.at = conversation_events.at AND p.id < conversation_events.id)));

      ${EVENT_ROLLUPS_SQL}

      -- Every 8th conversation's waits, for medians and p90s of periods too long to sort every
      -- wait (src/main/core/repos/reports.ts says when). conversation_id is in it so it covers the sample test.
      CREATE INDEX conversation_events_wait_sample ON conversation_events (
        kind, at, wait_ms, business_wait_ms, account_id, language, priority, agent_id, shift_region, conversation_id)
      WHERE conversation_id % 8 = 0 AND wait_ms IS NOT NULL;
    `,
  },
  {
    version: 19,
    name: 'reports: inbound and backlog changes per quarter hour and account',
    sql: /* sql */ `
      -- Long unfiltered periods (or filtered by account, platform or region) read this instead of
      -- report_message_counts and every conversation and event since the period's start: at most
      -- one row per UTC quarter hour and account, however busy the brand. Filters it cannot
      -- answer (language, urgent) read the exact tables (repos/reports.ts).
      --   inbound: inbound messages;
      --   backlog_delta: conversations started (not listening hits), minus resolutions, plus
      --   reopens; the backlog at t is what is open now minus the deltas since t.
      -- Each row's part is added where it starts counting and taken back exactly (an UPDATE: the
      -- row it went into exists) when it stops.
      CREATE TABLE report_account_quarter_hours (
        bucket INTEGER NOT NULL,
        account_id TEXT NOT NULL,
        inbound INTEGER NOT NULL,
        backlog_delta INTEGER NOT NULL,
        PRIMARY KEY (bucket, account_id)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO report_account_quarter_hours (bucket, account_id, inbound, backlog_delta)
      SELECT bucket, account_id, SUM(inbound), SUM(delta) FROM (
        SELECT bucket, account_id, SUM(messages) AS inbound, 0 AS delta FROM report_message_counts WHERE direction = 'in' GROUP BY 1, 2
        UNION ALL
        SELECT created_at / 900000, account_id, 0, COUNT(*) FROM conversations WHERE status <> 'listening' GROUP BY 1, 2
        UNION ALL
        SELECT at / 900000, account_id, 0, SUM(CASE kind WHEN 'resolution' THEN -1 ELSE 1 END) FROM conversation_events
        WHERE kind IN ('resolution', 'reopen') GROUP BY 1, 2
      ) GROUP BY 1, 2;

      CREATE TRIGGER messages_report_account_insert AFTER INSERT ON messages WHEN NEW.direction = 'in' BEGIN
        INSERT INTO report_account_quarter_hours (bucket, account_id, inbound, backlog_delta) VALUES (NEW.created_at / 900000, NEW.account_id, 1, 0)
        ON CONFLICT (bucket, account_id) DO UPDATE SET inbound = inbound + 1;
      END;
      CREATE TRIGGER messages_report_account_delete AFTER DELETE ON messages WHEN OLD.direction = 'in' BEGIN
        UPDATE report_account_quarter_hours SET inbound = inbound - 1 WHERE bucket = OLD.created_at / 900000 AND account_id = OLD.account_id;
      END;

      -- Conversations that start counting (inserted other than as listening hits, a listening hit
      -- taken: counted from its start) are counted by the conversations repository
      -- (repos/conversations.ts), not by triggers: any trigger makes each INSERT or UPDATE of
      -- conversations (12 indexes) keep a statement journal of every page it changes, which spills
      -- to a temp file and cost ingest ~50 % more CPU (test/bench/README.md). Deletes are rare.
      CREATE TRIGGER conversations_report_backlog_delete AFTER DELETE ON conversations WHEN OLD.status <> 'listening' BEGIN
        UPDATE report_account_quarter_hours SET backlog_delta = backlog_delta - 1 WHERE bucket = OLD.created_at / 900000 AND account_id = OLD.account_id;
      END;

      CREATE TRIGGER conversation_events_report_backlog_insert AFTER INSERT ON conversation_events WHEN NEW.kind IN ('resolution', 'reopen') BEGIN
        INSERT INTO report_account_quarter_hours (bucket, account_id, inbound, backlog_delta)
        VALUES (NEW.at / 900000, NEW.account_id, 0, CASE NEW.kind WHEN 'resolution' THEN -1 ELSE 1 END)
        ON CONFLICT (bucket, account_id) DO UPDATE SET backlog_delta = backlog_delta + excluded.backlog_delta;
      END;
      CREATE TRIGGER conversation_events_report_backlog_delete AFTER DELETE ON conversation_events WHEN OLD.kind IN ('resolution', 'reopen') BEGIN
        UPDATE report_account_quarter_hours SET backlog_delta = backlog_delta - CASE OLD.kind WHEN 'resolution' THEN -1 ELSE 1 END
        WHERE bucket = OLD.at / 900000 AND account_id = OLD.account_id;
      END;

      CREATE TRIGGER accounts_report_account_delete AFTER DELETE ON accounts BEGIN
        DELETE FROM report_account_quarter_hours WHERE account_id = OLD.id;
      END;
    `,
  },
  {
    version: 20,
    name: 'coverage: inbound messages by time, language and account',
    sql: /* sql */ `
      -- Coverage counts a region's demand from the messages to its accounts: the account joins
      -- the index so the count stays a range scan of it, no table rows read.
      DROP INDEX messages_inbound_at;
      CREATE INDEX messages_inbound_at_account ON messages (created_at, language, account_id) WHERE direction = 'in';
    `,
  },
  {
    version: 21,
    name: 'schedule: tombstones of removed shifts and time off',
    sql: /* sql */ `
      -- Schedules are team data: a removal leaves its id, the version after the removed row's and
      -- when, so a later team sync can replicate deletions as it replicates saves.
      CREATE TABLE schedule_tombstones (
        kind TEXT NOT NULL CHECK (kind IN ('shift', 'time_off')),
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        deleted_at INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX schedule_tombstones_deleted_at ON schedule_tombstones (deleted_at);
    `,
  },
];
