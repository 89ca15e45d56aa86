// Auto-acknowledgement: a new conversation whose policy asks for it gets a reply, in the
// customer's language, that says when to expect an answer. It goes out through the outbox like
// any reply but is not an answer: the response clock keeps running.
import { randomUUID } from 'node:crypto';
import type { AutoAck, ResolvedSlaPolicy } from '@shared/sla';
import { matchPolicy } from '@shared/sla';
import { NO_DEADLINE } from '@shared/domain';
import type { Repos } from '../repos';
import type { ConversationState } from '../repos/conversations';

/** Only messages this fresh are acknowledged: a first sync's backlog is not. */
export const AUTO_ACK_MAX_AGE_MS = 15 * 60_000;

/** The message for a language: pt-BR, then pt, then English. */
export function acknowledgementFor(autoAck: AutoAck, language: string | null): { language: string; template: string } | null {
  const chain = [];
  if (language) {
    const parts = language.split('-');
    for (let i = parts.length; i > 0; i--) chain.push(parts.slice(0, i).join('-'));
  }
  chain.push('en');
  const keys = Object.keys(autoAck.messages);
  for (const wanted of chain) {
    const key = keys.find((k) => k.toLowerCase() === wanted.toLowerCase());
    if (key) return { language: key, template: autoAck.messages[key]! };
  }
  return null;
}

/**
 * When to expect an answer, in the customer's language: "1 hour" while the deadline is the
 * target away (the desk is open), else the day and time it falls on, in the desk's zone.
 */
export function expectedResponse(dueAt: number, now: number, targetMs: number, language: string, zone: string): string {
  if (dueAt - now <= targetMs + 60_000) {
    const minutes = Math.max(1, Math.round(targetMs / 60_000));
    const [value, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
    return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  }
  return new Intl.DateTimeFormat(language, { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZone: zone, timeZoneName: 'short' }).format(dueAt);
}

export function fillAcknowledgement(template: string, values: { customer: string; expected: string }): string {
  return template.replace(/\{\{\s*(customer|expected)\s*\}\}/g, (_m, key: 'customer' | 'expected') => values[key]);
}

/**
 * Queues the acknowledgement for a conversation that just started, if its policy asks for one.
 * Call inside the ingest transaction, after its deadlines are set. True when one was queued.
 */
export function queueAutoAck(repos: Repos, policies: readonly ResolvedSlaPolicy[], conv: ConversationState, customerName: string, now: number, zone: string): boolean {
  const policy = matchPolicy(policies, conv);
  if (!policy?.autoAck.enabled || conv.status !== 'open' || conv.awaitingSince === null || conv.dueAt === NO_DEADLINE) return false;
  const message = acknowledgementFor(policy.autoAck, conv.language);
  if (!message) return false;
  const targetMs = (conv.firstRespondedAt === null ? policy.firstResponseSeconds : policy.nextResponseSeconds) * 1000;
  const body = fillAcknowledgement(message.template, {
    customer: customerName.split(/\s+/)[0] ?? customerName,
    expected: expectedResponse(conv.dueAt, now, targetMs, message.language, policy.calendar?.zone ?? zone),
  });
  const clientId = randomUUID();
  const firstNewId = repos.messages.maxId();
  const id = repos.messages.insertReturningId({
    conversationId: conv.id,
    accountId: conv.accountId,
    platformId: null,
    direction: 'out',
    customerId: null,
    agentId: null,
    body,
    language: message.language,
    urgent: false,
    createdAt: now,
    status: 'queued',
    clientId,
  });
  repos.messages.indexSince(firstNewId);
  // Not an answer: a failed acknowledgement gives nothing back to wait for.
  repos.outbox.add({ id: clientId, accountId: conv.accountId, conversationId: conv.id, messageId: id, restoreAwaitingSince: null, now });
  return true;
}
