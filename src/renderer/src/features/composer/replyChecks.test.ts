import { describe, expect, it } from 'vitest';
import { checkReply, insertAt, moveActive } from './replyChecks';

describe('checkReply', () => {
  it('counts the way the platform counts and refuses a reply that does not fit', () => {
    const url = 'https://example.com/' + 'a'.repeat(100);
    const ok = checkReply({ body: `See ${url}`, platform: 'x', language: 'en' });
    expect(ok.length).toMatchObject({ used: 4 + 23, limit: 280, over: false });
    expect(ok.blocked).toBe(false);
    const long = checkReply({ body: '😀'.repeat(141), platform: 'x', language: 'en' });
    expect(long.length).toMatchObject({ used: 282, over: true });
    expect(long.blocked).toBe(true);
    expect(checkReply({ body: 'a'.repeat(10_000), platform: 'email', language: 'en' }).blocked).toBe(false);
  });

  it('refuses a reply with a variable left unfilled, and says where it is', () => {
    const body = 'Hi {{customer.first_name}}, order {{custom.order_id}} is on its way';
    const checks = checkReply({ body, platform: 'bluesky', language: 'en' });
    expect(checks.unfilled.map((u) => u.name)).toEqual(['customer.first_name', 'custom.order_id']);
    expect(body.slice(checks.unfilled[0]!.start, checks.unfilled[0]!.end)).toBe('{{customer.first_name}}');
    expect(checks.blocked).toBe(true);
  });

  it('sends an unknown {{...}} as written, as the library preview says (and the core agrees)', () => {
    const checks = checkReply({ body: 'Use code {{SUMMER}} at checkout', platform: 'x', language: 'en' });
    expect(checks.unfilled).toEqual([]);
    expect(checks.blocked).toBe(false);
  });

  it("lists brand-voice findings without refusing the reply", () => {
    const guidelines = { bannedPhrases: ['unfortunately'], requiredSignOff: null, slangAndIdioms: { en: ['no worries'] } };
    const checks = checkReply({ body: 'No worries, unfortunately it is late', platform: 'x', language: 'en', brandVoice: guidelines });
    expect(checks.brandVoice.map((f) => f.kind)).toEqual(['slang', 'banned']);
    expect(checks.blocked).toBe(false);
    expect(checkReply({ body: '', platform: 'x', language: 'en', brandVoice: { ...guidelines, requiredSignOff: '^Ana' } }).brandVoice).toEqual([]);
  });
});

describe('insertAt', () => {
  it('replaces the typed /shortcut and puts the caret after the inserted text', () => {
    expect(insertAt('Hello /ref', 6, 10, 'Refunds take 7 days.')).toEqual({ text: 'Hello Refunds take 7 days.', caret: 26 });
    expect(insertAt('/ref thanks', 0, 4, 'A')).toEqual({ text: 'A thanks', caret: 1 });
    expect(insertAt('/refthanks', 0, 4, 'A')).toEqual({ text: 'A thanks', caret: 2 });
  });
});

describe('moveActive', () => {
  it('wraps around the list', () => {
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });
});
