import { describe, expect, it } from 'vitest';
import { cleanForLanguage, countLetters, emojis, splitHashtag, stripSocial } from './text';

describe('social text cleaning', () => {
  it.each([
    ['RT @AcmeAir: our app is down 😡😡 https://t.co/abc123 #fail #AcmeDown', 'our app is down'],
    ['@acme_help @bob.bsky.social hola, mi vuelo IB3166 fue cancelado!!! 😤 acme.com/status &amp; nadie responde', 'hola mi vuelo IB fue cancelado nadie responde'],
    ['mail me at jane.doe@example.com pleaseeeee', 'mail me at pleasee'],
    ['@user@mastodon.social Flug LH123 gestrichen 🤬🤬 #Lufthansa', 'Flug LH gestrichen'],
    ['$ACME down 5% www.example.org?q=1', 'down'],
    ['👍🏽👍 🤦‍♂️ 🇱🇻 1️⃣', ''],
    ['フライトが欠航になりました。#質問', 'フライトが欠航になりました'],
  ])('cleans %s for language detection', (text, cleaned) => expect(cleanForLanguage(text)).toBe(cleaned));

  it('keeps hashtag words when asked, with camel case split', () => {
    expect(stripSocial('so #AppDown again #no_refund', { keepHashtagWords: true }).replace(/\s+/g, ' ').trim()).toBe('so App Down again no refund');
    expect(splitHashtag('RefundNow')).toBe('Refund Now');
  });

  it('finds whole emoji sequences', () => {
    expect(emojis('ok 👍🏽 🤦‍♂️ ❤️ 🇱🇻 done')).toEqual(['👍🏽', '🤦‍♂️', '❤️', '🇱🇻']);
  });

  it('counts letters in any script', () => {
    expect(countLetters('a1 ā 欠航 !')).toBe(4);
  });
});
