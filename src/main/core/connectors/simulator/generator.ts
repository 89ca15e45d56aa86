// Makes up customers and their messages from the multilingual corpus.
import type { ConversationKind } from '@shared/domain';
import { CORPUS, type CorpusLanguage, type CorpusOpener } from './corpus';
import { pick, pickWeighted, type Random } from './random';

export interface GeneratedAuthor {
  platformId: string;
  handle: string;
  displayName: string;
  language: string;
  followers: number;
  verified: boolean;
  /** The demo gives none (customers show initials); a test may put one in the platform's file. */
  avatarUrl?: unknown;
}

export interface GeneratedOpener {
  author: GeneratedAuthor;
  body: string;
  language: string;
  subject: string | null;
  urgent: boolean;
}

const CODE = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Share of new conversations that open with an urgent message. */
const URGENT_SHARE = 0.1;

function fill(text: string, random: Random, language: CorpusLanguage): string {
  return text
    .replaceAll('{flight}', `AU ${100 + Math.floor(random() * 900)}`)
    .replaceAll('{city}', pick(random, language.cities))
    .replaceAll('{booking}', Array.from({ length: 6 }, () => pick(random, [...CODE])).join(''));
}

function handleFor(name: string, random: Random): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const base = ascii.length >= 3 ? ascii.slice(0, 15) : 'user';
  return `${base}${Math.floor(random() * 1000)}`;
}

/** Mostly small accounts; now and then a large one (which makes any mention urgent). */
function followers(random: Random): number {
  if (random() < 0.02) return 150_000 + Math.floor(random() * 2_000_000);
  return Math.floor(Math.exp(random() * 9));
}

export function generateAuthor(random: Random, language: CorpusLanguage, accountId: string): GeneratedAuthor {
  const displayName = pick(random, language.names);
  const handle = handleFor(displayName, random);
  const count = followers(random);
  return {
    platformId: `${accountId}:user:${handle}`,
    handle,
    displayName,
    language: language.code,
    followers: count,
    verified: count > 100_000 && random() < 0.7,
  };
}

function openersFor(language: CorpusLanguage, kind: ConversationKind, sales: boolean, urgent: boolean): CorpusOpener[] {
  const fits = language.openers.filter(
    (o) =>
      (!o.kinds || o.kinds.includes(kind)) &&
      Boolean(o.sales) === sales &&
      Boolean(o.urgent) === urgent,
  );
  return fits.length > 0 ? fits : language.openers.filter((o) => !o.kinds || o.kinds.includes(kind));
}

/** The languages the simulated customers write in. */
export const CORPUS_LANGUAGES = CORPUS.map((l) => l.code);

export function generateOpener(
  random: Random,
  accountId: string,
  kind: ConversationKind,
  options: { sales?: boolean; urgent?: boolean | null; language?: string } = {},
): GeneratedOpener {
  const language = CORPUS.find((l) => l.code === options.language) ?? pickWeighted(random, CORPUS);
  const urgent = options.urgent ?? random() < URGENT_SHARE;
  const opener = pick(random, openersFor(language, kind, options.sales ?? false, urgent));
  return {
    author: generateAuthor(random, language, accountId),
    body: fill(opener.text, random, language),
    language: language.code,
    subject: kind === 'email' ? fill(pick(random, language.subjects), random, language) : null,
    urgent: Boolean(opener.urgent),
  };
}

export function generateFollowUp(random: Random, languageCode: string): string {
  const language = CORPUS.find((l) => l.code === languageCode) ?? CORPUS[0]!;
  return fill(pick(random, language.followUps), random, language);
}
