import { describe, expect, it } from 'vitest';
import { avatarUrlOf } from './avatarUrl';

describe('avatarUrlOf', () => {
  it('keeps http(s) URLs', () => {
    expect(avatarUrlOf('https://files.mastodon.social/accounts/avatars/1/original/a.png')).toBe('https://files.mastodon.social/accounts/avatars/1/original/a.png');
    expect(avatarUrlOf('http://pbs.twimg.com/profile_images/1/a_normal.jpg')).toBe('http://pbs.twimg.com/profile_images/1/a_normal.jpg');
  });

  it.each([undefined, null, 42, {}, '', 'not a url', '/avatars/original/missing.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'https://u:p@cdn.example/a.png', `https://cdn.example/${'a'.repeat(3000)}`])(
    'ignores %s',
    (raw) => {
      expect(avatarUrlOf(raw)).toBeNull();
    },
  );
});
