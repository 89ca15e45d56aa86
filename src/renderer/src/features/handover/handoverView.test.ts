import { describe, expect, it } from 'vitest';
import type { HandoverItem } from '@shared/handover';
import { pendingForMe, sortItems, toReceiver } from './handoverView';

const item = (id: string, over: Partial<HandoverItem> = {}): HandoverItem => ({
  id,
  handoverId: 'h',
  conversationId: 1,
  customerName: 'C',
  fromAgentId: 'ana',
  toAgentId: 'me',
  status: 'pending',
  createdAt: 0,
  acknowledgedAt: null,
  shiftEnd: 0,
  sla: { state: 'due', dueAt: 100 },
  lastCustomerMessage: null,
  promises: [],
  note: null,
  ...over,
});

describe('handover view', () => {
  it('counts what is pending for me: mine or the queue, not my own handovers', () => {
    const items = [item('a'), item('b', { toAgentId: null }), item('c', { toAgentId: 'bob' }), item('d', { status: 'accepted' }), item('e', { fromAgentId: 'me', toAgentId: null })];
    expect(pendingForMe(items, 'me').map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('lists pending first, overdue first, then by deadline', () => {
    const items = [
      item('done', { status: 'accepted', sla: { state: 'overdue', dueAt: 1 } }),
      item('later', { sla: { state: 'due', dueAt: 500 } }),
      item('none', { sla: { state: 'none', dueAt: null } }),
      item('soon', { sla: { state: 'due', dueAt: 200 } }),
      item('late', { sla: { state: 'overdue', dueAt: 50 } }),
    ];
    expect(sortItems(items).map((i) => i.id)).toEqual(['late', 'soon', 'later', 'none', 'done']);
  });

  it('reads the queue choice as no receiver', () => {
    expect(toReceiver('')).toBeNull();
    expect(toReceiver('bob')).toBe('bob');
  });
});
