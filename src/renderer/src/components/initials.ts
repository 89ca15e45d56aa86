// Up to two initials of a customer's name for an avatar without a picture. Only letters and digits
// are taken: a name's bidi controls, emoji joiners or punctuation never end up alone in the badge.

const WORD_START = /[\p{L}\p{N}]/u;

export function initialsOf(name: string): string {
  const letters: string[] = [];
  for (const word of name.normalize('NFC').split(/\s+/u)) {
    const first = [...word].find((c) => WORD_START.test(c));
    if (first) letters.push(first.toLocaleUpperCase());
    if (letters.length === 2) break;
  }
  return letters.join('');
}
