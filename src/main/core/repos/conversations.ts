// Customers and conversations: inbox lists, the conversation header, and the fields the
// ingest and the agent's actions maintain (preview, deadlines, status, assignee).
import type {
  ConversationIntent,
  ConversationKind,
  ConversationStatus,
  ConversationSummary,
  Customer,
  LanguageSource,
  Priority,
  QueueId,
  QueueSummary,
} from '@shared/domain';
import { languageQueue, queueLanguage, UNKNOWN_LANGUAGE } from '@shared/domain';
import type { Db } from '../db/database';
import { backlogStartCounter } from './reports';

export interface ConversationState {
  id: number;
  accountId: string;
  platformId: string;
  kind: ConversationKind;
  platform: ConversationSummary['platform'];
  status: ConversationStatus;
  priority: Priority;
  language: string | null;
  languageSource: LanguageSource | null;
  languageConfidence: number | null;
  createdAt: number;
  lastMessageAt: number;
  awaitingSince: number | null;
  firstRespondedAt: number | null;
  lastRespondedAt: number | null;
  dueAt: number;
  subject: string | null;
  customerId: number;
  assigneeId: string | null;
  intent: ConversationIntent | null;
  /** The customer is marked VIP. */
  vip: boolean;
  /** Open time spent awaiting the agent before the current wait (the resolution clock). */
  resolutionSpentMs: number;
  warnAt: number;
}

export interface CustomerUpsert {
  accountId: string;
  platformId: string;
  handle: string;
  displayName: string;
  language: string | null;
  followers: number;
  verified: boolean;
  profileUrl: string | null;
  /** Kept when a later page does not give one. */
  avatarUrl?: string | null;
  updatedAt: number;
}

export interface NewConversation {
  status: ConversationStatus;
  intent: ConversationIntent | null;
  accountId: string;
  platformId: string;
  kind: ConversationKind;
  customerId: number;
  subject: string | null;
  priority: Priority;
  language: string | null;
  /** When `language` was detected in a message (not the customer's profile language). */
  languageSource?: LanguageSource | null;
  languageConfidence?: number | null;
  createdAt: number;
  dueAt: number;
}

export type ConversationPatch = Partial<
  Pick<
    ConversationState,
    'status' | 'priority' | 'language' | 'languageSource' | 'languageConfidence' | 'lastMessageAt' | 'awaitingSince' | 'firstRespondedAt' | 'lastRespondedAt' | 'dueAt' | 'assigneeId' | 'resolutionSpentMs' | 'warnAt'
  >
> & { preview?: string; breachNotifiedAt?: number | null; warnNotifiedAt?: number | null; intent?: ConversationIntent | null; policyId?: string | null };

const SUMMARY_COLUMNS = `
  c.id, c.account_id AS accountId, a.platform, c.kind, c.status, c.priority, c.intent,
  cu.display_name AS customerName, cu.handle AS customerHandle, c.language,
  c.language_confidence AS languageConfidence, c.language_source AS languageSource,
  c.assignee_id AS assigneeId, c.preview, c.last_message_at AS lastMessageAt, c.due_at AS dueAt,
  EXISTS (SELECT 1 FROM drafts d WHERE d.conversation_id = c.id AND d.body <> '') AS hasDraft,
  (SELECT COUNT(*) FROM outbox o WHERE o.conversation_id = c.id AND o.state IN ('pending', 'inflight')) AS queuedReplies,
  (SELECT COUNT(*) FROM outbox o WHERE o.conversation_id = c.id AND o.state = 'failed') AS failedReplies,
  (SELECT i.term FROM incidents i WHERE i.id = c.incident_id) AS incidentTerm`;
const SUMMARY_FROM = 'FROM conversations c JOIN customers cu ON cu.id = c.customer_id JOIN accounts a ON a.id = c.account_id';

type SummaryRow = Omit<ConversationSummary, 'hasDraft'> & { hasDraft: number };
const toSummary = (row: SummaryRow): ConversationSummary => ({ ...row, hasDraft: row.hasDraft === 1 });

/**
 * The WHERE clause of each queue. Each matches a partial index (see migration 1). The unary
 * plus on parameters keeps SQLite from treating them as plan-sensitive, which would make
 * better-sqlite3 re-prepare the statement on every call; the plan is the same.
 */
function queueFilter(queue: QueueId): { status: string; sql: string; param: string | null } {
  const open = "'open'";
  if (queue === 'all') return { status: open, sql: '', param: null };
  if (queue === 'mine') return { status: open, sql: 'AND c.assignee_id = +@param', param: 'self' };
  if (queue === 'unassigned') return { status: open, sql: 'AND c.assignee_id IS NULL', param: null };
  if (queue === 'urgent') return { status: open, sql: "AND c.priority = 'urgent'", param: null };
  if (queue === 'listening') return { status: "'listening'", sql: '', param: null };
  const language = queueLanguage(queue);
  if (language !== null) {
    return language === UNKNOWN_LANGUAGE
      ? { status: open, sql: 'AND c.language IS NULL', param: null }
      : { status: open, sql: 'AND c.language = +@param', param: language };
  }
  return { status: open, sql: 'AND c.account_id = +@param', param: queue.slice('account:'.length) };
}

export function createConversationRepo(db: Db) {
  const upsertCustomerStmt = db.prepare<CustomerUpsert & { verifiedInt: number; avatarUrl: string | null }, { id: number; vip: number }>(
    `INSERT INTO customers (account_id, platform_id, handle, display_name, language, followers, verified, profile_url, avatar_url, updated_at)
     VALUES (@accountId, @platformId, @handle, @displayName, @language, @followers, @verifiedInt, @profileUrl, @avatarUrl, @updatedAt)
     ON CONFLICT (account_id, platform_id) DO UPDATE SET
       handle = excluded.handle, display_name = excluded.display_name,
       language = COALESCE(excluded.language, customers.language),
       followers = excluded.followers, verified = excluded.verified,
       profile_url = COALESCE(excluded.profile_url, customers.profile_url),
       avatar_url = COALESCE(excluded.avatar_url, customers.avatar_url), updated_at = excluded.updated_at
     RETURNING id, vip`,
  );
  const getCustomerStmt = db.prepare<[number], Omit<Customer, 'verified' | 'vip'> & { verified: number; vip: number }>(
    `SELECT id, account_id AS accountId, platform_id AS platformId, handle, display_name AS displayName, language,
            followers, verified, profile_url AS profileUrl, avatar_url AS avatarUrl, vip FROM customers WHERE id = ?`,
  );
  // The platform comes from a subquery, not a join: with a join, SQLite 3.54 treats the
  // bound parameters as plan-sensitive and better-sqlite3 re-prepares on every call (6x slower).
  const stateColumns = `c.id, c.account_id AS accountId, c.platform_id AS platformId, c.kind,
    (SELECT a.platform FROM accounts a WHERE a.id = c.account_id) AS platform, c.status, c.priority,
    c.language, c.language_source AS languageSource, c.language_confidence AS languageConfidence,
    c.created_at AS createdAt, c.last_message_at AS lastMessageAt, c.awaiting_since AS awaitingSince,
    c.first_responded_at AS firstRespondedAt, c.last_responded_at AS lastRespondedAt, c.due_at AS dueAt, c.subject, c.customer_id AS customerId, c.assignee_id AS assigneeId,
    c.intent, (SELECT cu.vip FROM customers cu WHERE cu.id = c.customer_id) AS vip, c.resolution_spent_ms AS resolutionSpentMs,
    c.warn_at AS warnAt`;
  type StateRow = Omit<ConversationState, 'vip'> & { vip: number };
  const toState = (row: StateRow | undefined): ConversationState | null => (row ? { ...row, vip: row.vip === 1 } : null);
  const stateById = db.prepare<[number], StateRow>(
    `SELECT ${stateColumns} FROM conversations c WHERE c.id = ?`,
  );
  const stateByPlatformId = db.prepare<[string, string], StateRow>(
    `SELECT ${stateColumns} FROM conversations c WHERE c.account_id = ? AND c.platform_id = ?`,
  );
  const stateByMessage = db.prepare<[string, string], StateRow>(
    `SELECT ${stateColumns} FROM conversations c WHERE c.id = (SELECT conversation_id FROM messages WHERE account_id = ? AND platform_id = ?)`,
  );
  const linkStmt = db.prepare<[number, number]>('UPDATE conversations SET moved_to_id = ? WHERE id = ?');
  const linkBackStmt = db.prepare<[number, number]>('UPDATE conversations SET moved_from_id = ? WHERE id = ?');
  const movesStmt = db.prepare<[number], { movedToId: number | null; movedFromId: number | null }>(
    'SELECT moved_to_id AS movedToId, moved_from_id AS movedFromId FROM conversations WHERE id = ?',
  );
  const openIdsStmt = db.prepare<[], number>("SELECT id FROM conversations WHERE status = 'open'").pluck();
  const openIdsOfCustomerStmt = db.prepare<[number], number>("SELECT id FROM conversations WHERE status = 'open' AND customer_id = ?").pluck();
  const setVipStmt = db.prepare<[number, number]>('UPDATE customers SET vip = ? WHERE id = ?');
  const insertStmt = db.prepare<Required<NewConversation>>(
    `INSERT INTO conversations (account_id, platform_id, kind, customer_id, subject, status, intent, priority, language, language_source, language_confidence,
                                created_at, last_message_at, due_at)
     VALUES (@accountId, @platformId, @kind, @customerId, @subject, @status, @intent, @priority, @language, @languageSource, @languageConfidence,
             @createdAt, @createdAt, @dueAt)`,
  );
  const summaryById = db.prepare<[number], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE c.id = +?`);
  const earlierStmt = db.prepare<[number, number], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE c.customer_id = +? AND c.id <> +? ORDER BY c.last_message_at DESC LIMIT 20`,
  );
  const countsStmt = db.prepare<
    { now: number },
    { accountId: string; assigneeId: string | null; priority: Priority; breached: number; n: number }
  >(
    `SELECT account_id AS accountId, assignee_id AS assigneeId, priority, SUM(due_at <= @now) AS breached, COUNT(*) AS n
     FROM conversations WHERE status = 'open' GROUP BY account_id, assignee_id, priority`,
  );
  const languageCountsStmt = db.prepare<{ now: number }, { language: string | null; breached: number; n: number }>(
    `SELECT language, SUM(due_at <= @now) AS breached, COUNT(*) AS n FROM conversations WHERE status = 'open' GROUP BY language`,
  );
  const listeningCountStmt = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM conversations WHERE status = 'listening'");
  const breachCandidates = db.prepare<[number, number], { id: number }>(
    `SELECT id FROM conversations WHERE status = 'open' AND breach_notified_at IS NULL AND due_at <= ? ORDER BY due_at LIMIT ?`,
  );
  const warnCandidates = db.prepare<[number, number, number], { id: number }>(
    `SELECT id FROM conversations WHERE status = 'open' AND warn_notified_at IS NULL AND warn_at <= ? AND due_at > ? ORDER BY warn_at LIMIT ?`,
  );
  const nextWarnStmt = db.prepare<[], { warnAt: number }>(
    `SELECT warn_at AS warnAt FROM conversations WHERE status = 'open' AND warn_notified_at IS NULL ORDER BY warn_at LIMIT 1`,
  );
  const nextDeadlineStmt = db.prepare<[], { dueAt: number }>(
    `SELECT due_at AS dueAt FROM conversations WHERE status = 'open' AND breach_notified_at IS NULL ORDER BY due_at LIMIT 1`,
  );
  const attentionStmt = db.prepare<[number], { n: number }>(
    `SELECT COUNT(*) AS n FROM conversations WHERE status = 'open' AND awaiting_since IS NOT NULL AND (due_at <= ? OR priority = 'urgent')`,
  );

  const listStatements = new Map<string, ReturnType<typeof db.prepare<Record<string, unknown>, SummaryRow>>>();
  function listStatement(queue: QueueId, paged: boolean) {
    const filter = queueFilter(queue);
    const key = `${filter.status}|${filter.sql}|${paged}`;
    let stmt = listStatements.get(key);
    if (!stmt) {
      stmt = db.prepare<Record<string, unknown>, SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM}
         WHERE c.status = ${filter.status} ${filter.sql} ${paged ? 'AND (c.due_at, c.id) > (@afterDue, @afterId)' : ''}
         ORDER BY c.due_at, c.id LIMIT +@limit`,
      );
      listStatements.set(key, stmt);
    }
    return { stmt, filter };
  }

  const patchColumns: Record<keyof ConversationPatch, string> = {
    status: 'status',
    priority: 'priority',
    language: 'language',
    languageSource: 'language_source',
    languageConfidence: 'language_confidence',
    lastMessageAt: 'last_message_at',
    awaitingSince: 'awaiting_since',
    firstRespondedAt: 'first_responded_at',
    lastRespondedAt: 'last_responded_at',
    dueAt: 'due_at',
    assigneeId: 'assignee_id',
    preview: 'preview',
    intent: 'intent',
    breachNotifiedAt: 'breach_notified_at',
    warnNotifiedAt: 'warn_notified_at',
    warnAt: 'warn_at',
    resolutionSpentMs: 'resolution_spent_ms',
    policyId: 'policy_id',
  };
  const patchStatements = new Map<string, ReturnType<typeof db.prepare>>();
  // Reports' backlog counts a conversation from its start unless it is a listening hit not taken,
  // written with the change that makes it count (a transaction of its own only when the caller has
  // none: a savepoint inside one would journal every page the write changes).
  const atomically = <T>(write: () => T): T => (db.inTransaction ? write() : db.transaction(write)());
  const countBacklogStart = backlogStartCounter(db);
  const backlogStartStmt = db.prepare<[number], { status: ConversationStatus; createdAt: number; accountId: string }>(
    'SELECT status, created_at AS createdAt, account_id AS accountId FROM conversations WHERE id = ?',
  );

  const openOwnedStmt = db.prepare<[string], number>("SELECT id FROM conversations WHERE status = 'open' AND assignee_id = ? ORDER BY due_at, id").pluck();
  const openLoadStmt = db.prepare<[], { assigneeId: string; n: number }>(
    "SELECT assignee_id AS assigneeId, COUNT(*) AS n FROM conversations WHERE status = 'open' AND assignee_id IS NOT NULL GROUP BY assignee_id",
  );

  return {
    upsertCustomer: (c: CustomerUpsert): number => upsertCustomerStmt.get({ ...c, avatarUrl: c.avatarUrl ?? null, verifiedInt: c.verified ? 1 : 0 })!.id,
    /** Creates or refreshes a customer; says whether the team marked them VIP. */
    upsertCustomerVip(c: CustomerUpsert): { id: number; vip: boolean } {
      const row = upsertCustomerStmt.get({ ...c, avatarUrl: c.avatarUrl ?? null, verifiedInt: c.verified ? 1 : 0 })!;
      return { id: row.id, vip: row.vip === 1 };
    },
    customer(id: number): Customer | null {
      const row = getCustomerStmt.get(id);
      return row ? { ...row, verified: row.verified === 1, vip: row.vip === 1 } : null;
    },
    state: (id: number): ConversationState | null => toState(stateById.get(id)),
    stateByPlatformId: (accountId: string, platformId: string): ConversationState | null =>
      toState(stateByPlatformId.get(accountId, platformId)),
    /** The conversation holding the message with this platform id. */
    stateByMessage: (accountId: string, messagePlatformId: string): ConversationState | null =>
      toState(stateByMessage.get(accountId, messagePlatformId)),
    insert: (c: NewConversation): number =>
      atomically(() => {
        const id = Number(insertStmt.run({ languageSource: null, languageConfidence: null, ...c }).lastInsertRowid);
        if (c.status !== 'listening') countBacklogStart(c.createdAt, c.accountId, 1);
        return id;
      }),
    openIds: (): number[] => openIdsStmt.all(),
    openIdsOfCustomer: (customerId: number): number[] => openIdsOfCustomerStmt.all(customerId),
    setVip: (customerId: number, vip: boolean) => void setVipStmt.run(vip ? 1 : 0, customerId),
    /** Records that conversation `from` continued as conversation `to` (by e-mail). */
    linkMove(from: number, to: number) {
      linkStmt.run(to, from);
      linkBackStmt.run(from, to);
    },
    moves: (id: number) => movesStmt.get(id) ?? { movedToId: null, movedFromId: null },
    patch(id: number, patch: ConversationPatch) {
      const keys = (Object.keys(patch) as (keyof ConversationPatch)[]).filter((k) => patch[k] !== undefined).sort();
      if (keys.length === 0) return;
      const sig = keys.join(',');
      let stmt = patchStatements.get(sig);
      if (!stmt) {
        stmt = db.prepare(`UPDATE conversations SET ${keys.map((k) => `${patchColumns[k]} = @${k}`).join(', ')} WHERE id = @id`);
        patchStatements.set(sig, stmt);
      }
      const update = stmt;
      const values = { ...Object.fromEntries(keys.map((k) => [k, patch[k]])), id };
      const status = patch.status;
      if (status === undefined) return void update.run(values);
      atomically(() => {
        const before = backlogStartStmt.get(id);
        update.run(values);
        if (before && (before.status === 'listening') !== (status === 'listening')) {
          countBacklogStart(before.createdAt, before.accountId, status === 'listening' ? -1 : 1);
        }
      });
    },
    summary(id: number): ConversationSummary | null {
      const row = summaryById.get(id);
      return row ? toSummary(row) : null;
    },
    earlier: (customerId: number, exceptId: number): ConversationSummary[] => earlierStmt.all(customerId, exceptId).map(toSummary),
    list(queue: QueueId, selfId: string, limit: number, after?: { dueAt: number; id: number }): ConversationSummary[] {
      const { stmt, filter } = listStatement(queue, after !== undefined);
      const params: Record<string, unknown> = { limit };
      if (filter.param !== null) params.param = filter.param === 'self' ? selfId : filter.param;
      if (after) Object.assign(params, { afterDue: after.dueAt, afterId: after.id });
      return stmt.all(params).map(toSummary);
    },
    queueCounts(selfId: string, accountIds: string[], now: number): QueueSummary[] {
      const queues = new Map<QueueId, QueueSummary>();
      const bump = (id: QueueId, accountId: string | null, open: number, breached: number) => {
        const q = queues.get(id) ?? { id, accountId, open: 0, breached: 0 };
        q.open += open;
        q.breached += breached;
        queues.set(id, q);
      };
      for (const id of ['all', 'mine', 'unassigned', 'urgent'] as const) bump(id, null, 0, 0);
      bump('listening', null, listeningCountStmt.get()!.n, 0);
      for (const accountId of accountIds) bump(`account:${accountId}`, accountId, 0, 0);
      for (const row of countsStmt.all({ now })) {
        bump('all', null, row.n, row.breached);
        if (row.assigneeId === selfId) bump('mine', null, row.n, row.breached);
        if (row.assigneeId === null) bump('unassigned', null, row.n, row.breached);
        if (row.priority === 'urgent') bump('urgent', null, row.n, row.breached);
        bump(`account:${row.accountId}`, row.accountId, row.n, row.breached);
      }
      // One queue per language with open conversations (NULL: the unknown-language queue).
      for (const row of languageCountsStmt.all({ now })) bump(languageQueue(row.language), null, row.n, row.breached);
      return [...queues.values()];
    },
    breachCandidates: (now: number, limit: number): number[] => breachCandidates.all(now, limit).map((r) => r.id),
    nextDeadline: (): number | null => nextDeadlineStmt.get()?.dueAt ?? null,
    /** Deadlines that are near (past their warning time) but not yet breached, not yet reported. */
    warnCandidates: (now: number, limit: number): number[] => warnCandidates.all(now, now, limit).map((r) => r.id),
    nextWarning: (): number | null => nextWarnStmt.get()?.warnAt ?? null,
    attentionCount: (now: number): number => attentionStmt.get(now)!.n,
    /** Open conversations an agent owns. */
    openOwnedBy: (agentId: string): number[] => openOwnedStmt.all(agentId),
    /** Open conversations assigned to each agent (their load, against their capacity). */
    openLoad: (): Map<string, number> => new Map(openLoadStmt.all().map((r) => [r.assigneeId, r.n])),
  };
}

export type ConversationRepo = ReturnType<typeof createConversationRepo>;
