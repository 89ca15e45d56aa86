// Which language the UI speaks: the user's first preferred language we have strings for.
// The full preferred tag is kept (en-GB stays en-GB) so dates and numbers follow the region.

export const FALLBACK_LANGUAGE = 'en';

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export function pickLanguage(preferred: readonly string[], available: readonly string[]): string {
  const have = new Set(available.map((a) => a.toLowerCase()));
  for (const raw of preferred) {
    const tag = canonical(raw);
    if (!tag) continue;
    const base = tag.split('-')[0]!.toLowerCase();
    if (have.has(tag.toLowerCase()) || have.has(base)) return tag;
  }
  return FALLBACK_LANGUAGE;
}
