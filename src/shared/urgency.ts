// Urgent-mention rules: a typed, serialisable configuration (zod) and the one evaluator that
// applies it. Pure: it runs in the core at ingest, and the renderer can use the schema and the
// reasons to edit rules and say why a message was flagged.
//
// What a rule needs that is not pure (language detection, sentiment) is computed in the core
// (src/main/core/urgency) and handed in with the message; a rule whose input is missing simply
// does not match. `isUrgent` is the walking skeleton's entry point, now the default rules applied
// through the same evaluator.
import { z } from 'zod';
import { PLATFORMS } from './domain';

/** The default keyword lists: phrases per language that signal an outage, money or legal trouble. */
export const URGENT_TERMS: Readonly<Record<string, readonly string[]>> = {
  en: ['outage', 'down', 'refund', 'lawyer', 'legal action', 'cancel', 'chargeback', 'scam', 'fraud', 'stolen', 'urgent', 'emergency', 'sue'],
  es: ['reembolso', 'abogado', 'cancelar', 'fraude', 'estafa', 'urgente', 'denuncia', 'caído'],
  'pt-BR': ['reembolso', 'advogado', 'cancelar', 'fraude', 'golpe', 'urgente', 'processo', 'fora do ar'],
  pt: ['reembolso', 'advogado', 'cancelar', 'fraude', 'urgente'],
  de: ['erstattung', 'anwalt', 'kündigen', 'stornieren', 'betrug', 'dringend', 'ausfall', 'klage'],
  fr: ['remboursement', 'avocat', 'annuler', 'arnaque', 'fraude', 'urgent', 'panne', 'plainte'],
  lv: ['atmaksa', 'advokāts', 'atcelt', 'krāpšana', 'steidzami', 'nedarbojas'],
  ja: ['返金', '弁護士', 'キャンセル', '詐欺', '至急', '障害', '緊急'],
  ar: ['استرداد', 'محامي', 'إلغاء', 'احتيال', 'عاجل', 'عطل'],
  ml: ['റീഫണ്ട്', 'വക്കീൽ', 'റദ്ദാക്കുക', 'അടിയന്തിരം', 'തട്ടിപ്പ്'],
  gu: ['રિફંડ', 'વકીલ', 'રદ', 'તાત્કાલિક', 'છેતરપિંડી'],
  bn: ['রিফান্ড', 'আইনজীবী', 'বাতিল', 'জরুরি', 'প্রতারণা'],
  te: ['రీఫండ్', 'లాయర్', 'రద్దు', 'అత్యవసరం', 'మోసం'],
};

/** Authors with at least this many followers make any mention urgent (default rules). */
export const URGENT_FOLLOWER_THRESHOLD = 100_000;
/** Default sentiment score at or below which a message counts as strongly negative. */
export const STRONGLY_NEGATIVE_THRESHOLD = -0.6;

// ---------------------------------------------------------------------------------------------
// The configuration

const ruleId = z.string().trim().min(1).max(64);
const languageTag = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en or pt-BR');
const ruleBase = {
  id: ruleId,
  enabled: z.boolean().default(true),
  /** A match interrupts the agent even in quiet mode or Do Not Disturb. */
  mustInterrupt: z.boolean().default(false),
};

export const keywordsRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('keywords'),
  /** Words and phrases per language. Matching is case- and accent-insensitive; in alphabetic scripts whole words only. */
  terms: z.record(languageTag, z.array(z.string().trim().min(1).max(100)).max(1000)),
});

export const followersRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('followers'),
  threshold: z.number().int().min(0),
});

export const vipCustomerSchema = z
  .object({
    /** Limits the entry to one platform; without it the id or handle matches on any platform. */
    platform: z.enum(PLATFORMS).optional(),
    platformId: z.string().trim().min(1).max(200).optional(),
    /** With or without the leading @; compared case-insensitively. */
    handle: z.string().trim().min(1).max(200).optional(),
    /** Shown in the reason instead of the handle ("VIP customer Acme Corp"). */
    label: z.string().trim().min(1).max(100).optional(),
  })
  .refine((c) => c.platformId !== undefined || c.handle !== undefined, 'a VIP customer needs a platform id or a handle');

export const vipRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('vip'),
  customers: z.array(vipCustomerSchema).max(50_000),
});

export const verifiedRuleSchema = z.object({ ...ruleBase, kind: z.literal('verified') });

export const negativeSentimentRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('negativeSentiment'),
  /** A message whose sentiment score (-1..1) is at or below this is urgent. */
  threshold: z.number().min(-1).max(0),
});

export const urgencyRuleSchema = z.discriminatedUnion('kind', [
  keywordsRuleSchema,
  followersRuleSchema,
  vipRuleSchema,
  verifiedRuleSchema,
  negativeSentimentRuleSchema,
]);

/** Spikes: `minMessages` mentions sharing a significant term within `windowMinutes` open an incident. */
export const spikeSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  mustInterrupt: z.boolean().default(false),
  minMessages: z.number().int().min(2).max(10_000).default(5),
  windowMinutes: z.number().min(1).max(24 * 60).default(10),
});

export const urgencyRulesSchema = z.object({
  version: z.literal(1),
  rules: z
    .array(urgencyRuleSchema)
    .max(200)
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
  spikes: spikeSettingsSchema.default({ enabled: true, mustInterrupt: false, minMessages: 5, windowMinutes: 10 }),
});

export type UrgencyRule = z.infer<typeof urgencyRuleSchema>;
export type UrgencyRuleKind = UrgencyRule['kind'];
export type VipCustomer = z.infer<typeof vipCustomerSchema>;
export type SpikeSettings = z.infer<typeof spikeSettingsSchema>;
/** The parsed configuration (what the evaluator takes). Treat it as immutable: compiled forms are cached per object. */
export type UrgencyRules = z.infer<typeof urgencyRulesSchema>;
/** What an admin or a stored JSON may omit (defaults filled in by `parseUrgencyRules`). */
export type UrgencyRulesInput = z.input<typeof urgencyRulesSchema>;

/** Validates stored or edited rules (throws a ZodError naming the bad field). */
export function parseUrgencyRules(input: unknown): UrgencyRules {
  return deepFreeze(urgencyRulesSchema.parse(input));
}

/**
 * Today's behaviour: the keyword lists and the follower threshold. The VIP list starts empty,
 * and the verified-author and strongly-negative rules are there but off until an admin turns
 * them on (a blue tick or one angry post should not page anyone by default).
 */
export const DEFAULT_URGENCY_RULES: UrgencyRules = parseUrgencyRules({
  version: 1,
  rules: [
    { id: 'keywords', kind: 'keywords', terms: Object.fromEntries(Object.entries(URGENT_TERMS).map(([l, t]) => [l, [...t]])) },
    { id: 'followers', kind: 'followers', threshold: URGENT_FOLLOWER_THRESHOLD },
    { id: 'vip', kind: 'vip', customers: [] },
    { id: 'verified', kind: 'verified', enabled: false },
    { id: 'negative-sentiment', kind: 'negativeSentiment', enabled: false, threshold: STRONGLY_NEGATIVE_THRESHOLD },
  ],
  spikes: { enabled: true, mustInterrupt: false, minMessages: 5, windowMinutes: 10 },
});

// ---------------------------------------------------------------------------------------------
// Evaluation

export interface UrgencyMessage {
  body: string;
  /** The message's language (BCP-47), if known: picks which list a shared keyword is reported from. */
  language?: string | null;
  /** The account's platform, for VIP entries limited to one platform. */
  platform?: string | null;
  /** From the core's sentiment scorer; without it the sentiment rule cannot match. */
  sentiment?: { score: number } | null;
}

export interface UrgencyAuthor {
  platformId?: string | null;
  handle?: string | null;
  followers?: number | null;
  verified?: boolean | null;
}

interface ReasonBase {
  /** The rule's id in the configuration. */
  rule: string;
  /** A plain-English sentence for logs and as a fallback; the UI translates from the fields. */
  detail: string;
  mustInterrupt: boolean;
}
export type UrgencyReason =
  | (ReasonBase & { kind: 'keywords'; terms: { term: string; language: string }[] })
  | (ReasonBase & { kind: 'followers'; followers: number; threshold: number })
  | (ReasonBase & { kind: 'vip'; match: 'platformId' | 'handle'; who: string })
  | (ReasonBase & { kind: 'verified' })
  | (ReasonBase & { kind: 'negativeSentiment'; score: number; threshold: number });

export interface UrgencyVerdict {
  urgent: boolean;
  /** True when a matching rule is marked must-interrupt. */
  mustInterrupt: boolean;
  /** One entry per matching rule, in the configuration's order. */
  reasons: UrgencyReason[];
}

/** Applies every enabled rule to one incoming message. Cheap: the rules compile once per rules object. */
export function evaluateUrgency(message: UrgencyMessage, author: UrgencyAuthor, rules: UrgencyRules): UrgencyVerdict {
  const compiled = compile(rules);
  const reasons: UrgencyReason[] = [];
  let matchText: string | null = null;
  for (const rule of compiled) {
    let reason: UrgencyReason | null = null;
    switch (rule.kind) {
      case 'keywords': {
        matchText ??= textForMatching(message.body);
        reason = rule.match(matchText, message.language ?? null);
        break;
      }
      case 'followers': {
        const followers = author.followers ?? 0;
        if (followers >= rule.threshold) {
          reason = { ...rule.base, kind: 'followers', followers, threshold: rule.threshold, detail: `author has ${grouped(followers)} followers` };
        }
        break;
      }
      case 'vip':
        reason = rule.match(author, message.platform ?? null);
        break;
      case 'verified':
        if (author.verified === true) reason = { ...rule.base, kind: 'verified', detail: 'verified author' };
        break;
      case 'negativeSentiment': {
        const score = message.sentiment?.score;
        if (score !== undefined && Number.isFinite(score) && score <= rule.threshold) {
          reason = { ...rule.base, kind: 'negativeSentiment', score, threshold: rule.threshold, detail: `strongly negative (${score.toFixed(2)})` };
        }
        break;
      }
    }
    if (reason) reasons.push(reason);
  }
  return { urgent: reasons.length > 0, mustInterrupt: reasons.some((r) => r.mustInterrupt), reasons };
}

/** The walking skeleton's check, kept for its callers: the default rules, without sentiment. */
export function isUrgent(body: string, author: { followers?: number; verified?: boolean; platformId?: string; handle?: string }): boolean {
  return evaluateUrgency({ body }, author, DEFAULT_URGENCY_RULES).urgent;
}

// ---------------------------------------------------------------------------------------------
// Text normalisation shared with the core's analysers

/** Lower case, Latin letters without their accents ("Caído" → "caido"); other scripts keep their marks. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Plain ASCII (most words) has nothing to fold.
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(LATIN_MARKS, '').normalize('NFC');
}
const ASCII = /^[ -~\s]*$/;
const LATIN_MARKS = /(?<=\p{Script=Latin})\p{M}+/gu;

const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const MENTION = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}.-]+\.\p{L}+)?/gu;
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;

/**
 * What keywords are matched against: no links or @handles (a handle like @downdetector is not
 * "down"), hashtags as words with their camel case split (#RefundNow → "refund now"), folded.
 */
export function textForMatching(body: string): string {
  const text = body
    .replace(URL, ' ')
    .replace(MENTION, ' ')
    .replace(HASHTAG, (_, tag: string) => ` ${tag.replace(/_/g, ' ').replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ')} `);
  return foldText(text);
}

// ---------------------------------------------------------------------------------------------
// Compilation (cached per rules object)

type Base = { rule: string; mustInterrupt: boolean };
type CompiledRule =
  | { kind: 'keywords'; base: Base; match: (text: string, language: string | null) => UrgencyReason | null }
  | { kind: 'followers'; base: Base; threshold: number }
  | { kind: 'vip'; base: Base; match: (author: UrgencyAuthor, platform: string | null) => UrgencyReason | null }
  | { kind: 'verified'; base: Base }
  | { kind: 'negativeSentiment'; base: Base; threshold: number };

const cache = new WeakMap<UrgencyRules, CompiledRule[]>();

function compile(rules: UrgencyRules): CompiledRule[] {
  let compiled = cache.get(rules);
  if (!compiled) {
    compiled = rules.rules.filter((r) => r.enabled).map(compileRule);
    cache.set(rules, compiled);
  }
  return compiled;
}

function compileRule(rule: UrgencyRule): CompiledRule {
  const base: Base = { rule: rule.id, mustInterrupt: rule.mustInterrupt };
  switch (rule.kind) {
    case 'keywords':
      return { kind: 'keywords', base, match: keywordMatcher(base, rule.terms) };
    case 'followers':
      return { kind: 'followers', base, threshold: rule.threshold };
    case 'vip':
      return { kind: 'vip', base, match: vipMatcher(base, rule.customers) };
    case 'verified':
      return { kind: 'verified', base };
    case 'negativeSentiment':
      return { kind: 'negativeSentiment', base, threshold: rule.threshold };
  }
}

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const collapse = (text: string) => text.trim().replace(/\s+/gu, ' ');
// Scripts that separate words with spaces: their terms match whole words only ("down" must not
// match "download"). Terms in other scripts (CJK, Arabic, Indic) match anywhere, as before.
const ALPHABETIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}\P{L}]+$/u;

function keywordMatcher(base: Base, lists: Record<string, string[]>): (text: string, language: string | null) => UrgencyReason | null {
  // folded term → the term as configured and the languages whose lists hold it
  const byTerm = new Map<string, { term: string; languages: string[] }>();
  for (const [language, terms] of Object.entries(lists)) {
    for (const term of terms) {
      const key = collapse(foldText(term));
      if (!key) continue;
      const entry = byTerm.get(key);
      if (entry) {
        if (!entry.languages.includes(language)) entry.languages.push(language);
      } else byTerm.set(key, { term, languages: [language] });
    }
  }
  if (byTerm.size === 0) return () => null;
  // Longest first, so a phrase wins over a word it starts with.
  const keys = [...byTerm.keys()].sort((a, b) => b.length - a.length);
  const source = (key: string) => key.split(' ').map(escape).join('\\s+');
  const bounded = keys.filter((k) => ALPHABETIC.test(k));
  const anywhere = keys.filter((k) => !ALPHABETIC.test(k));
  const parts: string[] = [];
  if (bounded.length) parts.push(`(?<![\\p{L}\\p{M}])(?:${bounded.map(source).join('|')})(?![\\p{L}\\p{M}])`);
  if (anywhere.length) parts.push(...anywhere.map(source));
  const pattern = new RegExp(parts.join('|'), 'gu');

  return (text, language) => {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) return null;
    pattern.lastIndex = 0;
    const found: { term: string; language: string }[] = [];
    const seen = new Set<string>();
    for (const m of text.matchAll(pattern)) {
      const key = collapse(m[0]);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = byTerm.get(key);
      if (entry) found.push({ term: entry.term, language: pickLanguage(entry.languages, language) });
    }
    if (found.length === 0) return null;
    const listed = found
      .slice(0, 3)
      .map((f) => `'${f.term}' (${f.language})`)
      .join(', ');
    return { ...base, kind: 'keywords', terms: found, detail: `mentions ${listed}${found.length > 3 ? ` and ${found.length - 3} more` : ''}` };
  };
}

/** The list a shared term is reported from: the message's own language when it has the term. */
function pickLanguage(languages: string[], messageLanguage: string | null): string {
  if (messageLanguage) {
    const wanted = messageLanguage.toLowerCase();
    const exact = languages.find((l) => l.toLowerCase() === wanted);
    if (exact) return exact;
    const primary = wanted.split('-')[0];
    const close = languages.find((l) => l.toLowerCase().split('-')[0] === primary);
    if (close) return close;
  }
  return languages[0]!;
}

const normalizeHandle = (handle: string) => handle.trim().replace(/^@/, '').toLowerCase();

function vipMatcher(base: Base, customers: VipCustomer[]): (author: UrgencyAuthor, platform: string | null) => UrgencyReason | null {
  const byId = new Map<string, VipCustomer>();
  const byHandle = new Map<string, VipCustomer>();
  for (const c of customers) {
    const scope = c.platform ?? '*';
    if (c.platformId !== undefined) byId.set(`${scope}\u0000${c.platformId}`, c);
    if (c.handle !== undefined) byHandle.set(`${scope}\u0000${normalizeHandle(c.handle)}`, c);
  }
  if (byId.size === 0 && byHandle.size === 0) return () => null;
  const lookup = (map: Map<string, VipCustomer>, value: string, platform: string | null) =>
    (platform !== null ? map.get(`${platform}\u0000${value}`) : undefined) ?? map.get(`*\u0000${value}`);
  return (author, platform) => {
    let match: 'platformId' | 'handle' = 'platformId';
    let customer = author.platformId ? lookup(byId, author.platformId, platform) : undefined;
    if (!customer && author.handle) {
      customer = lookup(byHandle, normalizeHandle(author.handle), platform);
      match = 'handle';
    }
    if (!customer) return null;
    const who = customer.label ?? (author.handle ? `@${normalizeHandle(author.handle)}` : (author.platformId ?? ''));
    return { ...base, kind: 'vip', match, who, detail: `VIP customer ${who}` };
  };
}

const grouped = (n: number) => Math.round(n).toLocaleString('en-US');

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
