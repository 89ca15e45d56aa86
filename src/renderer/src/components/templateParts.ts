// Translations with platform text in them ("Connected as {{handle}} ({{name}})"): the template is
// translated with markers in place of the values, then split, so each value is rendered as text
// in its own <bdi> and nothing a platform sends can change the sentence around it.

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** The interpolation values to translate a template with: one marker per name. */
export function markers<N extends string>(...names: N[]): Record<N, string> {
  return Object.fromEntries(names.map((n) => [n, `${OPEN}${n}${CLOSE}`])) as Record<N, string>;
}

export type TemplatePart = { text: string } | { value: string };

/** Splits a template translated with markers() into its text and the names of its values. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const pattern = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g');
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ value: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}
