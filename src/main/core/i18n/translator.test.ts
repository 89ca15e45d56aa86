// The main process's translator: which language it picks, and that its strings come from the
// locale files present (English where one is missing), so the test holds whichever exist.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten, type LocaleResource } from '@shared/locales/localeCheck';
import { createLiveTranslator, createTranslator, LOCALE_LANGUAGES } from './translator';

const localesDir = join(import.meta.dirname, '../../../shared/locales');
/** What a key reads in a language: its locale file's string, or English when there is none. */
function expected(language: string, key: string): string {
  const file = join(localesDir, `${language}.json`);
  const read = (path: string) => flatten(JSON.parse(readFileSync(path, 'utf8')) as LocaleResource).get(key)!;
  return existsSync(file) ? read(file) : read(join(localesDir, 'en.json'));
}

describe('createLiveTranslator', () => {
  it('bundles every locale file present, English always', () => {
    expect(LOCALE_LANGUAGES).toContain('en');
    for (const language of LOCALE_LANGUAGES) expect(existsSync(join(localesDir, `${language}.json`))).toBe(true);
  });

  it("speaks the agent's choice, whatever the system prefers", () => {
    const translator = createLiveTranslator();
    translator.follow('ar', ['de-DE']);
    expect(translator.language()).toBe('ar');
    expect(translator.t('tray.show')).toBe(expected('ar', 'tray.show'));
    translator.follow('ja', ['de-DE']);
    expect(translator.t('tray.quit')).toBe(expected('ja', 'tray.quit'));
  });

  it('follows the system when the agent chose nothing, in English when it has no strings for it', () => {
    const translator = createLiveTranslator();
    translator.follow(null, ['ko-KR']);
    expect(translator.language()).toBe('en');
    expect(translator.t('tray.show')).toBe(expected('en', 'tray.show'));
    translator.follow(null, ['en-GB']);
    expect(translator.language()).toBe('en-GB');
    expect(translator.t('tray.show')).toBe(expected('en', 'tray.show'));
  });

  it('uses plural rules and placeholders of the language', () => {
    const translator = createLiveTranslator();
    translator.follow('en', []);
    expect(translator.t('tray.attention', { count: 1 })).not.toBe(translator.t('tray.attention', { count: 2 }));
    expect(translator.t('tray.attention', { count: 2 })).toContain('2');
  });

  it('tells listeners when the language changes, and only then', () => {
    const translator = createLiveTranslator();
    const seen: string[] = [];
    const stop = translator.onChange((language) => seen.push(language));
    translator.follow('de', []);
    translator.follow('de', ['fr']);
    translator.follow(null, ['fr-FR']);
    stop();
    translator.follow('es', []);
    expect(seen).toEqual(LOCALE_LANGUAGES.includes('fr') ? ['de', 'fr-FR'] : ['de', 'en']);
  });

  it('keeps a fixed translator in the language it was made for', () => {
    expect(createTranslator()('tray.show')).toBe(expected('en', 'tray.show'));
  });
});
