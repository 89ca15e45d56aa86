// The simulated social platforms of the demo workspace: the "remote side" the simulator
// connector talks to. Its state lives in its own SQLite file, apart from the replica, so that
// it behaves like a real platform across restarts: a post made with an idempotency key it has
// seen is not made twice, and its feed pages are stable.
import Database from 'better-sqlite3';
import type { ConversationKind, Platform } from '@shared/domain';
import type { Clock } from '../../ports';
import { CORPUS_LANGUAGES, generateFollowUp, generateOpener, type GeneratedAuthor } from './generator';
import { pick, seededRandom, type Random } from './random';
import { simulatedSurveyAnswer } from './surveyAnswers';

export interface SimulatedAccount {
  id: string;
  platform: Platform;
  kinds: ConversationKind[];
  sales?: boolean;
  /** The platform offers search, so listening streams work (X, Bluesky). */
  searchable?: boolean;
}

export interface SimulatorOptions {
  /** SQLite file of the simulated platforms, or ':memory:'. */
  path: string;
  accounts: SimulatedAccount[];
  clock: Clock;
  /** New inbound messages per minute across all accounts; 0 stops new traffic. */
  ratePerMinute: number;
  seed?: number;
  /** Conversations already waiting when the demo starts for the first time. */
  backlog?: number;
  /**
   * One backlog conversation is made to breach its 60-minute first-response target this many
   * seconds after the first start, so the demo shows a breach right away.
   */
  breachSoonSeconds?: number;
  /** Share of built-in satisfaction surveys the simulated customers answer (default 0.7). */
  surveyAnswerChance?: number;
}

export interface SimulatedItem {
  seq: number;
  accountId: string;
  platformId: string;
  conversationPlatformId: string;
  kind: ConversationKind;
  subject: string | null;
  author: GeneratedAuthor;
  body: string;
  language: string;
  createdAt: number;
}

export interface SimulatedPost {
  idempotencyKey: string;
  accountId: string;
  platformId: string;
  conversationPlatformId: string;
  body: string;
  createdAt: number;
}

const HOUR = 3_600_000;
/** After a long pause, the platform does not invent more than this much missed traffic. */
const MAX_CATCH_UP_MS = HOUR;
const FOLLOW_UP_CHANCE = 0.5;
/** Share of new traffic that is public posts naming the brand (for listening). */
const PUBLIC_SHARE = 0.15;
/** Which new conversations of the first backlog are urgent whatever the seed (by their index). */
const URGENT_BACKLOG_SLOTS = [2, 9];

type ItemRow = Omit<SimulatedItem, 'author'> & { author: string };

export class SimulatedPlatform {
  private readonly db: Database.Database;
  private readonly random: Random;
  private readonly unreachable = new Set<string>();
  private allUnreachable = false;

  constructor(private readonly options: SimulatorOptions) {
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS items (
        seq INTEGER PRIMARY KEY, account_id TEXT NOT NULL, platform_id TEXT NOT NULL UNIQUE,
        conversation_platform_id TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT, author TEXT NOT NULL,
        body TEXT NOT NULL, language TEXT NOT NULL, created_at INTEGER NOT NULL,
        -- inbox: addressed to the brand; public: posts that name it without its handle (listening)
        feed TEXT NOT NULL DEFAULT 'inbox');
      CREATE INDEX IF NOT EXISTS items_account ON items (account_id, seq);
      CREATE TABLE IF NOT EXISTS scheduled (
        id INTEGER PRIMARY KEY, due_at INTEGER NOT NULL, account_id TEXT NOT NULL, conversation_platform_id TEXT NOT NULL,
        -- what the customer will write (a survey answer); NULL: a generated follow-up
        body TEXT);
      CREATE TABLE IF NOT EXISTS posts (
        idempotency_key TEXT PRIMARY KEY, account_id TEXT NOT NULL, platform_id TEXT NOT NULL UNIQUE,
        conversation_platform_id TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL);
    `);
    // Demo files from before survey answers: the scheduled message's text.
    if (!this.db.prepare<[], { name: string }>('PRAGMA table_info(scheduled)').all().some((c) => c.name === 'body')) {
      this.db.exec('ALTER TABLE scheduled ADD COLUMN body TEXT');
    }
    const seed = Number(this.meta('seed') ?? options.seed ?? Math.floor(Math.random() * 2 ** 31));
    // Continue the random sequence where the last run stopped, so restarts do not replay it.
    const draws = Number(this.meta('runs') ?? 0);
    this.random = seededRandom(seed + draws * 7919);
    this.db.transaction(() => {
      this.setMeta('seed', String(seed));
      this.setMeta('runs', String(draws + 1));
      if (this.meta('created_at') === null) this.createBacklog();
    })();
  }

  close(): void {
    this.db.close();
  }

  setReachable(accountId: string | null, reachable: boolean): void {
    if (accountId === null) {
      this.allUnreachable = !reachable;
      this.unreachable.clear();
    } else if (reachable) {
      this.unreachable.delete(accountId);
      if (this.allUnreachable) {
        this.allUnreachable = false;
        for (const a of this.options.accounts) if (a.id !== accountId) this.unreachable.add(a.id);
      }
    } else {
      this.unreachable.add(accountId);
    }
  }

  isReachable(accountId: string): boolean {
    return !this.allUnreachable && !this.unreachable.has(accountId);
  }

  /** The account's feed after a sequence number, oldest first. */
  listSince(accountId: string, afterSeq: number, limit: number): { items: SimulatedItem[]; more: boolean } {
    this.advance();
    const rows = this.db
      .prepare<[string, number, number], ItemRow>(
        `SELECT seq, account_id AS accountId, platform_id AS platformId, conversation_platform_id AS conversationPlatformId,
                kind, subject, author, body, language, created_at AS createdAt
         FROM items WHERE account_id = ? AND seq > ? AND feed = 'inbox' ORDER BY seq LIMIT ?`,
      )
      .all(accountId, afterSeq, limit + 1);
    return {
      items: rows.slice(0, limit).map((row) => ({ ...row, author: JSON.parse(row.author) as GeneratedAuthor })),
      more: rows.length > limit,
    };
  }

  /**
   * Public posts that name the brand and match a query: alternatives separated by OR, each a
   * list of words that must all appear (case-insensitive), like a platform's search.
   */
  search(accountId: string, query: string, afterSeq: number, limit: number): { items: SimulatedItem[]; more: boolean } {
    this.advance();
    const alternatives = query
      .split(/\s+OR\s+/)
      .map((alt) => alt.toLocaleLowerCase().replace(/["()]/g, ' ').split(/\s+/).filter(Boolean))
      .filter((words) => words.length > 0);
    const rows = this.db
      .prepare<[string, number], ItemRow>(
        `SELECT seq, account_id AS accountId, platform_id AS platformId, conversation_platform_id AS conversationPlatformId,
                kind, subject, author, body, language, created_at AS createdAt
         FROM items WHERE account_id = ? AND seq > ? AND feed = 'public' ORDER BY seq`,
      )
      .all(accountId, afterSeq);
    const matches = rows.filter((row) => {
      const text = row.body.toLocaleLowerCase();
      return alternatives.some((words) => words.every((w) => text.includes(w)));
    });
    return {
      items: matches.slice(0, limit).map((row) => ({ ...row, author: JSON.parse(row.author) as GeneratedAuthor })),
      more: matches.length > limit,
    };
  }

  /** Posts a reply; the same idempotency key always yields the same post. */
  post(accountId: string, request: { idempotencyKey: string; conversationPlatformId: string; body: string }): SimulatedPost {
    return this.db.transaction(() => {
      const existing = this.postByKey(request.idempotencyKey);
      if (existing) return existing;
      const now = this.options.clock.now();
      const post: SimulatedPost = {
        idempotencyKey: request.idempotencyKey,
        accountId,
        platformId: `${accountId}:post:${this.nextCounter()}`,
        conversationPlatformId: request.conversationPlatformId,
        body: request.body,
        createdAt: now,
      };
      this.db
        .prepare(
          `INSERT INTO posts (idempotency_key, account_id, platform_id, conversation_platform_id, body, created_at)
           VALUES (@idempotencyKey, @accountId, @platformId, @conversationPlatformId, @body, @createdAt)`,
        )
        .run(post);
      const surveyAnswer = simulatedSurveyAnswer(this.random, request.body);
      if (surveyAnswer !== null) {
        // Answered within half a minute, or never.
        if (this.random() < (this.options.surveyAnswerChance ?? 0.7)) {
          this.schedule(now + 5_000 + Math.floor(this.random() * 25_000), accountId, request.conversationPlatformId, surveyAnswer);
        }
      } else if (this.random() < FOLLOW_UP_CHANCE) {
        const delay = 20_000 + Math.floor(this.random() * 100_000);
        this.schedule(now + delay, accountId, request.conversationPlatformId);
      }
      return post;
    })();
  }

  /** Everything the platform accepted for an account (what the customer sees). */
  posts(accountId?: string): SimulatedPost[] {
    return this.db
      .prepare<[string | null, string | null], SimulatedPost>(
        `SELECT idempotency_key AS idempotencyKey, account_id AS accountId, platform_id AS platformId,
                conversation_platform_id AS conversationPlatformId, body, created_at AS createdAt
         FROM posts WHERE (? IS NULL OR account_id = ?) ORDER BY created_at, rowid`,
      )
      .all(accountId ?? null, accountId ?? null);
  }

  private postByKey(key: string): SimulatedPost | null {
    return (
      this.db
        .prepare<[string], SimulatedPost>(
          `SELECT idempotency_key AS idempotencyKey, account_id AS accountId, platform_id AS platformId,
                  conversation_platform_id AS conversationPlatformId, body, created_at AS createdAt
           FROM posts WHERE idempotency_key = ?`,
        )
        .get(key) ?? null
    );
  }

  private meta(key: string): string | null {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  private nextCounter(): number {
    const next = Number(this.meta('counter') ?? 0) + 1;
    this.setMeta('counter', String(next));
    return next;
  }

  private schedule(dueAt: number, accountId: string, conversationPlatformId: string, body: string | null = null): void {
    this.db
      .prepare('INSERT INTO scheduled (due_at, account_id, conversation_platform_id, body) VALUES (?, ?, ?, ?)')
      .run(dueAt, accountId, conversationPlatformId, body);
  }

  private interval(): number {
    const mean = 60_000 / this.options.ratePerMinute;
    return Math.floor(mean * (0.4 + this.random() * 1.2));
  }

  /** Makes everything that should have happened by now visible in the feeds, in time order. */
  private advance(): void {
    const now = this.options.clock.now();
    this.db.transaction(() => {
      const events: { at: number; run: () => void }[] = [];
      if (this.options.ratePerMinute > 0) {
        let next = Number(this.meta('next_at') ?? now);
        if (now - next > MAX_CATCH_UP_MS) next = now - MAX_CATCH_UP_MS;
        while (next <= now) {
          const at = next;
          events.push({ at, run: () => this.newTraffic(at) });
          next += this.interval();
        }
        this.setMeta('next_at', String(next));
      }
      const due = this.db
        .prepare<[number], { id: number; dueAt: number; accountId: string; conversationPlatformId: string; body: string | null }>(
          'SELECT id, due_at AS dueAt, account_id AS accountId, conversation_platform_id AS conversationPlatformId, body FROM scheduled WHERE due_at <= ?',
        )
        .all(now);
      for (const s of due) {
        events.push({ at: s.dueAt, run: () => this.followUp(s.accountId, s.conversationPlatformId, s.dueAt, s.body) });
        this.db.prepare('DELETE FROM scheduled WHERE id = ?').run(s.id);
      }
      events.sort((a, b) => a.at - b.at).forEach((e) => e.run());
    })();
  }

  /** New traffic: mostly new conversations, sometimes a customer writing again. */
  private newTraffic(at: number): void {
    const searchable = this.options.accounts.filter((a) => a.searchable);
    if (searchable.length && this.random() < PUBLIC_SHARE) return this.publicPost(pick(this.random, searchable), at);
    const account = pick(this.random, this.options.accounts);
    if (this.random() < 0.15) {
      const last = this.db
        .prepare<[string], { conversationPlatformId: string }>(
          'SELECT conversation_platform_id AS conversationPlatformId FROM items WHERE account_id = ? ORDER BY seq DESC LIMIT 1',
        )
        .get(account.id);
      if (last) return this.followUp(account.id, last.conversationPlatformId, at);
    }
    this.newConversation(account, at);
  }

  private newConversation(account: SimulatedAccount, at: number, urgent: boolean | null = null, language?: string): string {
    const kind = pick(this.random, account.kinds);
    const opener = generateOpener(this.random, account.id, kind, { sales: urgent !== true && account.sales && this.random() < 0.6, urgent, language });
    if (urgent === false) Object.assign(opener.author, { followers: Math.min(opener.author.followers, 5_000), verified: false });
    const conversationPlatformId = `${account.id}:thread:${this.nextCounter()}`;
    this.insertItem({
      accountId: account.id,
      platformId: `${account.id}:msg:${this.nextCounter()}`,
      conversationPlatformId,
      kind,
      subject: opener.subject,
      author: opener.author,
      body: opener.body,
      language: opener.language,
      createdAt: at,
    });
    return conversationPlatformId;
  }

  private followUp(accountId: string, conversationPlatformId: string, at: number, body: string | null = null): void {
    const first = this.db
      .prepare<[string], ItemRow>(
        `SELECT seq, account_id AS accountId, platform_id AS platformId, conversation_platform_id AS conversationPlatformId,
                kind, subject, author, body, language, created_at AS createdAt
         FROM items WHERE conversation_platform_id = ? ORDER BY seq LIMIT 1`,
      )
      .get(conversationPlatformId);
    if (!first) return;
    this.insertItem({
      ...first,
      accountId,
      platformId: `${accountId}:msg:${this.nextCounter()}`,
      author: JSON.parse(first.author) as GeneratedAuthor,
      body: body ?? generateFollowUp(this.random, first.language),
      createdAt: at,
    });
  }

  /** Someone posts about the brand without addressing it: a listening hit. */
  private publicPost(account: SimulatedAccount, at: number): void {
    const opener = generateOpener(this.random, account.id, 'mention', { sales: this.random() < 0.4, urgent: false });
    const id = this.nextCounter();
    this.insertItem(
      {
        accountId: account.id,
        platformId: `${account.id}:public:${id}`,
        conversationPlatformId: `${account.id}:public-thread:${id}`,
        kind: 'mention',
        subject: null,
        author: opener.author,
        body: `${opener.body.replace(/@AuroraAir\w*/g, 'Aurora Air')} #AuroraAir`,
        language: opener.language,
        createdAt: at,
      },
      'public',
    );
  }

  private insertItem(item: Omit<SimulatedItem, 'seq'>, feed: 'inbox' | 'public' = 'inbox'): void {
    this.db
      .prepare(
        `INSERT INTO items (account_id, platform_id, conversation_platform_id, kind, subject, author, body, language, created_at, feed)
         VALUES (@accountId, @platformId, @conversationPlatformId, @kind, @subject, @author, @body, @language, @createdAt, @feed)`,
      )
      .run({ ...item, author: JSON.stringify(item.author), feed });
  }

  /** The first start finds a realistic queue: some breached, some close, most fresh. */
  private createBacklog(): void {
    const now = this.options.clock.now();
    this.setMeta('created_at', String(now));
    const count = this.options.backlog ?? 40;
    // Spread over the last 80 minutes: a few past their hour, most still within it.
    const times = Array.from({ length: count }, () => now - Math.floor(this.random() * 80 * 60_000)).sort((a, b) => a - b);
    const threads: { accountId: string; id: string }[] = [];
    // Every language the customers write in appears at least once (the first conversations).
    const languages = [...CORPUS_LANGUAGES];
    for (const at of times) {
      const account = pick(this.random, this.options.accounts);
      if (threads.length > 3 && this.random() < 0.25) {
        const thread = pick(this.random, threads);
        this.followUp(thread.accountId, thread.id, at);
      } else {
        // Whatever the seed, the queue has urgent work in it from the start.
        const urgent = URGENT_BACKLOG_SLOTS.includes(threads.length) ? true : null;
        threads.push({ accountId: account.id, id: this.newConversation(account, at, urgent, languages.shift()) });
      }
    }
    for (const account of this.options.accounts.filter((a) => a.searchable)) {
      for (let i = 0; i < 4; i++) this.publicPost(account, now - Math.floor(this.random() * 60 * 60_000));
    }
    if (this.options.breachSoonSeconds !== undefined) {
      const social = this.options.accounts.find((a) => a.kinds.some((k) => k !== 'email')) ?? this.options.accounts[0]!;
      this.newConversation({ ...social, kinds: social.kinds.filter((k) => k !== 'email') }, now - HOUR + this.options.breachSoonSeconds * 1000, false);
    }
    this.setMeta('next_at', String(now + (this.options.ratePerMinute > 0 ? this.interval() : 0)));
  }
}
