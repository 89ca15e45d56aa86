// The canned-response library's model and logic. Pure: the core stores and searches the
// library, the renderer previews, inserts and checks replies, both with these functions.
//
// - Model: responses with variants per language and platform (zod schemas for the boundary).
// - chooseVariant: the best variant for a conversation's language and platform, and why.
// - Templates: {{customer.first_name}}... variables, `\{{` for a literal `{{`, {{> shortcut}}
//   includes (recursive, cycles and depth refused), several responses combined in one reply.
// - Composer helpers: the `/shortcut` being typed at the caret, ranking of search results.
// - Import/export: JSON (versioned envelope) and CSV (one row per variant), lossless round trip,
//   errors that name the row and the column.
// - Brand voice: banned phrases, slang and idioms per language, required sign-off, with ranges.
import { z } from 'zod';
import { PLATFORMS, type Platform } from './domain';
import { languageTagSchema, primaryLanguage } from './languageTags';

// ---------------------------------------------------------------------------------------------
// Model

export const SHORTCUT_PATTERN = /^[A-Za-z0-9_-]+$/;

export const shortcutSchema = z
  .string({ error: 'shortcut is required' })
  .min(1, { error: 'shortcut is required' })
  .max(64, { error: 'shortcut may be at most 64 characters' })
  .regex(SHORTCUT_PATTERN, { error: (iss) => `shortcut '${String(iss.input)}' may only contain letters, digits, - and _` });

export const variantPlatformSchema = z.enum(PLATFORMS, {
  error: (iss) => `platform '${String(iss.input)}' is not one of ${PLATFORMS.join(', ')}`,
});

export const tagSchema = z
  .string()
  .trim()
  .min(1, { error: 'a tag may not be empty' })
  .max(50, { error: 'a tag may be at most 50 characters' })
  .refine((t) => !/[;\r\n]/.test(t), { error: (iss) => `tag '${String(iss.input)}' may not contain ; or a line break` });

export const cannedVariantSchema = z.object({
  /** BCP-47 tag; null: any language (the response's default). */
  language: languageTagSchema.nullable(),
  /** Only for this platform; null: any platform. */
  platform: variantPlatformSchema.nullable(),
  body: z
    .string({ error: 'body is required' })
    .min(1, { error: 'body may not be empty' })
    .max(20_000, { error: 'body may be at most 20,000 characters' }),
});
export type CannedVariant = z.infer<typeof cannedVariantSchema>;

const timestampSchema = z.number({ error: 'timestamps are epoch milliseconds' }).int().nonnegative();

export const cannedResponseSchema = z
  .object({
    id: z.string({ error: 'id is required' }).min(1, { error: 'id is required' }).max(64, { error: 'id may be at most 64 characters' }),
    title: z.string({ error: 'title is required' }).trim().min(1, { error: 'title is required' }).max(200, { error: 'title may be at most 200 characters' }),
    /** Folder path ('' = top level), e.g. "Billing/Refunds". */
    folder: z.string().max(200, { error: 'folder may be at most 200 characters' }).refine((f) => !/[\r\n]/.test(f), { error: 'folder may not contain a line break' }),
    tags: z.array(tagSchema).max(30, { error: 'at most 30 tags' }),
    /** Typed as /shortcut in the composer; unique in the library, compared case-insensitively. */
    shortcut: shortcutSchema,
    variants: z.array(cannedVariantSchema).min(1, { error: 'a response needs at least one variant' }).max(100),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.variants.forEach((v, i) => {
      const key = variantKey(v);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['variants', i], message: `two variants for ${describeVariant(v)}` });
      seen.add(key);
    });
  });
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

function variantKey(v: Pick<CannedVariant, 'language' | 'platform'>): string {
  return `${v.language?.toLowerCase() ?? '*'}|${v.platform ?? '*'}`;
}

function describeVariant(v: Pick<CannedVariant, 'language' | 'platform'>): string {
  return `language ${v.language ?? 'any'} and platform ${v.platform ?? 'any'}`;
}

/** Shortcuts are unique case-insensitively: /Refund and /refund are the same. */
export function normalizeShortcut(shortcut: string): string {
  return shortcut.toLowerCase();
}

/** Finds responses by shortcut (case-insensitive). */
export type CannedLookup = (shortcut: string) => CannedResponse | undefined;

export function libraryLookup(responses: readonly CannedResponse[]): CannedLookup {
  const byShortcut = new Map<string, CannedResponse>();
  for (const r of responses) byShortcut.set(normalizeShortcut(r.shortcut), r);
  return (shortcut) => byShortcut.get(normalizeShortcut(shortcut));
}

// ---------------------------------------------------------------------------------------------
// Variant choice

export interface VariantTarget {
  /** The conversation's (detected) language, BCP-47; null when unknown. */
  language: string | null;
  /** The conversation's platform; null when replying outside one (then only generic variants). */
  platform: Platform | null;
}

/**
 * How the variant was found, in the fallback order:
 * exact (the conversation's language), base-language (pt for pt-BR, zh-Hant for zh-Hant-TW),
 * related-language (another region of the same language, pt-PT for pt-BR), default (the
 * response's variant for any language), english (en, then any en-*), any (nothing fitted: the
 * first variant, so the agent still gets text and sees why).
 */
export type VariantLevel = 'exact' | 'base-language' | 'related-language' | 'default' | 'english' | 'any';

export interface VariantChoiceReason {
  level: VariantLevel;
  /** The chosen variant is written for the conversation's platform (not a generic one). */
  platformSpecific: boolean;
  /** English, for logs and tests; the UI builds its own sentence from level and platformSpecific. */
  message: string;
}

export interface VariantChoice {
  variant: CannedVariant;
  index: number;
  reason: VariantChoiceReason;
}

/** The language fallback chain for a tag: pt-BR → pt; zh-Hant-TW → zh-Hant → zh. */
export function languageChain(language: string): string[] {
  const parts = language.split('-').filter(Boolean);
  const chain: string[] = [];
  for (let n = parts.length; n >= 1; n--) {
    // RFC 4647 lookup: a single-letter subtag (extension or private use) never ends a prefix.
    if (n < parts.length && parts[n - 1]!.length === 1) continue;
    chain.push(parts.slice(0, n).join('-'));
  }
  return chain;
}

const sameTag = (a: string | null, b: string | null): boolean => (a === null || b === null ? a === b : a.toLowerCase() === b.toLowerCase());

/**
 * The best variant of `response` for a conversation. Language first (pt-BR → pt → other pt
 * regions → the response's default (null language) → en → en-* → anything), and at each
 * language level a variant for the conversation's platform before a generic one. Variants for
 * another platform are only used as the last resort. Null only when the response has no variant.
 */
export function chooseVariant(response: Pick<CannedResponse, 'variants'>, target: VariantTarget): VariantChoice | null {
  const variants = response.variants;
  if (variants.length === 0) return null;
  const pick = (level: VariantLevel, matches: (v: CannedVariant) => boolean, label: string): VariantChoice | null => {
    const candidates = variants.map((variant, index) => ({ variant, index })).filter(({ variant }) => matches(variant));
    const specific = target.platform ? candidates.find(({ variant }) => variant.platform === target.platform) : undefined;
    const generic = candidates.find(({ variant }) => variant.platform === null);
    const found = specific ?? generic;
    if (!found) return null;
    const platformSpecific = found.variant.platform !== null;
    const where = platformSpecific ? `${found.variant.platform}-specific` : 'for any platform';
    return { ...found, reason: { level, platformSpecific, message: `${label}, ${where}` } };
  };

  const wanted = target.language;
  if (wanted) {
    const chain = languageChain(wanted);
    for (const [i, tag] of chain.entries()) {
      const label = i === 0 ? `variant in ${tag}` : `variant in ${tag} (no ${chain.slice(0, i).join(' or ')} variant)`;
      const found = pick(i === 0 ? 'exact' : 'base-language', (v) => sameTag(v.language, tag), label);
      if (found) return found;
    }
    const base = primaryLanguage(wanted);
    const related = pick('related-language', (v) => v.language !== null && primaryLanguage(v.language) === base, `variant in a related form of ${base} (no ${wanted} variant)`);
    if (related) return related;
  }
  const fallbackNote = wanted ? `no ${wanted} variant` : 'conversation language unknown';
  const byDefault = pick('default', (v) => v.language === null, `variant for any language (${fallbackNote})`);
  if (byDefault) return byDefault;
  const english =
    pick('english', (v) => sameTag(v.language, 'en'), `English variant (${fallbackNote}, no variant for any language)`) ??
    pick('english', (v) => v.language !== null && primaryLanguage(v.language) === 'en', `English variant (${fallbackNote}, no variant for any language)`);
  if (english) return english;
  const generic = variants.findIndex((v) => v.platform === null);
  const index = generic >= 0 ? generic : 0;
  const variant = variants[index]!;
  return {
    variant,
    index,
    reason: {
      level: 'any',
      platformSpecific: variant.platform !== null && variant.platform === target.platform,
      message: `first available variant (${describeVariant(variant)}): nothing fits ${wanted ?? 'an unknown language'} on ${target.platform ?? 'this platform'}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Templates: tokens

/** The variables a template may use besides custom.<key>. */
export const TEMPLATE_VARIABLES = [
  'customer.first_name',
  'customer.name',
  'customer.handle',
  'agent.name',
  'agent.first_name',
  'account.name',
  'conversation.id',
  'sla.expected_response',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

// `\{{` (escape), or {{ ... }} on one line without braces inside.
const TOKEN = /\\\{\{|\{\{([^{}\r\n]*)\}\}/g;
const CUSTOM_KEY = /^custom\.([A-Za-z0-9_-]+)$/;

type Placeholder =
  | { kind: 'escape' }
  | { kind: 'include'; shortcut: string }
  | { kind: 'variable'; name: string }
  | { kind: 'unknown'; name: string };

function classify(match: string, inner: string | undefined): Placeholder {
  if (inner === undefined) return { kind: 'escape' };
  const content = inner.trim();
  if (content.startsWith('>')) {
    const shortcut = content.slice(1).trim();
    return SHORTCUT_PATTERN.test(shortcut) ? { kind: 'include', shortcut } : { kind: 'unknown', name: content };
  }
  const lower = content.toLowerCase();
  if ((TEMPLATE_VARIABLES as readonly string[]).includes(lower)) return { kind: 'variable', name: lower };
  if (CUSTOM_KEY.test(content)) return { kind: 'variable', name: `custom.${CUSTOM_KEY.exec(content)![1]!}` };
  return { kind: 'unknown', name: content || match };
}

// ---------------------------------------------------------------------------------------------
// Templates: filling

/** What the open conversation knows; anything absent (or blank) is reported as missing. */
export interface TemplateContext {
  customer?: { name?: string | null; firstName?: string | null; handle?: string | null };
  agent?: { name?: string | null; firstName?: string | null };
  account?: { name?: string | null };
  conversation?: { id?: string | null };
  /** The expected response time, already formatted for the reply's language ("within 2 hours"). */
  sla?: { expectedResponse?: string | null };
  /** Custom fields: {{custom.order_id}} reads custom.order_id. */
  custom?: Readonly<Record<string, string | null | undefined>>;
}

export interface FillOptions {
  /**
   * What becomes of a variable that cannot be filled: 'keep' (default) leaves the placeholder
   * visibly in the text, so a reply is never sent as "Hi , ..." unnoticed and the preview can
   * underline it; 'remove' deletes it.
   */
  missing?: 'keep' | 'remove';
}

export interface TemplateIssue {
  kind: 'missing' | 'unknown';
  /** The variable as written, without braces and spaces ("customer.first_name"). */
  name: string;
  /** [start, end) of the placeholder in the filled text (empty when removed). */
  start: number;
  end: number;
}

export interface FilledTemplate {
  text: string;
  /** Known variables without a value (each once, in order of appearance). */
  missing: string[];
  /** Placeholders that are not variables ({{customer.age}}, {{> bad!}}), left as written. */
  unknown: string[];
  issues: TemplateIssue[];
}

const firstWord = (name: string): string => name.trim().split(/\s+/u)[0] ?? '';
const present = (value: string | null | undefined): string | null => (value !== null && value !== undefined && value.trim() !== '' ? value : null);

function variableValue(name: string, ctx: TemplateContext): string | null {
  switch (name) {
    case 'customer.name':
      return present(ctx.customer?.name);
    case 'customer.first_name':
      // Derived from the name's first word when not given (wrong for family-name-first names:
      // give firstName explicitly when it is known).
      return present(ctx.customer?.firstName) ?? present(firstWord(ctx.customer?.name ?? ''));
    case 'customer.handle':
      return present(ctx.customer?.handle);
    case 'agent.name':
      return present(ctx.agent?.name);
    case 'agent.first_name':
      return present(ctx.agent?.firstName) ?? present(firstWord(ctx.agent?.name ?? ''));
    case 'account.name':
      return present(ctx.account?.name);
    case 'conversation.id':
      return present(ctx.conversation?.id);
    case 'sla.expected_response':
      return present(ctx.sla?.expectedResponse);
  }
  const custom = CUSTOM_KEY.exec(name);
  if (custom) {
    const key = custom[1]!;
    const fields = ctx.custom ?? {};
    if (Object.hasOwn(fields, key)) return present(fields[key]);
    const lower = Object.keys(fields).find((k) => k.toLowerCase() === key.toLowerCase());
    return lower === undefined ? null : present(fields[lower]);
  }
  return null;
}

/**
 * Fills the variables of `template`. Values are inserted as they are (never read as templates);
 * `\{{` gives a literal `{{`; an include left in the text ({{> x}}: expand includes first) and
 * anything that is not a variable are unknown and stay as written.
 */
export function fillTemplate(template: string, context: TemplateContext, options: FillOptions = {}): FilledTemplate {
  const keepMissing = (options.missing ?? 'keep') === 'keep';
  const missing: string[] = [];
  const unknown: string[] = [];
  const issues: TemplateIssue[] = [];
  let text = '';
  let cursor = 0;
  for (const m of template.matchAll(TOKEN)) {
    text += template.slice(cursor, m.index);
    cursor = m.index + m[0].length;
    const p = classify(m[0], m[1]);
    if (p.kind === 'escape') {
      text += '{{';
      continue;
    }
    if (p.kind === 'variable') {
      const value = variableValue(p.name, context);
      if (value !== null) {
        text += value;
        continue;
      }
      if (!missing.includes(p.name)) missing.push(p.name);
      const start = text.length;
      if (keepMissing) text += m[0];
      issues.push({ kind: 'missing', name: p.name, start, end: text.length });
      continue;
    }
    const name = p.kind === 'include' ? `> ${p.shortcut}` : p.name;
    if (!unknown.includes(name)) unknown.push(name);
    const start = text.length;
    text += m[0];
    issues.push({ kind: 'unknown', name, start, end: text.length });
  }
  text += template.slice(cursor);
  return { text, missing, unknown, issues };
}

// ---------------------------------------------------------------------------------------------
// Includes and combining

export const DEFAULT_INCLUDE_DEPTH = 5;

export class CannedTemplateError extends Error {
  override readonly name = 'CannedTemplateError';
  constructor(
    readonly kind: 'cycle' | 'depth' | 'not-found',
    message: string,
    /** The shortcuts from the outermost response to the offending include. */
    readonly path: readonly string[],
  ) {
    super(message);
  }
}

export interface IncludeOptions {
  /** How deep includes may nest (a response including one that includes one... ); default 5. */
  maxDepth?: number;
}

export interface ExpandedBody {
  /** The body with every {{> shortcut}} replaced by the included response's chosen variant. */
  body: string;
  /** The variant chosen for the response and for each included one, outermost first. */
  choices: Array<{ shortcut: string; choice: VariantChoice }>;
}

/**
 * Expands {{> shortcut}} includes recursively, each included response choosing its own variant
 * for the same target. Throws CannedTemplateError on a cycle ("refund → apology → refund"), an
 * include nested deeper than maxDepth, or a shortcut the library does not have. `\{{> x}}` is
 * escaped and left alone. Variables are not filled here (fillTemplate does, once, at the end).
 */
export function expandIncludes(response: CannedResponse, lookup: CannedLookup, target: VariantTarget, options: IncludeOptions = {}): ExpandedBody {
  const maxDepth = options.maxDepth ?? DEFAULT_INCLUDE_DEPTH;
  const choices: ExpandedBody['choices'] = [];
  const expand = (r: CannedResponse, path: string[]): string => {
    const choice = chooseVariant(r, target);
    if (!choice) return '';
    choices.push({ shortcut: r.shortcut, choice });
    return choice.variant.body.replace(TOKEN, (whole: string, inner: string | undefined) => {
      const p = classify(whole, inner);
      if (p.kind !== 'include') return whole;
      const chain = [...path, p.shortcut];
      if (path.some((s) => normalizeShortcut(s) === normalizeShortcut(p.shortcut))) {
        throw new CannedTemplateError('cycle', `Include cycle: ${chain.map((s) => `/${s}`).join(' → ')}`, chain);
      }
      if (path.length > maxDepth) {
        throw new CannedTemplateError('depth', `Includes nest deeper than ${maxDepth} levels: ${chain.map((s) => `/${s}`).join(' → ')}`, chain);
      }
      const included = lookup(p.shortcut);
      if (!included) {
        throw new CannedTemplateError('not-found', `/${path.at(-1)!} includes /${p.shortcut}, which is not in the library`, chain);
      }
      return expand(included, [...path, included.shortcut]);
    });
  };
  return { body: expand(response, [response.shortcut]), choices };
}

export interface RenderedReply extends FilledTemplate {
  choices: ExpandedBody['choices'];
}

/** The blank line between combined responses. */
export const COMBINE_SEPARATOR = '\n\n';

/**
 * One reply from one or several responses (in order, joined by a blank line, each trimmed):
 * includes expanded, the variant chosen for the target, variables filled once over the whole
 * text (so issue ranges point into the final text).
 */
export function renderReply(
  responses: readonly CannedResponse[],
  lookup: CannedLookup,
  target: VariantTarget,
  context: TemplateContext,
  options: IncludeOptions & FillOptions = {},
): RenderedReply {
  const choices: ExpandedBody['choices'] = [];
  const bodies: string[] = [];
  for (const r of responses) {
    const expanded = expandIncludes(r, lookup, target, options);
    choices.push(...expanded.choices);
    const body = expanded.body.trim();
    if (body) bodies.push(body);
  }
  return { ...fillTemplate(bodies.join(COMBINE_SEPARATOR), context, options), choices };
}

/** A response made ready for one conversation (the core's prepareCannedReply). */
export interface PreparedReply extends FilledTemplate {
  responseId: string;
  shortcut: string;
  title: string;
  /** The variant used for the response itself (includes may have used their own). */
  variant: Pick<CannedVariant, 'language' | 'platform'>;
  reason: VariantChoiceReason;
  /** The language the reply is written in (the variant's, else the conversation's), for the composer's checks. */
  language: string | null;
}

// ---------------------------------------------------------------------------------------------
// Composer: the /shortcut being typed

export interface ShortcutQuery {
  /** What was typed between the slash and the caret ('' right after the slash). */
  query: string;
  /** The whole shortcut-like word around the caret, without the slash. */
  token: string;
  /** [start, end) to replace when a response is picked: from the slash to the end of the word. */
  start: number;
  end: number;
}

const SHORTCUT_CHAR = /[A-Za-z0-9_-]/;

/**
 * The `/shortcut` the caret is in, if any: a slash at the start of the text or after whitespace
 * (not in a word, a URL or a path like and/or or https://x.com/refund), followed by letters,
 * digits, - or _, with the caret after the slash.
 */
export function findShortcutQuery(text: string, caret: number): ShortcutQuery | null {
  if (caret < 1 || caret > text.length) return null;
  let slash = caret - 1;
  while (slash >= 0 && SHORTCUT_CHAR.test(text[slash]!)) slash--;
  if (slash < 0 || text[slash] !== '/') return null;
  if (slash > 0 && !/\s/u.test(text[slash - 1]!)) return null;
  let end = caret;
  while (end < text.length && SHORTCUT_CHAR.test(text[end]!)) end++;
  // "/refund/x" or "/example.com" is a path, not a shortcut.
  if (text[end] === '/' || (text[end] === '.' && end + 1 < text.length && /[\p{L}\p{N}]/u.test(text[end + 1]!))) return null;
  return { query: text.slice(slash + 1, caret), token: text.slice(slash + 1, end), start: slash, end };
}

// ---------------------------------------------------------------------------------------------
// Search ranking

export interface UsageStat {
  /** How many times the response was inserted (by this agent or by anyone: the caller picks). */
  count: number;
  /** When it was last inserted, epoch ms. */
  lastUsedAt: number | null;
}

export type MatchField = 'shortcut' | 'title' | 'tag' | 'body';

export interface RankedResponse {
  response: CannedResponse;
  /**
   * How well the weakest query word matched: 5 the query is the shortcut, 4 shortcut prefix,
   * 3 title, 2 tag, 1 body; 0 for an empty query.
   */
  tier: number;
  /** Sum of the words' best matches, a tie-breaker after usage. */
  score: number;
  matched: MatchField[];
}

/** A search result of the library screen: the ranked response and how often this agent used it. */
export interface LibraryHit extends RankedResponse {
  usage: UsageStat;
}

/** Lower case, without Latin diacritics (é → e), for matching only. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().normalize('NFC');
}

const words = (text: string): string[] => foldForSearch(text).split(/[^\p{L}\p{N}\p{M}_-]+/u).filter(Boolean);

/**
 * Ranks responses for a composer or palette search. Every word of the query must match the
 * shortcut, title, a tag or a body (any variant); results are ordered by match tier, then usage
 * count, then most recent use, then match score, then title. An empty query lists everything by
 * usage and recency. A leading slash in the query is ignored.
 */
export function rankResponses(
  responses: readonly CannedResponse[],
  query: string,
  usage: ReadonlyMap<string, UsageStat> | Readonly<Record<string, UsageStat>> = {},
): RankedResponse[] {
  const stat = (id: string): UsageStat | undefined => (usage instanceof Map ? usage.get(id) : (usage as Readonly<Record<string, UsageStat>>)[id]);
  const q = query.trim().replace(/^\//, '');
  const terms = words(q);
  const ranked: RankedResponse[] = [];
  for (const response of responses) {
    const shortcut = foldForSearch(response.shortcut);
    const titleWords = words(response.title);
    const title = foldForSearch(response.title);
    const tags = response.tags.map(foldForSearch);
    const bodies = response.variants.map((v) => foldForSearch(v.body));
    const matched = new Set<MatchField>();
    let tier = terms.length ? 5 : 0;
    let score = 0;
    let all = true;
    for (const term of terms) {
      // Every field the term is in (for highlighting); its best field gives the tier, with a
      // finer score inside the tier.
      let termTier = 0;
      let best = 0;
      const hit = (field: MatchField, t: number, value: number): void => {
        matched.add(field);
        if (t > termTier) [termTier, best] = [t, value];
      };
      if (shortcut.startsWith(term)) hit('shortcut', 4, shortcut === term ? 4.5 : 4);
      if (titleWords.some((w) => w.startsWith(term))) hit('title', 3, 3);
      else if (title.includes(term)) hit('title', 3, 2.5);
      if (tags.includes(term)) hit('tag', 2, 2);
      else if (tags.some((t) => t.startsWith(term))) hit('tag', 2, 1.8);
      if (bodies.some((b) => b.includes(term))) hit('body', 1, 1);
      if (!termTier) {
        all = false;
        break;
      }
      tier = Math.min(tier, termTier);
      score += best;
    }
    if (!all) continue;
    if (terms.length && foldForSearch(q) === shortcut) tier = 5;
    ranked.push({ response, tier, score, matched: [...matched] });
  }
  return ranked.sort((a, b) => {
    if (a.tier !== b.tier) return b.tier - a.tier;
    const ua = stat(a.response.id);
    const ub = stat(b.response.id);
    const countDiff = (ub?.count ?? 0) - (ua?.count ?? 0);
    if (countDiff) return countDiff;
    const la = ua?.lastUsedAt ?? null;
    const lb = ub?.lastUsedAt ?? null;
    if (la !== lb) {
      if (la === null) return 1;
      if (lb === null) return -1;
      return lb - la;
    }
    if (a.score !== b.score) return b.score - a.score;
    return a.response.title.localeCompare(b.response.title) || a.response.id.localeCompare(b.response.id);
  });
}

// ---------------------------------------------------------------------------------------------
// Import and export

export const CANNED_EXPORT_FORMAT = 'shiftdesk.canned-responses';
export const CANNED_EXPORT_VERSION = 1;

export interface ImportError {
  /** JSON: the response's 1-based position; CSV: the record number, the header being row 1. */
  row: number | null;
  column: string | null;
  /** "Row 7: shortcut 'refund!' may only contain letters, digits, - and _" */
  message: string;
}

export type ImportResult = { ok: true; responses: CannedResponse[] } | { ok: false; errors: ImportError[] };

export interface CannedExportEnvelope {
  format: typeof CANNED_EXPORT_FORMAT;
  version: number;
  exportedAt: number;
  responses: CannedResponse[];
}

export function exportJson(responses: readonly CannedResponse[], exportedAt: number): string {
  const envelope: CannedExportEnvelope = { format: CANNED_EXPORT_FORMAT, version: CANNED_EXPORT_VERSION, exportedAt, responses: [...responses] };
  return JSON.stringify(envelope, null, 2) + '\n';
}

/** Reads an export (the envelope, or a bare array of responses). Never throws. */
export function importJson(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(null, null, `Not valid JSON: ${(e as Error).message}`);
  }
  let list: unknown;
  if (Array.isArray(data)) list = data;
  else if (data && typeof data === 'object' && (data as { format?: unknown }).format === CANNED_EXPORT_FORMAT) {
    const version = (data as { version?: unknown }).version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(null, null, 'The export has no valid version');
    if (version > CANNED_EXPORT_VERSION) return fail(null, null, `The export is version ${version}; this Shiftdesk reads up to version ${CANNED_EXPORT_VERSION}: update Shiftdesk`);
    list = (data as { responses?: unknown }).responses;
    if (!Array.isArray(list)) return fail(null, 'responses', 'The export has no list of responses');
  } else {
    return fail(null, null, `Not a Shiftdesk canned-response export (expected format "${CANNED_EXPORT_FORMAT}" or an array of responses)`);
  }
  const errors: ImportError[] = [];
  const responses: Array<{ response: CannedResponse; row: number }> = [];
  (list as unknown[]).forEach((item, i) => {
    const row = i + 1;
    const parsed = cannedResponseSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = issue.path.length ? issue.path.join('.') : null;
        const where = column && (issue.path.length > 1 || !issue.message.startsWith(column)) ? `${column}: ` : '';
        errors.push({ row, column, message: `Response ${row}: ${where}${issue.message}` });
      }
      return;
    }
    responses.push({ response: parsed.data, row });
  });
  errors.push(...duplicateErrors(responses, 'Response'));
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return errors.length ? { ok: false, errors } : { ok: true, responses: responses.map((r) => r.response) };
}

function fail(row: number | null, column: string | null, message: string): ImportResult {
  return { ok: false, errors: [{ row, column, message }] };
}

function duplicateErrors(items: Array<{ response: CannedResponse; row: number }>, label: 'Response' | 'Row'): ImportError[] {
  const errors: ImportError[] = [];
  const ids = new Map<string, number>();
  const shortcuts = new Map<string, { row: number; id: string }>();
  for (const { response, row } of items) {
    const idRow = ids.get(response.id);
    if (idRow !== undefined) errors.push({ row, column: 'id', message: `${label} ${row}: id '${response.id}' is already used by ${label.toLowerCase()} ${idRow}` });
    else ids.set(response.id, row);
    const key = normalizeShortcut(response.shortcut);
    const other = shortcuts.get(key);
    if (other && other.id !== response.id) {
      errors.push({ row, column: 'shortcut', message: `${label} ${row}: shortcut '${response.shortcut}' is already used by ${label.toLowerCase()} ${other.row}` });
    } else if (!other) shortcuts.set(key, { row, id: response.id });
  }
  return errors;
}

// CSV -----------------------------------------------------------------------------------------

export const CSV_COLUMNS = ['id', 'title', 'folder', 'tags', 'shortcut', 'language', 'platform', 'body', 'createdAt', 'updatedAt'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['title', 'shortcut', 'body'];

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * One row per variant (RFC 4180: CRLF between records, fields quoted when they hold a quote,
 * comma, line break or edge whitespace). Tags are joined with ';'; an empty language or platform
 * means any; timestamps are ISO 8601 (UTC, milliseconds).
 */
export function exportCsv(responses: readonly CannedResponse[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of responses) {
    for (const v of r.variants) {
      const row: Record<CsvColumn, string> = {
        id: r.id,
        title: r.title,
        folder: r.folder,
        tags: r.tags.join(';'),
        shortcut: r.shortcut,
        language: v.language ?? '',
        platform: v.platform ?? '',
        body: v.body,
        createdAt: new Date(r.createdAt).toISOString(),
        updatedAt: new Date(r.updatedAt).toISOString(),
      };
      lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

export interface CsvRecord {
  fields: string[];
  /** 1-based record number (the header is row 1). */
  row: number;
  /** 1-based physical line the record starts on. */
  line: number;
}

/** RFC 4180 records (CRLF or LF; quoted fields may hold quotes, commas and line breaks). */
export function parseCsv(text: string): { records: CsvRecord[]; error: ImportError | null } {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldStarted = false;
  const endField = (): void => {
    fields.push(field);
    field = '';
    quoted = false;
    fieldStarted = false;
  };
  const endRecord = (): void => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, row: records.length + 1, line: recordLine });
    fields = [];
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (!fieldStarted && ch === '"') {
      quoted = true;
      fieldStarted = true;
      const startLine = line;
      i++;
      for (;;) {
        if (i >= src.length) {
          const row = records.length + 1;
          return { records, error: { row, column: null, message: `Row ${row}: a quoted field opened on line ${startLine} is never closed` } };
        }
        const c = src[i]!;
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        const row = records.length + 1;
        return { records, error: { row, column: null, message: `Row ${row}: unexpected text after a closing quote (line ${line})` } };
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return { records, error: null };
}

export interface CsvImportOptions {
  /** Creation/update time for rows without timestamps (epoch ms); default Date.now(). */
  now?: number;
  /** Id for a response whose rows leave id empty; default crypto.randomUUID(). */
  newId?: () => string;
}

/**
 * Reads a CSV export (or a hand-made sheet with at least title, shortcut and body columns, in any
 * order). Rows with the same id (or, without ids, the same shortcut) are the variants of one
 * response; a later row may leave response fields blank to repeat the first row's. Errors name
 * the row (the header is row 1) and the column. Never throws.
 */
export function importCsv(text: string, options: CsvImportOptions = {}): ImportResult {
  const { records, error } = parseCsv(text);
  if (error) return { ok: false, errors: [error] };
  if (records.length === 0) return fail(1, null, 'Row 1: the file is empty (expected a header row)');
  const header = records[0]!.fields.map((h) => h.trim());
  const errors: ImportError[] = [];
  const columnIndex = new Map<CsvColumn, number>();
  header.forEach((name, i) => {
    const column = CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!column) errors.push({ row: 1, column: name, message: `Row 1: unknown column '${name}' (expected ${CSV_COLUMNS.join(', ')})` });
    else if (columnIndex.has(column)) errors.push({ row: 1, column, message: `Row 1: column '${column}' appears twice` });
    else columnIndex.set(column, i);
  });
  for (const c of REQUIRED_CSV_COLUMNS) if (!columnIndex.has(c)) errors.push({ row: 1, column: c, message: `Row 1: column '${c}' is missing` });
  if (errors.length) return { ok: false, errors };

  const now = options.now ?? Date.now();
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  interface Draft {
    response: CannedResponse;
    row: number;
    variantRows: Map<string, number>;
  }
  const drafts = new Map<string, Draft>();
  for (const record of records.slice(1)) {
    const { row } = record;
    const rowErrors: ImportError[] = [];
    const err = (column: CsvColumn | null, message: string): void => {
      rowErrors.push({ row, column, message: `Row ${row}: ${message}` });
    };
    if (record.fields.length !== header.length) {
      err(null, `expected ${header.length} fields, found ${record.fields.length}`);
      errors.push(...rowErrors);
      continue;
    }
    const cell = (c: CsvColumn): string => {
      const i = columnIndex.get(c);
      return i === undefined ? '' : record.fields[i]!;
    };
    const check = <T>(column: CsvColumn, schema: z.ZodType<T>, value: unknown): T | undefined => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      const message = parsed.error.issues[0]!.message;
      err(column, message.startsWith(column) ? message : `${column}: ${message}`);
      return undefined;
    };
    const timestamp = (column: 'createdAt' | 'updatedAt'): number | undefined => {
      const raw = cell(column).trim();
      if (!raw) return undefined;
      const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
      if (!Number.isFinite(ms) || ms < 0) {
        err(column, `${column} '${raw}' is not a date (ISO 8601 or epoch milliseconds)`);
        return undefined;
      }
      return ms;
    };

    const shortcutRaw = cell('shortcut').trim();
    const idRaw = cell('id').trim();
    const key = idRaw ? `id:${idRaw}` : shortcutRaw ? `shortcut:${normalizeShortcut(shortcutRaw)}` : `row:${row}`;
    const existing = drafts.get(key);

    const title = cell('title');
    const folder = cell('folder');
    const tagsRaw = cell('tags');
    const createdAt = timestamp('createdAt');
    const updatedAt = timestamp('updatedAt');
    const language = cell('language').trim();
    const platform = cell('platform').trim().toLowerCase();
    const variant: CannedVariant = {
      language: language ? check('language', languageTagSchema, language) ?? null : null,
      platform: platform ? check('platform', variantPlatformSchema, platform) ?? null : null,
      body: check('body', cannedVariantSchema.shape.body, cell('body')) ?? '',
    };
    const tags = tagsRaw.trim() ? tagsRaw.split(';').map((t) => t.trim()).filter(Boolean) : [];
    tags.forEach((t) => check('tags', tagSchema, t));

    if (!existing) {
      if (!shortcutRaw) err('shortcut', 'shortcut is required');
      const shortcut = shortcutRaw ? check('shortcut', shortcutSchema, shortcutRaw) : undefined;
      const checkedTitle = check('title', cannedResponseSchema.shape.title, title);
      check('folder', cannedResponseSchema.shape.folder, folder);
      if (rowErrors.length === 0 && shortcut !== undefined && checkedTitle !== undefined) {
        drafts.set(key, {
          row,
          variantRows: new Map([[variantKey(variant), row]]),
          response: {
            id: idRaw || newId(),
            title: checkedTitle,
            folder,
            tags,
            shortcut,
            variants: [variant],
            createdAt: createdAt ?? now,
            updatedAt: updatedAt ?? createdAt ?? now,
          },
        });
      }
    } else {
      const r = existing.response;
      const differs = (column: CsvColumn, value: string, expected: string): void => {
        if (value.trim() !== '' && value !== expected) err(column, `${column} '${value}' differs from row ${existing.row} ('${expected}') for the same response`);
      };
      differs('title', title, r.title);
      differs('folder', folder, r.folder);
      differs('tags', tags.join(';'), r.tags.join(';'));
      if (shortcutRaw && normalizeShortcut(shortcutRaw) !== normalizeShortcut(r.shortcut)) {
        err('shortcut', `shortcut '${shortcutRaw}' differs from row ${existing.row} ('${r.shortcut}') for the same response`);
      }
      if (createdAt !== undefined && createdAt !== r.createdAt) err('createdAt', `createdAt differs from row ${existing.row} for the same response`);
      if (updatedAt !== undefined && updatedAt !== r.updatedAt) err('updatedAt', `updatedAt differs from row ${existing.row} for the same response`);
      const vk = variantKey(variant);
      const other = existing.variantRows.get(vk);
      if (other !== undefined) err('language', `row ${other} already has the variant for ${describeVariant(variant)}`);
      if (rowErrors.length === 0) {
        existing.variantRows.set(vk, row);
        r.variants.push(variant);
      }
    }
    errors.push(...rowErrors);
  }
  const responses = [...drafts.values()];
  errors.push(...duplicateErrors(responses.map((d) => ({ response: d.response, row: d.row })), 'Row'));
  for (const d of responses) {
    const parsed = cannedResponseSchema.safeParse(d.response);
    if (!parsed.success) for (const issue of parsed.error.issues) errors.push({ row: d.row, column: issue.path.join('.') || null, message: `Row ${d.row}: ${issue.message}` });
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return errors.length ? { ok: false, errors } : { ok: true, responses: responses.map((d) => d.response) };
}

// ---------------------------------------------------------------------------------------------
// Brand voice

export const brandVoiceSchema = z.object({
  bannedPhrases: z.array(z.string().trim().min(1).max(200)).max(500),
  /** The text every reply must end with (already filled, e.g. "^Ana"); null: none required. */
  requiredSignOff: z.string().trim().min(1).max(200).nullable(),
  /** Slang and idioms that translate badly, per language tag (pt-BR lists apply to pt-BR only; pt to every pt). */
  slangAndIdioms: z.record(languageTagSchema, z.array(z.string().trim().min(1).max(200)).max(500)),
  /** Free-text tone hints shown beside the composer; not checked. */
  toneHints: z.array(z.string().max(500)).max(50).optional(),
});
export type BrandVoiceGuidelines = z.infer<typeof brandVoiceSchema>;

/** An account without guidelines: nothing banned, no sign-off required, no hints. */
export function emptyBrandVoice(): BrandVoiceGuidelines {
  return { bannedPhrases: [], requiredSignOff: null, slangAndIdioms: {}, toneHints: [] };
}

export type BrandVoiceKind = 'banned' | 'slang' | 'missing-sign-off';

export interface BrandVoiceFinding {
  kind: BrandVoiceKind;
  /** [start, end) in the draft, UTF-16 code units (what the composer's text uses). */
  start: number;
  end: number;
  /** The guideline's phrase (banned, slang) or the required sign-off. */
  phrase: string;
}

// Scripts written without spaces between words: a phrase in them matches anywhere.
const NO_SPACE_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}_]`;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function phrasePattern(phrase: string): RegExp | null {
  const forms = [...new Set([phrase.normalize('NFC'), phrase.normalize('NFD')])].map((p) => p.trim()).filter(Boolean);
  if (!forms.length) return null;
  const body = forms.map((p) => p.split(/\s+/u).map(escapeRegExp).join(String.raw`\s+`)).join('|');
  const first = [...phrase.trim()][0]!;
  const last = [...phrase.trim()].at(-1)!;
  const wordy = (ch: string): boolean => /[\p{L}\p{N}]/u.test(ch) && !NO_SPACE_SCRIPTS.test(ch);
  const before = wordy(first) ? `(?<!${WORD_CHAR})` : '';
  const after = wordy(last) ? `(?!${WORD_CHAR})` : '';
  return new RegExp(`${before}(?:${body})${after}`, 'giu');
}

function findPhrase(draft: string, phrase: string, kind: BrandVoiceKind, out: BrandVoiceFinding[]): void {
  const re = phrasePattern(phrase);
  if (!re) return;
  for (const m of draft.matchAll(re)) {
    if (m[0].length === 0) continue;
    out.push({ kind, start: m.index, end: m.index + m[0].length, phrase });
  }
}

/**
 * Checks a draft against the account's brand voice: banned phrases (any language), slang and
 * idioms listed for the draft's language (the lists of its tag and of each shorter prefix: pt-BR
 * draft → pt-BR and pt lists), and the required sign-off at the end. Case-insensitive; whole
 * words (a phrase never matches inside a longer word), except in scripts written without
 * spaces (Chinese, Japanese, Thai...). Findings are sorted by position.
 */
export function checkBrandVoice(draft: string, language: string | null, guidelines: BrandVoiceGuidelines): BrandVoiceFinding[] {
  const findings: BrandVoiceFinding[] = [];
  for (const phrase of guidelines.bannedPhrases) findPhrase(draft, phrase, 'banned', findings);
  if (language) {
    const chain = languageChain(language).map((t) => t.toLowerCase());
    for (const [tag, phrases] of Object.entries(guidelines.slangAndIdioms)) {
      if (!chain.includes(tag.toLowerCase())) continue;
      for (const phrase of phrases) findPhrase(draft, phrase, 'slang', findings);
    }
  }
  const signOff = guidelines.requiredSignOff?.trim();
  const trimmed = draft.trimEnd();
  if (signOff && trimmed.length > 0) {
    const re = phrasePattern(signOff);
    const pattern = re ? new RegExp(`(?:${re.source})[\\s.!]*$`, 'iu') : null;
    if (!pattern || !pattern.test(trimmed)) {
      const lineStart = trimmed.lastIndexOf('\n') + 1;
      const lastLine = trimmed.slice(lineStart);
      const start = lineStart + (lastLine.length - lastLine.trimStart().length);
      findings.push({ kind: 'missing-sign-off', start, end: trimmed.length, phrase: signOff });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
