// Which language the UI speaks: the agent's choice, or else the first of the system's
// preferred languages we have strings for. The full tag is kept (en-GB stays en-GB) so dates
// and numbers follow the region; resourceLanguage says which locale file supplies the words.
// Used by the renderer (i18next) and by the core (notifications, tray).

export const FALLBACK_LANGUAGE = 'en';

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

const baseOf = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/**
 * The locale file whose strings a tag reads: the same tag, else the bare language (en-GB → en),
 * else another region of it (pt-PT → pt-BR), else English.
 */
export function resourceLanguage(tag: string, available: readonly string[]): string {
  const lower = tag.toLowerCase();
  const base = baseOf(tag);
  return (
    available.find((a) => a.toLowerCase() === lower) ??
    available.find((a) => a.toLowerCase() === base) ??
    available.find((a) => baseOf(a) === base) ??
    FALLBACK_LANGUAGE
  );
}

/** The first preferred language we have strings for, as the user wrote it (canonicalised); English otherwise. */
export function pickLanguage(preferred: readonly string[], available: readonly string[]): string {
  const bases = new Set(available.map(baseOf));
  for (const raw of preferred) {
    const tag = canonical(raw);
    if (tag && bases.has(baseOf(tag))) return tag;
  }
  return FALLBACK_LANGUAGE;
}

/**
 * The UI language: the agent's choice (null: follow the system). A choice without a region
 * takes the one the system prefers for that language (en on an en-GB system → en-GB).
 */
export function uiLanguage(choice: string | null, system: readonly string[], available: readonly string[]): string {
  if (choice === null) return pickLanguage(system, available);
  if (choice.includes('-')) return choice;
  const sameLanguage = system.map(canonical).find((tag) => tag !== null && baseOf(tag) === baseOf(choice));
  return sameLanguage ?? choice;
}

/** "…/locales/pt-BR.json" → "pt-BR": the language of a locale file found by a glob. */
export const localeFileLanguage = (path: string): string => path.replace(/^.*\//, '').replace(/\.json$/, '');
