// The agent's reads and actions on the replica. Every action is written locally first; what
// must reach a platform goes into the outbox in the same transaction.
import { randomUUID } from 'node:crypto';
import type { ChangedTable, ConversationDetail, ConversationSummary, Draft, Message, QueueId } from '@shared/domain';
import { NO_DEADLINE } from '@shared/domain';
import { conflict, invalidInput, notFound } from '@shared/errors';
import { replyFit, replyFitProblem } from '@shared/replyFit';
import { resolutionSpentAfterAnswer, type ResolvedSlaPolicy } from '@shared/sla';
import { deadlineFields } from '../sla/deadlines';
import type { EventBus } from '../events';
import type { Clock } from '../ports';
import type { Repos } from '../repos';
import type { ConversationState } from '../repos/conversations';
import { recordAssignment, recordReopen, recordResolution, recordResponse } from '../reports/recordEvents';

export interface InboxDeps {
  repos: Repos;
  clock: Clock;
  events: EventBus;
  policies: () => readonly ResolvedSlaPolicy[];
  /** A reply was queued: wake the outbox worker. */
  onQueued: () => void;
  /** Deadlines moved: wake the SLA monitor. */
  onDeadlinesChanged: () => void;
}

export class InboxService {
  constructor(private readonly deps: InboxDeps) {}

  private get repos() {
    return this.deps.repos;
  }

  private changed(tables: ChangedTable[], conversationIds: number[]) {
    this.deps.events.emit('changes', { tables, conversationIds });
  }

  private requireConversation(id: number) {
    const state = this.repos.conversations.state(id);
    if (!state) throw notFound(`Conversation ${id}`);
    return state;
  }

  /** Refuses a reply the platform would refuse, or with a variable left unfilled (nothing is queued; the draft stays). */
  private requireFits(state: ConversationState, body: string): void {
    const account = this.repos.workspace.account(state.accountId);
    const problem = replyFitProblem(replyFit(state.platform, body, { mastodonLimit: account?.replyLimit ?? undefined }), state.platform);
    if (problem) throw invalidInput(problem);
  }

  private summary(id: number): ConversationSummary {
    return this.repos.conversations.summary(id)!;
  }

  listConversations(queue: QueueId, limit: number, after?: { dueAt: number; id: number }): ConversationSummary[] {
    return this.repos.conversations.list(queue, this.repos.workspace.selfAgent().id, limit, after);
  }

  getConversation(id: number): ConversationDetail {
    const { conversations, messages, drafts, workspace } = this.repos;
    const state = this.requireConversation(id);
    const summary = this.summary(id);
    return {
      conversation: { ...summary, subject: state.subject, createdAt: state.createdAt, firstRespondedAt: state.firstRespondedAt, ...conversations.moves(id) },
      account: workspace.account(state.accountId)!,
      customer: conversations.customer(state.customerId)!,
      messages: messages.forConversation(id),
      draft: drafts.get(id),
      earlier: conversations.earlier(state.customerId, id),
    };
  }

  /** The agent answered: the response clock stops now, even if delivery waits for the platform. */
  private answered(state: ConversationState, now: number) {
    const policies = this.deps.policies();
    const next = {
      ...state,
      firstRespondedAt: state.firstRespondedAt ?? now,
      lastRespondedAt: now,
      awaitingSince: null,
      resolutionSpentMs: resolutionSpentAfterAnswer(policies, state, now),
    };
    return {
      firstRespondedAt: next.firstRespondedAt,
      lastRespondedAt: now,
      awaitingSince: null,
      resolutionSpentMs: next.resolutionSpentMs,
      ...deadlineFields(policies, next),
    };
  }

  private message(conversationId: number, id: number): Message {
    return this.repos.messages.forConversation(conversationId).find((m) => m.id === id)!;
  }

  sendReply(conversationId: number, body: string, clientId: string = randomUUID()): Message {
    const { repos } = this;
    const repeated = repos.messages.byClientId(clientId);
    if (repeated) {
      if (repeated.conversationId !== conversationId) throw conflict('That reply id was used in another conversation');
      return this.message(conversationId, repeated.id);
    }
    const now = this.deps.clock.now();
    const messageId = repos.db.transaction(() => {
      const state = this.requireConversation(conversationId);
      this.requireFits(state, body);
      const self = repos.workspace.selfAgent();
      const firstNewId = repos.messages.maxId();
      const id = repos.messages.insertReturningId({
        conversationId,
        accountId: state.accountId,
        platformId: null,
        direction: 'out',
        customerId: null,
        agentId: self.id,
        body,
        language: null,
        urgent: false,
        createdAt: now,
        status: 'queued',
        clientId,
      });
      repos.messages.indexSince(firstNewId);
      repos.outbox.add({ id: clientId, accountId: state.accountId, conversationId, messageId: id, restoreAwaitingSince: state.awaitingSince, now });
      repos.drafts.delete(conversationId);
      recordResponse(repos, this.deps.policies(), state, { at: now, agentId: self.id, messageId: id });
      if (state.assigneeId === null) recordAssignment(repos, state, self.id, now);
      repos.conversations.patch(conversationId, {
        ...this.answered(state, now),
        lastMessageAt: now,
        preview: body.slice(0, 200),
        assigneeId: state.assigneeId ?? self.id,
      });
      return id;
    })();
    this.changed(['messages', 'outbox', 'drafts', 'conversations'], [conversationId]);
    this.deps.onQueued();
    this.deps.onDeadlinesChanged();
    return this.message(conversationId, messageId);
  }

  /**
   * Continues a conversation by e-mail, in one transaction: the customer (by address) and the
   * e-mail conversation on the chosen account, its first message queued, the optional public
   * note queued in the original, which is then resolved.
   */
  moveToEmail(input: { id: number; accountId: string; address: string; subject: string; body: string; notice?: string; clientId: string }): ConversationSummary {
    const { repos } = this;
    const repeated = repos.messages.byClientId(input.clientId);
    if (repeated) return this.summary(repeated.conversationId);
    const source = this.requireConversation(input.id);
    if (source.kind === 'email') throw conflict('This conversation is already an e-mail');
    if (source.status === 'listening') throw conflict('Take this conversation into the inbox before moving it to e-mail');
    const account = repos.workspace.account(input.accountId);
    if (!account) throw notFound(`Account ${input.accountId}`);
    if (account.platform !== 'email') throw invalidInput('Choose one of the desk\'s e-mail accounts to send from');
    const now = this.deps.clock.now();
    const customer = repos.conversations.customer(source.customerId)!;
    const address = input.address.toLowerCase();
    const emailId = repos.db.transaction(() => {
      const customerId = repos.conversations.upsertCustomer({
        accountId: account.id,
        platformId: address,
        handle: address,
        displayName: customer.displayName,
        language: customer.language,
        followers: 0,
        verified: false,
        profileUrl: null,
        updatedAt: now,
      });
      const id = repos.conversations.insert({
        status: 'open',
        intent: null,
        accountId: account.id,
        // Ours alone: the customer's answers join it through the e-mail they answer.
        platformId: `moved:${input.clientId}`,
        kind: 'email',
        customerId,
        subject: input.subject,
        priority: source.priority,
        language: source.language,
        languageSource: source.languageSource,
        languageConfidence: source.languageConfidence,
        createdAt: now,
        dueAt: NO_DEADLINE,
      });
      repos.conversations.linkMove(source.id, id);
      this.sendReply(id, input.body, input.clientId);
      if (input.notice) this.sendReply(source.id, input.notice);
      this.setStatus(source.id, 'resolved');
      return id;
    })();
    this.changed(['conversations'], [source.id, emailId]);
    return this.summary(emailId);
  }

  retryMessage(messageId: number): Message {
    const { repos } = this;
    const message = repos.messages.ref(messageId);
    if (!message) throw notFound(`Message ${messageId}`);
    const entry = repos.outbox.byMessage(messageId);
    if (!entry || entry.state !== 'failed') throw conflict('Only a reply that failed can be retried');
    const now = this.deps.clock.now();
    repos.db.transaction(() => {
      const state = this.requireConversation(entry.conversationId);
      // Re-queued at the end of its conversation's queue, with the same idempotency key:
      // the platform refused it, so nothing was posted under that key.
      repos.outbox.remove(entry.id);
      repos.outbox.add({ ...entry, restoreAwaitingSince: state.awaitingSince ?? entry.restoreAwaitingSince, now });
      repos.messages.setStatus(messageId, 'queued');
      repos.conversations.patch(entry.conversationId, this.answered(state, now));
    })();
    this.changed(['messages', 'outbox', 'conversations'], [entry.conversationId]);
    this.deps.onQueued();
    this.deps.onDeadlinesChanged();
    return this.message(entry.conversationId, messageId);
  }

  saveDraft(conversationId: number, body: string): Draft | null {
    this.requireConversation(conversationId);
    const { drafts } = this.repos;
    if (body.trim() === '') {
      drafts.delete(conversationId);
      this.changed(['drafts'], [conversationId]);
      return null;
    }
    const draft = { conversationId, body, updatedAt: this.deps.clock.now() };
    drafts.put(draft);
    this.changed(['drafts'], [conversationId]);
    return draft;
  }

  setStatus(id: number, status: 'open' | 'resolved'): ConversationSummary {
    const { repos } = this;
    repos.db.transaction(() => {
      const state = this.requireConversation(id);
      const now = this.deps.clock.now();
      const agentId = repos.workspace.selfAgent().id;
      if (status === 'resolved' && state.status === 'open') recordResolution(repos, this.deps.policies(), state, now, agentId);
      if (status === 'open' && state.status === 'resolved') recordReopen(repos, state, now, agentId);
      // Resolving ends the wait: if the customer writes again, their new message starts the clock.
      const awaitingSince = status === 'resolved' ? null : state.awaitingSince;
      repos.conversations.patch(id, { status, awaitingSince, ...deadlineFields(this.deps.policies(), { ...state, status, awaitingSince }) });
    })();
    this.changed(['conversations'], [id]);
    this.deps.onDeadlinesChanged();
    return this.summary(id);
  }

  /** An agent takes a listening hit into the inbox: the customer's wait is counted from now. */
  takeFromListening(id: number): ConversationSummary {
    const state = this.requireConversation(id);
    if (state.status !== 'listening') throw conflict('This conversation is not in the Listening queue');
    const now = this.deps.clock.now();
    const taken = { ...state, status: 'open' as const, awaitingSince: now };
    this.repos.conversations.patch(id, { status: 'open', awaitingSince: now, ...deadlineFields(this.deps.policies(), taken) });
    this.changed(['conversations'], [id]);
    this.deps.onDeadlinesChanged();
    return this.summary(id);
  }

  assign(id: number, agentId: string | null): ConversationSummary {
    const { repos } = this;
    if (agentId !== null && !repos.workspace.agents().some((a) => a.id === agentId)) throw notFound(`Agent ${agentId}`);
    repos.db.transaction(() => {
      recordAssignment(repos, this.requireConversation(id), agentId, this.deps.clock.now());
      repos.conversations.patch(id, { assigneeId: agentId });
    })();
    this.changed(['conversations'], [id]);
    return this.summary(id);
  }
}
