// The selected queue and conversation live in the address hash (#/queue/all/conversation/42),
// so a reload, or the back button, brings the agent back to the same place.
import { queueLanguage, type QueueId } from '@shared/domain';
import { LANGUAGE_TAG_PATTERN } from '@shared/languageTags';

export interface Route {
  queue: QueueId;
  conversationId: number | null;
}

export const DEFAULT_ROUTE: Route = { queue: 'all', conversationId: null };

const BUILT_IN_QUEUES = new Set(['all', 'mine', 'unassigned', 'urgent', 'listening']);

export function isQueueId(value: string): value is QueueId {
  if (BUILT_IN_QUEUES.has(value)) return true;
  const language = queueLanguage(value as QueueId);
  if (language !== null) return LANGUAGE_TAG_PATTERN.test(language);
  return value.startsWith('account:') && value.length > 'account:'.length && value.length <= 'account:'.length + 200;
}

function decode(part: string | undefined): string | null {
  if (part === undefined) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const route: Route = { ...DEFAULT_ROUTE };
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const value = decode(parts[i + 1]);
    if (value === null) continue;
    if (parts[i] === 'queue' && isQueueId(value)) route.queue = value;
    if (parts[i] === 'conversation' && /^[1-9]\d{0,15}$/.test(value)) route.conversationId = Number(value);
  }
  return route;
}

export function formatRoute(route: Route): string {
  const queue = `#/queue/${encodeURIComponent(route.queue)}`;
  return route.conversationId === null ? queue : `${queue}/conversation/${route.conversationId}`;
}
