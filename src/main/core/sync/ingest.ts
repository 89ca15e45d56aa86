// Writes a page of platform items into the replica in one transaction, together with the
// cursor that produced it: a crash leaves either both or neither, and a re-pulled page is a no-op.
import { DEFAULT_URGENCY_RULES, evaluateUrgency, type UrgencyReason } from '@shared/urgency';
import { resolutionSpentAfterAnswer, type ResolvedSlaPolicy } from '@shared/sla';
import { AUTO_ACK_MAX_AGE_MS, queueAutoAck } from '../sla/autoAck';
import { deadlineFields } from '../sla/deadlines';
import type { ConversationIntent, LanguageSource, Platform } from '@shared/domain';
import { normalizeLanguageTag, PLATFORM_CONFIDENCE } from '../urgency/language';
import type { InboundItem } from '../connectors/connector';
import type { ConversationState } from '../repos/conversations';
import type { Repos } from '../repos';
import { recordReopen, recordResponse } from '../reports/recordEvents';

export interface IngestResult {
  newMessages: number;
  skipped: { platformId: string; reason: string }[];
  conversationIds: number[];
  /** Conversations this page started (for auto-assignment). */
  newConversationIds: number[];
  /** New urgent customer messages, for notifications. */
  urgent: { conversationId: number; customerName: string; body: string; createdAt: number; mustInterrupt: boolean; reasons: UrgencyReason[] }[];
  /** New customer messages in the inbox (not context, not listening hits), for spike detection. */
  inbound: { messageId: number; conversationId: number; createdAt: number; body: string; language: string | null; authorId: string }[];
  /** Acknowledgements queued for new conversations (their policy asks for one): wake the outbox. */
  autoAcknowledged: number;
}

const PREVIEW_LENGTH = 200;

/** What is learnt from a customer's message before it is stored. */
export interface MessageAnalysis {
  language: string | null;
  /** Where `language` came from and how sure it is (0..1); null when there is no language. */
  languageSource: LanguageSource | null;
  languageConfidence: number | null;
  sentiment: { score: number; label: string } | null;
  urgency: { urgent: boolean; mustInterrupt: boolean; reasons: UrgencyReason[] };
}

export type Analyze = (item: InboundItem, platform: Platform) => MessageAnalysis;

/**
 * Reads a customer's message as the answer to a survey of its conversation (inside the ingest
 * transaction). `keepResolved`: the message is only the answer, so a resolved conversation stays
 * resolved; null when the conversation awaits no answer.
 */
export type SurveyReplyReader = (reply: { conversationId: number; messageId: number; body: string; language: string | null; createdAt: number }) => { keepResolved: boolean } | null;

export const NO_LANGUAGE = { language: null, languageSource: null, languageConfidence: null } as const;

/** The platform's language tag, unchecked (as a primary subtag, like the detector's: one queue per language). */
const platformLanguage = (item: InboundItem): Pick<MessageAnalysis, 'language' | 'languageSource' | 'languageConfidence'> => {
  const language = normalizeLanguageTag(item.language);
  return language ? { language, languageSource: 'platform', languageConfidence: PLATFORM_CONFIDENCE.unchecked } : NO_LANGUAGE;
};

/** Without the analyzer (before it has loaded, or in tests): the platform's language tag and the default rules. */
export const basicAnalysis: Analyze = (item, platform) => ({
  ...platformLanguage(item),
  sentiment: null,
  urgency: evaluateUrgency({ body: item.body, language: item.language ?? null, platform }, item.author, DEFAULT_URGENCY_RULES),
});

export interface IngestOptions {
  /**
   * Items found by a listening stream (the brand named without its handle): conversations they
   * start wait in the Listening queue, with no deadline, until an agent takes them.
   */
  listening?: { intent: ConversationIntent };
  /** Where the page's cursor is kept (default: the account's sync state). */
  saveCursor?: (cursor: string | null) => void;
  /** Language, sentiment and urgency of customers' messages (default: basicAnalysis). */
  analyze?: Analyze;
  /** Survey answers in customers' replies (default: none are read). */
  readSurveyReply?: SurveyReplyReader;
}

export function ingestPage(
  repos: Repos,
  accountId: string,
  items: InboundItem[],
  cursor: string | null,
  policies: readonly ResolvedSlaPolicy[],
  now: number,
  options: IngestOptions = {},
): IngestResult {
  const { conversations, messages } = repos;
  return repos.db.transaction((): IngestResult => {
    const result: IngestResult = { newMessages: 0, skipped: [], conversationIds: [], newConversationIds: [], urgent: [], inbound: [], autoAcknowledged: 0 };
    const analyze = options.analyze ?? basicAnalysis;
    // Conversations this page started, with the name of the customer who started them.
    const started = new Map<number, string>();
    const customerIds = new Map<string, { id: number; vip: boolean }>();
    type Touched = ConversationState & { preview?: string };
    // Conversations this page changed, by id, and the platform keys that led to them.
    const touched = new Map<number, Touched>();
    const byKey = new Map<string, Touched>();
    const firstNewId = messages.maxId();
    const platform = repos.workspace.account(accountId)?.platform;
    if (!platform) throw new Error(`Account ${accountId} does not exist`);

    for (const item of items) {
      const analysis = item.direction === 'in' && !item.context ? analyze(item, platform) : null;
      const detected = analysis ?? platformLanguage(item);
      const language = detected.language;
      let conv = byKey.get(item.conversation.platformId);
      let customer: { id: number; vip: boolean } | null = null;
      if (item.direction === 'in') {
        customer = customerIds.get(item.author.platformId) ?? null;
        if (customer === null) {
          customer = conversations.upsertCustomerVip({
            accountId,
            platformId: item.author.platformId,
            handle: item.author.handle,
            displayName: item.author.displayName || item.author.handle,
            language: item.author.language ?? null,
            followers: item.author.followers ?? 0,
            verified: item.author.verified ?? false,
            profileUrl: item.author.profileUrl ?? null,
            avatarUrl: item.author.avatarUrl ?? null,
            updatedAt: now,
          });
          customerIds.set(item.author.platformId, customer);
        }
      }
      const customerId = customer?.id ?? null;
      if (!conv) {
        // A reply to a message we have joins that message's conversation.
        const existing =
          conversations.stateByPlatformId(accountId, item.conversation.platformId) ??
          (item.replyTo ? conversations.stateByMessage(accountId, item.replyTo) : null);
        if (existing) {
          conv = touched.get(existing.id) ?? { ...existing };
        } else if (item.context) {
          result.skipped.push({ platformId: item.platformId, reason: 'thread context for a conversation we do not have' });
          continue;
        } else if (customerId !== null) {
          const fresh = {
            accountId,
            platformId: item.conversation.platformId,
            kind: item.conversation.kind,
            customerId,
            subject: item.conversation.subject ?? null,
            priority: 'normal' as const,
            status: options.listening ? ('listening' as const) : ('open' as const),
            intent: options.listening?.intent ?? null,
            // The customer's profile language until a message says otherwise: not a detection.
            ...(language ? { language, languageSource: detected.languageSource, languageConfidence: detected.languageConfidence } : { ...NO_LANGUAGE, language: item.author.language ?? null }),
            createdAt: item.createdAt,
            dueAt: Number.MAX_SAFE_INTEGER,
          };
          const id = conversations.insert(fresh);
          started.set(id, item.author.displayName || item.author.handle);
          conv = {
            ...fresh,
            id,
            platform,
            lastMessageAt: fresh.createdAt,
            awaitingSince: null,
            firstRespondedAt: null,
            lastRespondedAt: null,
            assigneeId: null,
            vip: customer!.vip,
            resolutionSpentMs: 0,
            warnAt: Number.MAX_SAFE_INTEGER,
          };
        } else {
          result.skipped.push({ platformId: item.platformId, reason: 'own post in a conversation we do not know' });
          continue;
        }
        touched.set(conv.id, conv);
        byKey.set(item.conversation.platformId, conv);
      }

      // Our own reply seen on the platform before its send was acknowledged: the outbox will
      // record its platform id; storing it here would show it twice.
      if (item.direction === 'out' && messages.unsentReply(conv.id, item.body) !== null) continue;
      const urgent = analysis?.urgency.urgent ?? false;
      const messageId = messages.insert({
        conversationId: conv.id,
        accountId,
        platformId: item.platformId,
        direction: item.direction,
        customerId,
        agentId: null,
        body: item.body,
        language,
        languageSource: detected.languageSource,
        languageConfidence: detected.languageConfidence,
        urgent,
        createdAt: item.createdAt,
        status: item.direction === 'in' ? 'received' : 'sent',
        sentiment: analysis?.sentiment ?? null,
        urgency: urgent ? JSON.stringify({ mustInterrupt: analysis!.urgency.mustInterrupt, reasons: analysis!.urgency.reasons }) : null,
      });
      if (messageId === null) continue;
      result.newMessages++;
      if (item.context) continue;

      if (item.createdAt >= conv.lastMessageAt) {
        conv.lastMessageAt = item.createdAt;
        conv.preview = item.body.slice(0, PREVIEW_LENGTH);
      }
      if (item.direction === 'in') {
        const survey = options.readSurveyReply?.({ conversationId: conv.id, messageId, body: item.body, language, createdAt: item.createdAt }) ?? null;
        // A survey answer that says nothing more leaves a resolved conversation resolved.
        const keepResolved = conv.status === 'resolved' && survey?.keepResolved === true;
        // New to us means the agent has not seen it, whatever its timestamp: it awaits an answer
        // (in the inbox; a listening hit waits until an agent takes it).
        if (!keepResolved && (conv.status !== 'listening' || !options.listening)) {
          if (conv.awaitingSince === null || item.createdAt < conv.awaitingSince) conv.awaitingSince = item.createdAt;
          if (conv.status === 'resolved') recordReopen(repos, { ...conv }, item.createdAt, null);
          if (conv.status !== 'open') conv.status = 'open';
        }
        if (language) Object.assign(conv, { language, languageSource: detected.languageSource, languageConfidence: detected.languageConfidence });
        if (conv.status === 'open') {
          result.inbound.push({ messageId, conversationId: conv.id, createdAt: item.createdAt, body: item.body, language, authorId: item.author.platformId });
        }
        if (urgent) {
          conv.priority = 'urgent';
          result.urgent.push({
            conversationId: conv.id,
            customerName: item.author.displayName || item.author.handle,
            body: item.body,
            createdAt: item.createdAt,
            mustInterrupt: analysis!.urgency.mustInterrupt,
            reasons: analysis!.urgency.reasons,
          });
        }
      } else {
        // Answered on the platform itself (another tool, the phone app): a response all the same.
        if (conv.status === 'open') {
          const answers = conv.awaitingSince !== null && conv.awaitingSince <= item.createdAt ? conv.awaitingSince : null;
          recordResponse(repos, policies, { ...conv, awaitingSince: answers }, { at: item.createdAt, agentId: null, messageId });
        }
        conv.firstRespondedAt ??= item.createdAt;
        conv.lastRespondedAt = Math.max(conv.lastRespondedAt ?? 0, item.createdAt);
        if (conv.awaitingSince !== null && conv.awaitingSince <= item.createdAt) {
          conv.resolutionSpentMs = resolutionSpentAfterAnswer(policies, conv, item.createdAt);
          conv.awaitingSince = null;
        }
      }
    }

    for (const conv of touched.values()) {
      conversations.patch(conv.id, {
        status: conv.status,
        priority: conv.priority,
        language: conv.language,
        languageSource: conv.languageSource,
        languageConfidence: conv.languageConfidence,
        lastMessageAt: conv.lastMessageAt,
        awaitingSince: conv.awaitingSince,
        firstRespondedAt: conv.firstRespondedAt,
        lastRespondedAt: conv.lastRespondedAt,
        resolutionSpentMs: conv.resolutionSpentMs,
        preview: conv.preview,
        ...deadlineFields(policies, conv),
      });
      result.conversationIds.push(conv.id);
    }
    messages.indexSince(firstNewId);
    result.newConversationIds = [...started.keys()];
    if (started.size > 0 && policies.some((p) => p.autoAck.enabled)) {
      const zone = repos.workspace.selfAgent().timeZone;
      for (const [id, customerName] of started) {
        // A backlog is not acknowledged: most of a first sync is passed over without a read.
        const waiting = touched.get(id)?.awaitingSince ?? null;
        if (waiting === null || waiting < now - AUTO_ACK_MAX_AGE_MS) continue;
        const state = conversations.state(id)!;
        if (queueAutoAck(repos, policies, state, customerName, now, zone)) result.autoAcknowledged++;
      }
    }
    if (options.saveCursor) options.saveCursor(cursor);
    else repos.syncState.put(accountId, cursor, now);
    return result;
  })();
}
