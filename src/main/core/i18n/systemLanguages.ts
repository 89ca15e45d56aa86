// The system's preferred languages where no desktop API says them (browser mode, tests): the
// POSIX locale variables in the order gettext reads them, then the runtime's own locale.

/** "de_DE.UTF-8" → "de-DE"; null for "C", "POSIX" and anything that is not a language tag. */
function posixToTag(value: string): string | null {
  const tag = value.split(/[.@]/)[0]!.replace(/_/g, '-');
  if (!tag || tag === 'C' || tag === 'POSIX') return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export function systemLanguagesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  // LANGUAGE is a list and only counts when a locale is set at all (gettext's rule).
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const listed = locale && env.LANGUAGE ? env.LANGUAGE.split(':') : [];
  const tags = [...listed, locale].map(posixToTag).filter((tag): tag is string => tag !== null);
  if (tags.length === 0) tags.push(Intl.DateTimeFormat().resolvedOptions().locale);
  return [...new Set(tags)];
}
