import { describe, expect, it } from 'vitest';
import { countGraphemes, extractUrls, mastodonLength, measure, utf8Length, xWeightedLength } from './platformLength';

describe('X weighted length (twitter-text v3)', () => {
  it('counts Latin text one per character and the limit is 280', () => {
    expect(measure('x', 'Hello there!')).toEqual({ used: 12, limit: 280, remaining: 268, over: false, overReason: null, unit: 'weighted' });
    expect(measure('x', 'a'.repeat(280)).over).toBe(false);
    expect(measure('x', 'a'.repeat(281))).toMatchObject({ used: 281, remaining: -1, over: true, overReason: 'length' });
  });

  it('counts CJK, Hangul and symbols outside the light ranges as 2', () => {
    expect(xWeightedLength('日本語')).toBe(6);
    expect(xWeightedLength('한국어')).toBe(6);
    expect(xWeightedLength('こんにちは、世界')).toBe(16);
    expect(measure('x', '返'.repeat(140)).over).toBe(false);
    expect(measure('x', '返'.repeat(141)).over).toBe(true);
    // U+2013 en dash and U+2026 ellipsis... en dash is in 8208-8223 (1), ellipsis U+2026 (8230) is not (2)
    expect(xWeightedLength('–')).toBe(1);
    expect(xWeightedLength('…')).toBe(2);
    // Latin, Greek, Cyrillic, Arabic, Devanagari, Malayalam are all below U+1100
    expect(xWeightedLength('Ωж مرحبا नमस्ते മലയാളം')).toBe([...'Ωж مرحبا नमस्ते മലയാളം'].length);
  });

  it('counts an emoji sequence as 2, whatever its code points', () => {
    expect(xWeightedLength('😀')).toBe(2);
    expect(xWeightedLength('👍🏽')).toBe(2); // skin-tone modifier
    expect(xWeightedLength('👨‍👩‍👧‍👦')).toBe(2); // ZWJ family: 7 code points
    expect(xWeightedLength('🏳️‍🌈')).toBe(2);
    expect(xWeightedLength('🇵🇹')).toBe(2); // flag: two regional indicators
    expect(xWeightedLength('1️⃣')).toBe(2); // keycap
    expect(xWeightedLength('❤️')).toBe(2); // VS16
    expect(xWeightedLength('🏴󠁧󠁢󠁳󠁣󠁴󠁿')).toBe(2); // tag sequence (Scotland)
    expect(xWeightedLength('Thanks! 🙏🏾🙏🏾')).toBe(8 + 4);
  });

  it('counts combining marks per code point after NFC, so NFC and NFD input agree', () => {
    const nfc = 'Olá, você está bem?'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(nfc.length);
    expect(xWeightedLength(nfd)).toBe(xWeightedLength(nfc));
    expect(xWeightedLength(nfc)).toBe(19);
    // no precomposed form: q + combining acute stays two code points, both in the light range
    expect(xWeightedLength('q\u0301')).toBe(2);
    // Hangul jamo compose to one syllable under NFC (weight 2, not 2 + 2)
    expect(xWeightedLength('\u1100\u1161')).toBe(2);
  });

  it('counts every URL as 23, short or long, with or without a protocol', () => {
    expect(xWeightedLength('https://t.co')).toBe(23);
    expect(xWeightedLength(`https://example.com/${'a'.repeat(200)}?q=1#frag`)).toBe(23);
    expect(xWeightedLength('See example.com/help/refunds for details')).toBe(4 + 23 + 12);
    expect(xWeightedLength('example.com')).toBe(23);
    expect(xWeightedLength('www.example.co.uk/x')).toBe(23);
    expect(xWeightedLength('Read https://example.com/a, then go.')).toBe(5 + 23 + 10);
    // two URLs
    expect(xWeightedLength('http://a.com http://b.com')).toBe(23 + 1 + 23);
    // a 300-character URL still fits
    const long = `Hi! https://shop.example.com/${'x'.repeat(300)}`;
    expect(measure('x', long)).toMatchObject({ used: 4 + 23, over: false });
  });

  it('does not treat e-mail addresses, unknown TLDs or bare short ccTLD domains as URLs', () => {
    expect(extractUrls('mail ana@example.com', { withoutProtocol: true })).toEqual([]);
    expect(extractUrls('file.notatld and v1.2', { withoutProtocol: true })).toEqual([]);
    expect(extractUrls('bit.ly', { withoutProtocol: true })).toEqual([]);
    expect(extractUrls('bit.ly/abc', { withoutProtocol: true })).toHaveLength(1);
    expect(extractUrls('example.co', { withoutProtocol: true })).toHaveLength(1);
    expect(extractUrls('example.community', { withoutProtocol: true })).toEqual([]);
  });

  it('trims trailing punctuation and unbalanced parentheses from URLs', () => {
    expect(extractUrls('(see https://example.com/a_(b))!', { withoutProtocol: true })[0]!.url).toBe('https://example.com/a_(b)');
    expect(extractUrls('(https://example.com)', { withoutProtocol: true })[0]!.url).toBe('https://example.com');
    expect(extractUrls('go to example.com.', { withoutProtocol: true })[0]!.url).toBe('example.com');
  });
});

describe('Bluesky', () => {
  it('counts graphemes against 300', () => {
    expect(measure('bluesky', '👨‍👩‍👧‍👦👍🏽🇵🇹é')).toMatchObject({ used: 4, limit: 300, unit: 'graphemes' });
    expect(measure('bluesky', 'e\u0301'.repeat(300)).over).toBe(false);
    expect(measure('bluesky', 'a'.repeat(301))).toMatchObject({ used: 301, over: true, overReason: 'length' });
    // URLs count in full on Bluesky
    expect(measure('bluesky', `https://example.com/${'a'.repeat(100)}`).used).toBe(120);
  });

  it('is also over when the record passes 3,000 UTF-8 bytes', () => {
    const families = '👨‍👩‍👧‍👦'.repeat(150); // 150 graphemes, 25 bytes each
    expect(utf8Length('👨‍👩‍👧‍👦')).toBe(25);
    expect(measure('bluesky', families)).toMatchObject({ used: 150, over: true, overReason: 'bytes' });
  });
});

describe('Mastodon', () => {
  it('uses the instance limit, default 500', () => {
    expect(measure('mastodon', 'a'.repeat(500))).toMatchObject({ used: 500, limit: 500, over: false });
    expect(measure('mastodon', 'a'.repeat(501)).over).toBe(true);
    expect(measure('mastodon', 'a'.repeat(501), { mastodonLimit: 5000 })).toMatchObject({ limit: 5000, over: false, remaining: 4499 });
  });

  it('counts URLs with a protocol as 23, bare domains as typed', () => {
    expect(mastodonLength(`https://example.com/${'p'.repeat(400)}`)).toBe(23);
    expect(mastodonLength('example.com')).toBe(11);
  });

  it('counts a remote mention by its local part only', () => {
    expect(mastodonLength('@ana@mastodon.social hi')).toBe('@ana hi'.length);
    expect(mastodonLength('@ana hi')).toBe(7);
    expect(mastodonLength('Hi @ana@very-long-instance-name.example.org and @bo@x.y!')).toBe('Hi @ana and @bo!'.length);
    // an e-mail address is not a mention
    expect(mastodonLength('ana@example.org')).toBe(15);
  });

  it('counts graphemes and the content warning', () => {
    expect(mastodonLength('👍🏽👨‍👩‍👧‍👦')).toBe(2);
    expect(measure('mastodon', 'a'.repeat(490), { contentWarning: 'spoiler: 11' })).toMatchObject({ used: 501, over: true });
  });
});

describe('Instagram, Facebook, e-mail', () => {
  it('Instagram comments: 2,200 characters', () => {
    expect(measure('instagram', 'a'.repeat(2200))).toMatchObject({ limit: 2200, over: false, unit: 'characters' });
    expect(measure('instagram', 'a'.repeat(2201)).over).toBe(true);
    expect(measure('instagram', '😀').used).toBe(1); // code points, not UTF-16 units
  });

  it('Facebook comments: 8,000 characters', () => {
    expect(measure('facebook', 'a'.repeat(8001))).toMatchObject({ limit: 8000, over: true });
  });

  it('e-mail has no limit', () => {
    expect(measure('email', 'x'.repeat(100_000))).toEqual({ used: 100_000, limit: null, remaining: null, over: false, overReason: null, unit: 'graphemes' });
  });

  it('countGraphemes handles RTL and combining marks', () => {
    expect(countGraphemes('مرحبا')).toBe(5);
    expect(countGraphemes('e\u0301')).toBe(1);
  });
});
