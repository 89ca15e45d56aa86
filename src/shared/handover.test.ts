import { describe, expect, it } from 'vitest';
import { NO_DEADLINE } from './domain';
import { handoverNote, openPromises, slaState } from './handover';
import { coversQueue, nextInRotation, suggestReceiver } from './handover/assignment';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 25, 9, 0); // 11:00 in Riga

describe('handover note', () => {
  it('tells overdue from due from no deadline', () => {
    expect(slaState(T0 - 1, T0)).toEqual({ state: 'overdue', dueAt: T0 - 1 });
    expect(slaState(T0 + H, T0)).toEqual({ state: 'due', dueAt: T0 + H });
    expect(slaState(NO_DEADLINE, T0)).toEqual({ state: 'none', dueAt: null });
  });

  it('carries the last customer message, open promises and the note', () => {
    const messages = [
      { direction: 'in' as const, body: 'Where is my order?', createdAt: T0 },
      { direction: 'out' as const, body: "I'll follow up at 15:00.", createdAt: T0 + 0.1 * H },
      { direction: 'in' as const, body: 'Thanks, waiting.', createdAt: T0 + 0.2 * H },
    ];
    const note = handoverNote({ dueAt: T0 + 2 * H, messages, agentTimeZone: 'Europe/Riga', now: T0 + H, note: 'Courier asked' });
    expect(note).toEqual({
      sla: { state: 'due', dueAt: T0 + 2 * H },
      lastCustomerMessage: { body: 'Thanks, waiting.', createdAt: T0 + 0.2 * H },
      promises: [{ text: "I'll follow up at 15:00.", dueAt: Date.UTC(2026, 2, 25, 13, 0), sentAt: T0 + 0.1 * H }],
      note: 'Courier asked',
    });
  });

  it('a promise followed by a reply at or after its time is kept', () => {
    const promise = { direction: 'out' as const, body: "I'll follow up at 15:00.", createdAt: T0 };
    const early = { direction: 'out' as const, body: 'Still checking.', createdAt: T0 + H };
    const onTime = { direction: 'out' as const, body: 'Here it is.', createdAt: Date.UTC(2026, 2, 25, 13, 5) };
    expect(openPromises([promise, early], 'Europe/Riga')).toHaveLength(1);
    expect(openPromises([promise, early, onTime], 'Europe/Riga')).toEqual([]);
    const undated = { direction: 'out' as const, body: "We'll get back to you.", createdAt: T0 };
    expect(openPromises([undated, early], 'Europe/Riga')).toEqual([]);
  });
});

describe('assignment', () => {
  const profile = (agentId: string, languages: string[], queues: string[], capacity = 2) => ({ agentId, languages, queues, capacity });
  const lv = { accountId: 'acc-1', language: 'lv' };

  it('covers a queue by all, account or language', () => {
    expect(coversQueue({ queues: ['all'] }, lv)).toBe(true);
    expect(coversQueue({ queues: ['account:acc-1'] }, lv)).toBe(true);
    expect(coversQueue({ queues: ['language:lv'] }, lv)).toBe(true);
    expect(coversQueue({ queues: ['account:acc-2', 'language:de'] }, lv)).toBe(false);
  });

  it('rotates among agents who fit, skipping those at capacity', () => {
    const profiles = [profile('c', ['lv'], ['all']), profile('a', ['lv', 'en'], ['all']), profile('b', ['en'], ['all']), profile('d', ['lv'], ['account:acc-2'])];
    const load = new Map([['c', 0]]);
    expect(nextInRotation(profiles, lv, load, null)).toBe('a');
    expect(nextInRotation(profiles, lv, load, 'a')).toBe('c');
    expect(nextInRotation(profiles, lv, load, 'c')).toBe('a');
    expect(nextInRotation(profiles, lv, new Map([['a', 2]]), 'c')).toBe('c');
    expect(nextInRotation(profiles, lv, new Map([['a', 2], ['c', 2]]), null)).toBeNull();
    expect(nextInRotation(profiles, { accountId: 'acc-9', language: null }, load, 'c')).toBe('a');
  });

  it('suggests the fitting receiver with the most room, else the queue', () => {
    const profiles = [profile('a', ['lv'], ['all'], 3), profile('b', ['lv'], ['all'], 5)];
    expect(suggestReceiver(profiles, lv, new Map([['b', 4]]))).toBe('a');
    expect(suggestReceiver(profiles, lv, new Map())).toBe('b');
    expect(suggestReceiver(profiles, { accountId: 'acc-1', language: 'ja' }, new Map())).toBeNull();
  });
});
