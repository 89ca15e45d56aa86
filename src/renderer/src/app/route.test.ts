import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, formatRoute, parseRoute } from './route';

describe('route', () => {
  it('round-trips queues and conversations', () => {
    for (const route of [
      { queue: 'all', conversationId: 42 },
      { queue: 'account:demo-x', conversationId: null },
      { queue: 'account:a/b c', conversationId: 1 },
      { queue: 'urgent', conversationId: null },
      { queue: 'listening', conversationId: 9 },
      { queue: 'language:lv', conversationId: 3 },
      { queue: 'language:pt-BR', conversationId: null },
      { queue: 'language:und', conversationId: null },
    ] as const) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
    expect(formatRoute({ queue: 'account:demo-x', conversationId: 42 })).toBe('#/queue/account%3Ademo-x/conversation/42');
  });

  it('falls back to the default for anything else', () => {
    expect(parseRoute('')).toEqual(DEFAULT_ROUTE);
    expect(parseRoute('#/queue/everything/conversation/abc')).toEqual(DEFAULT_ROUTE);
    expect(parseRoute('#/queue/%E0%A4%A/conversation/-1')).toEqual(DEFAULT_ROUTE);
    expect(parseRoute('#/queue/mine/conversation/7')).toEqual({ queue: 'mine', conversationId: 7 });
    expect(parseRoute('#/queue/account%3A')).toEqual(DEFAULT_ROUTE);
    expect(parseRoute('#/queue/language%3A')).toEqual(DEFAULT_ROUTE);
    expect(parseRoute('#/queue/language%3ALatvian')).toEqual(DEFAULT_ROUTE);
  });
});
