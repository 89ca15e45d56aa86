// The CI check for translations: every locale has exactly en's keys, the plural forms its
// grammar needs and en's placeholders. A failure names the locale, the key and what differs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLocale, type LocaleResource } from '@shared/locales/localeCheck';
import { UI_LANGUAGES } from '@shared/uiLanguages';

const dir = join(import.meta.dirname, '../../src/shared/locales');
const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as LocaleResource;
const english = read('en.json');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'en.json');

describe('locale files', () => {
  it('exist for every UI language and for nothing else', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(UI_LANGUAGES.filter((l) => l !== 'en').sort());
  });

  it.each(files)('%s follows en.json', (file) => {
    expect(checkLocale(english, read(file), file.replace(/\.json$/, ''))).toEqual([]);
  });
});

describe('checkLocale', () => {
  const en = { a: 'Hello {{name}}', n: { item_one: '{{count}} item', item_other: '{{count}} items' } };

  it('accepts a faithful translation, with the plural forms the locale needs', () => {
    expect(checkLocale(en, { a: 'Hallo {{name}}', n: { item_one: '{{count}} Element', item_other: '{{count}} Elemente' } }, 'de')).toEqual([]);
    expect(checkLocale(en, { a: 'こんにちは {{name}}', n: { item_other: '{{count}} 件' } }, 'ja')).toEqual([]);
    expect(
      checkLocale(
        en,
        { a: 'مرحبا {{name}}', n: { item_zero: 'لا عناصر', item_one: 'عنصر واحد', item_two: 'عنصران', item_few: '{{count}} عناصر', item_many: '{{count}} عنصرًا', item_other: '{{count}} عنصر' } },
        'ar',
      ),
    ).toEqual([]);
  });

  it('names missing keys, extra keys, missing plural forms and changed placeholders', () => {
    expect(checkLocale(en, { b: 'x', n: { item_other: '{{count}}' } }, 'de')).toEqual([
      'de: missing "a"',
      'de: "n.item_one" is missing (the locale\'s plural rules need it)',
      'de: "b" is not in en',
    ]);
    expect(checkLocale(en, { a: 'Hallo {{nom}}', n: { item_one: '{{count}}', item_other: '{{count}} {{x}}' } }, 'de')).toEqual([
      'de: "a" has placeholders [nom] but en has [name]',
      'de: "n.item_other" has placeholders en lacks: [x]',
      'de: "n.item_other" has placeholders [count x] but en has [count]',
    ]);
    expect(checkLocale(en, { a: 'Hallo {{name}}', n: { item_one: '1', item_other: 'viele' } }, 'de')).toEqual([
      'de: "n.item_other" has placeholders [] but en has [count]',
    ]);
  });
});
