import { describe, expect, it } from 'vitest';
import { feedUrlProblem, updateSettingsInputSchema } from './updates';

describe('feedUrlProblem', () => {
  it.each([
    ['https://updates.example.com/shiftdesk', null],
    ['  https://updates.example.com/shiftdesk/  ', null],
    ['http://127.0.0.1:8080/feed', null],
    ['http://localhost:9000', null],
    ['', 'empty'],
    ['   ', 'empty'],
    ['updates.example.com', 'not-a-url'],
    ['ftp://updates.example.com/', 'not-http'],
    ['file:///etc/passwd', 'not-http'],
    ['javascript:alert(1)', 'not-http'],
    ['http://updates.example.com/', 'insecure'],
    ['http://127.0.0.2/', 'insecure'],
    ['http://localhost.example.com/', 'insecure'],
    ['https://user:secret@updates.example.com/', 'credentials'],
    ['https://updates.example.com/#latest', 'fragment'],
    [`https://updates.example.com/${'a'.repeat(2000)}`, 'too-long'],
  ])('%s → %s', (url, problem) => {
    expect(feedUrlProblem(url)).toBe(problem);
  });

  it('the contract refuses a bad feed with the reason and normalises a good one', () => {
    const bad = updateSettingsInputSchema.safeParse({ channel: 'beta', feedUrl: 'http://updates.example.com', autoDownload: true });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/Use https:\/\/ for an update feed/);
    expect(updateSettingsInputSchema.parse({ channel: 'beta', feedUrl: ' https://Updates.Example.com/feed ', autoDownload: false })).toEqual({
      channel: 'beta',
      feedUrl: 'https://updates.example.com/feed',
      autoDownload: false,
    });
    expect(updateSettingsInputSchema.safeParse({ channel: 'nightly', feedUrl: null, autoDownload: true }).success).toBe(false);
  });
});
