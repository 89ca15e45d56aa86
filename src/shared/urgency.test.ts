import { describe, expect, it } from 'vitest';
import { isUrgent, URGENT_FOLLOWER_THRESHOLD } from './urgency';

describe('isUrgent', () => {
  it.each([
    'Your site is DOWN again',
    'I want a refund.',
    'My lawyer will hear about this',
    'Quiero un reembolso ya',
    'Ich will eine Erstattung',
    '至急対応してください',
    'എനിക്ക് റീഫണ്ട് വേണം',
    'Mans advokāts zvanīs',
  ])('flags %s', (text) => expect(isUrgent(text, {})).toBe(true));

  it.each(['Where can I download the app?', 'Lovely crew today', 'Refundable fares?', 'countdown to my holiday'])('does not flag %s', (text) =>
    expect(isUrgent(text, {})).toBe(false),
  );

  it('flags any mention from a large audience', () => {
    expect(isUrgent('hello', { followers: URGENT_FOLLOWER_THRESHOLD })).toBe(true);
    expect(isUrgent('hello', { followers: URGENT_FOLLOWER_THRESHOLD - 1 })).toBe(false);
  });
});
