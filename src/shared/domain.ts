// Domain types shared by the core, the hosts and the renderer. Pure TypeScript.
import type { UrgencyReason } from './urgency';
import type { UiLanguage } from './uiLanguages';

export const PLATFORMS = ['x', 'bluesky', 'mastodon', 'facebook', 'instagram', 'email'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CONVERSATION_KINDS = ['mention', 'comment', 'dm', 'email'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/**
 * open until an agent resolves it; a new customer message reopens it. listening: found by a
 * listening stream (the brand named without its handle), waiting for an agent to take it.
 */
export type ConversationStatus = 'open' | 'resolved' | 'listening';
/** Service or sales: the two streams good practice keeps apart. */
export type ConversationIntent = 'support' | 'sales';
export type Priority = 'normal' | 'urgent';
export type AccountRole = 'support' | 'sales' | 'brand';

/** received: inbound. queued → sending → sent, or failed (with a reason; the agent can retry). */
export type MessageStatus = 'received' | 'queued' | 'sending' | 'sent' | 'failed';
export type Direction = 'in' | 'out';

/** Where a message's language came from: the platform's tag, a script only one language uses, or the n-gram detector. */
export type LanguageSource = 'platform' | 'script' | 'detector';
/** The queue of conversations whose language is not known. */
export const UNKNOWN_LANGUAGE = 'und';

/** How the sync engine sees an account right now. */
export type AccountHealth = 'online' | 'degraded' | 'offline' | 'needs-auth';

/** Sort key of conversations that have no deadline running: they sort after every real one. */
export const NO_DEADLINE = Number.MAX_SAFE_INTEGER;

export type AgentRole = 'agent' | 'lead';

export interface Agent {
  id: string;
  name: string;
  timeZone: string;
  isSelf: boolean;
  role: AgentRole;
  /** Working hours (a business calendar) while the agent has no shifts; null: always on. */
  workingCalendarId: string | null;
  /** Quiet mode until then (UTC ms): only must-interrupt notifications. */
  quietUntil: number | null;
  /** The interface language the agent chose; null: the system's preferred languages. */
  uiLanguage: UiLanguage | null;
}

/** Why a notification was not put in front of this desk's agent. */
export type NotificationSuppression = 'assigned-elsewhere' | 'off-shift' | 'quiet-mode' | 'do-not-disturb';

export interface Account {
  id: string;
  platform: Platform;
  name: string;
  handle: string;
  role: AccountRole;
  connector: string;
  /** Where its credentials are kept ('os-keychain'), or null when it needs none (demo). */
  secretBackend: string | null;
  /** The longest reply this account may post where its server sets it (a Mastodon instance); null: the platform's. */
  replyLimit?: number | null;
  /** The market it serves ('EMEA', 'APAC', 'AMER'), set by a lead; reports group by it. */
  region?: string | null;
}

export interface Customer {
  id: number;
  accountId: string;
  platformId: string;
  handle: string;
  displayName: string;
  language: string | null;
  followers: number;
  verified: boolean;
  profileUrl: string | null;
  /** The platform's avatar image (http(s)); the renderer loads it only through the image proxy. */
  avatarUrl: string | null;
  /** Marked VIP by the team: SLA policies may treat them apart. */
  vip: boolean;
}

export interface ConversationSummary {
  id: number;
  accountId: string;
  platform: Platform;
  kind: ConversationKind;
  status: ConversationStatus;
  priority: Priority;
  customerName: string;
  customerHandle: string;
  language: string | null;
  /** How sure the detection of `language` is (0..1) and where it came from; null when not detected (the customer's profile, or none). */
  languageConfidence: number | null;
  languageSource: LanguageSource | null;
  assigneeId: string | null;
  preview: string;
  lastMessageAt: number;
  /** UTC epoch ms of the nearest running SLA deadline, or NO_DEADLINE. */
  dueAt: number;
  hasDraft: boolean;
  /** Set for conversations found by listening: support, or a sales opportunity. */
  intent: ConversationIntent | null;
  queuedReplies: number;
  /** Replies the platform refused: the agent must retry or rewrite them. */
  failedReplies: number;
  /** The term of the incident (a burst sharing it) this conversation is part of. */
  incidentTerm: string | null;
}

export interface Message {
  id: number;
  conversationId: number;
  direction: Direction;
  body: string;
  createdAt: number;
  status: MessageStatus;
  error: string | null;
  authorName: string;
  language: string | null;
  /** Of a customer's message: how sure its language is (0..1) and where it came from (absent or null: not detected). */
  languageConfidence?: number | null;
  languageSource?: LanguageSource | null;
  urgent: boolean;
  /** Of a customer's message, once analysed. */
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  /** Why it is urgent (the rules that matched), when it is. */
  urgency: { mustInterrupt: boolean; reasons: UrgencyReason[] } | null;
  /** Of a customer's message read as a survey answer (issue #8). */
  survey?: { kind: 'csat' | 'nps'; score: number } | null;
  /** A reply of the desk asking the satisfaction survey's question. */
  surveyQuestion?: boolean;
}

export interface Draft {
  conversationId: number;
  body: string;
  updatedAt: number;
}

export interface ConversationDetail {
  conversation: ConversationSummary & {
    subject: string | null;
    createdAt: number;
    firstRespondedAt: number | null;
    /** The e-mail conversation this one continued as, if an agent moved it to e-mail. */
    movedToId: number | null;
    /** The conversation this e-mail continues, if it was moved here. */
    movedFromId: number | null;
  };
  account: Account;
  customer: Customer;
  messages: Message[];
  draft: Draft | null;
  earlier: ConversationSummary[];
}

/** `language:<tag>`: open conversations in one language (`language:und` when it is not known). */
export type QueueId = 'all' | 'mine' | 'unassigned' | 'urgent' | 'listening' | `account:${string}` | `language:${string}`;

/** The queue of a conversation language (null: not known). */
export const languageQueue = (language: string | null): QueueId => `language:${language ?? UNKNOWN_LANGUAGE}`;
/** The language tag of a `language:` queue ('und' for the unknown-language queue), else null. */
export const queueLanguage = (id: QueueId): string | null => (id.startsWith('language:') ? id.slice('language:'.length) : null);

export interface QueueSummary {
  id: QueueId;
  accountId: string | null;
  open: number;
  breached: number;
}

export interface ListeningStream {
  id: string;
  accountId: string;
  name: string;
  /** Words and phrases, in the platform's search syntax. */
  query: string;
  intent: ConversationIntent;
  lastRunAt: number | null;
  lastError: string | null;
}

export interface Workspace {
  self: Agent;
  agents: Agent[];
  accounts: Account[];
  demo: boolean;
}

export interface AccountSyncStatus {
  accountId: string;
  health: AccountHealth;
  /** Human-readable reason for degraded/offline/needs-auth. */
  reason: string | null;
  lastSyncedAt: number | null;
  nextRetryAt: number | null;
  queuedReplies: number;
  /** Demo workspace only: the simulated platform was made unreachable on purpose. */
  simulatedOutage: boolean;
  /** While the account's first sync (the backfill of its last days) runs; null otherwise. */
  firstSync: FirstSyncStatus | null;
}

export interface FirstSyncStatus {
  startedAt: number;
  /** How many days back it reads. */
  days: number;
  /** Messages stored so far. */
  messages: number;
  /** Share of the days read (0..1) where the platform lets us tell; null when it does not. */
  progress: number | null;
  /** The agent stopped it: it ends once the page under way is stored. */
  cancelling: boolean;
}

export interface SyncStatus {
  accounts: AccountSyncStatus[];
  queuedReplies: number;
  failedReplies: number;
}

export interface SearchHit {
  messageId: number;
  conversationId: number;
  accountId: string;
  customerName: string;
  body: string;
  createdAt: number;
}

/** 'handover': a conversation whose owner went off shift waits for an answer. */
export type NotificationKind = 'near-breach' | 'breach' | 'urgent' | 'incident' | 'handover' | 'digest';

/** A burst of customers' messages on one account sharing a term ("#outage"), grouped. */
export interface Incident {
  id: string;
  accountId: string;
  /** The term that opened it; `terms` holds every term grouped into it, this one first. */
  term: string;
  terms: string[];
  firstAt: number;
  lastAt: number;
  messageCount: number;
  /** When it went quiet; null while it lasts. */
  closedAt: number | null;
}

export interface DeskNotification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  conversationId: number | null;
  createdAt: number;
  /** True when the host showed it as a native OS notification already. */
  deliveredNatively: boolean;
  /** Set when it was routed away from this desk's agent: not shown, only recorded. */
  suppressed: NotificationSuppression | null;
}

export type ChangedTable = 'conversations' | 'messages' | 'drafts' | 'outbox' | 'accounts' | 'canned' | 'brandVoice' | 'translation' | 'schedule' | 'coverage' | 'handovers' | 'surveys';

export interface ChangesEvent {
  tables: ChangedTable[];
  conversationIds: number[];
}
