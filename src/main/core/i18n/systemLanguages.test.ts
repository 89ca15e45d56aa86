import { describe, expect, it } from 'vitest';
import { systemLanguagesFromEnv } from './systemLanguages';

describe('systemLanguagesFromEnv', () => {
  it('reads LANGUAGE, then the locale, as language tags', () => {
    expect(systemLanguagesFromEnv({ LANGUAGE: 'ar_EG:fr', LANG: 'de_DE.UTF-8' })).toEqual(['ar-EG', 'fr', 'de-DE']);
    expect(systemLanguagesFromEnv({ LC_ALL: 'pt_BR.utf8', LANG: 'en_US.UTF-8' })).toEqual(['pt-BR']);
    expect(systemLanguagesFromEnv({ LC_MESSAGES: 'ja_JP', LANG: 'C' })).toEqual(['ja-JP']);
  });

  it('ignores LANGUAGE without a locale, and C, POSIX and junk, as gettext does', () => {
    const runtime = Intl.DateTimeFormat().resolvedOptions().locale;
    expect(systemLanguagesFromEnv({ LANGUAGE: 'fr' })).toEqual([runtime]);
    expect(systemLanguagesFromEnv({ LANG: 'C.UTF-8' })).toEqual([runtime]);
    expect(systemLanguagesFromEnv({ LANG: 'POSIX', LANGUAGE: '!!:' })).toEqual([runtime]);
  });
});
