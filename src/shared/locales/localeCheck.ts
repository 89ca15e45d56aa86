// Compares a translation with the English resource: the same keys, the plural forms the
// locale's grammar needs (CLDR, via Intl.PluralRules), and the same placeholders.
// en.json is the source of truth; every other locale must follow it exactly.

export type LocaleResource = { [key: string]: string | LocaleResource };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;

/** Flattens nested keys to dotted paths ('composer.send' → 'Send'). */
export function flatten(resource: LocaleResource, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(resource)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The placeholders of one string, normalised ('{{ count, number }}' → 'count, number'). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!.replace(/\s*,\s*/g, ', ')).sort();
}

/** Base key → plural categories present, and plain keys (category null). */
function groupKeys(keys: Iterable<string>): Map<string, Set<string> | null> {
  const groups = new Map<string, Set<string> | null>();
  for (const key of keys) {
    const m = PLURAL_SUFFIX.exec(key);
    if (!m) {
      groups.set(key, null);
      continue;
    }
    const base = key.slice(0, m.index);
    const set = groups.get(base) ?? new Set<string>();
    set.add(m[1]!);
    groups.set(base, set);
  }
  return groups;
}

const unique = (list: string[]) => [...new Set(list)].sort();

/** Every way `translation` (for `locale`) departs from `english`; empty when it follows it. */
export function checkLocale(english: LocaleResource, translation: LocaleResource, locale: string): string[] {
  const problems: string[] = [];
  const en = flatten(english);
  const tr = flatten(translation);
  const enGroups = groupKeys(en.keys());
  const trGroups = groupKeys(tr.keys());
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];

  for (const [base, enForms] of enGroups) {
    const trForms = trGroups.get(base);
    if (trForms === undefined) {
      problems.push(`${locale}: missing "${base}"${enForms ? ' (plural)' : ''}`);
      continue;
    }
    if (enForms === null) {
      if (trForms !== null) {
        problems.push(`${locale}: "${base}" is plural but en's is not`);
        continue;
      }
      const want = placeholders(en.get(base)!).join(' ');
      const got = placeholders(tr.get(base)!).join(' ');
      if (want !== got) problems.push(`${locale}: "${base}" has placeholders [${got}] but en has [${want}]`);
      if (!tr.get(base)!.trim()) problems.push(`${locale}: "${base}" is empty`);
      continue;
    }
    if (trForms === null) {
      problems.push(`${locale}: "${base}" needs plural forms (${needed.join(', ')})`);
      continue;
    }
    for (const cat of needed) if (!trForms.has(cat)) problems.push(`${locale}: "${base}_${cat}" is missing (the locale's plural rules need it)`);
    for (const cat of trForms) if (!needed.includes(cat) && cat !== 'zero') problems.push(`${locale}: "${base}_${cat}" is a plural form ${locale} does not use`);
    // Every placeholder of en's forms, except that a form may leave the count out ("one message").
    const enAll = unique([...enForms].flatMap((cat) => placeholders(en.get(`${base}_${cat}`)!)));
    const enOther = unique(placeholders(en.get(`${base}_other`) ?? ''));
    for (const cat of trForms) {
      const text = tr.get(`${base}_${cat}`)!;
      const got = placeholders(text);
      const stray = got.filter((p) => !enAll.includes(p));
      if (stray.length) problems.push(`${locale}: "${base}_${cat}" has placeholders en lacks: [${stray.join(' ')}]`);
      const withoutCount = enAll.filter((p) => !/^count\b/.test(p));
      const missing = withoutCount.filter((p) => !got.includes(p));
      if (missing.length) problems.push(`${locale}: "${base}_${cat}" misses placeholders [${missing.join(' ')}]`);
      if (cat === 'other' && unique(got).join(' | ') !== enOther.join(' | '))
        problems.push(`${locale}: "${base}_other" has placeholders [${unique(got).join(' ')}] but en has [${enOther.join(' ')}]`);
      if (!text.trim()) problems.push(`${locale}: "${base}_${cat}" is empty`);
    }
  }
  for (const [base, forms] of trGroups) if (!enGroups.has(base)) problems.push(`${locale}: "${base}"${forms ? ' (plural)' : ''} is not in en`);
  return problems;
}
