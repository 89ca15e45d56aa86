// Deterministic synthetic traffic for the benchmarks: multilingual-ish message bodies drawn from
// a Zipf-distributed vocabulary (a few very common words, a long tail of rare ones), customers,
// conversations of several messages, and the InboundItems a connector would deliver.
import type { ConversationKind } from '../../src/shared/domain';
import { isUrgent } from '../../src/shared/urgency';
import type { InboundItem } from '../../src/main/core/connectors/connector';

/** mulberry32: small, fast, seedable. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

interface LanguageSpec {
  code: string;
  weight: number;
  /** Real words, most common first; they take the top Zipf ranks. Never an urgent term. */
  common: string[];
  /** Syllables the long synthetic tail is built from. */
  syllables: string[];
  tail: number;
  separator: string;
  /** A phrase that makes a message urgent (see src/shared/urgency.ts). */
  urgent: string[];
}

const LANGUAGES: LanguageSpec[] = [
  {
    code: 'en',
    weight: 0.44,
    common: (
      'the i to my and a is you it for of in not on this me your have was with but order can please help no that be at ' +
      'flight account still why get just app we when been do from how hours days booking ticket payment card support ' +
      'customer service waiting email phone delivery package password login update thanks hello hi today yesterday again ' +
      'time back working issue problem error charged bag luggage seat gate delayed week since tried nobody answer reply ' +
      'sent received number message website checkout promo code address missing wrong item size return store subscription'
    ).split(' '),
    syllables: ['ba', 'ker', 'ton', 'ly', 'ing', 'er', 'pro', 'com', 'ex', 'ment', 'tion', 'al', 'ver', 'sta', 're', 'de', 'con', 'mar', 'lin', 'gor', 'tex', 'pha', 'shi', 'ble', 'ous', 'ful', 'wick', 'ham', 'ston', 'ri'],
    tail: 9000,
    separator: ' ',
    urgent: ['I want a refund', 'the app is down', 'this is a scam', 'my card was stolen', 'I will cancel'],
  },
  {
    code: 'es',
    weight: 0.12,
    common: (
      'el la de que y a en no mi por es un una con para los se lo pedido vuelo cuenta todavía ayuda hola gracias ' +
      'pago tarjeta correo teléfono entrega paquete contraseña aplicación problema días horas semana nadie responde ' +
      'equipaje asiento retraso reserva billete atención cliente'
    ).split(' '),
    syllables: ['ca', 'la', 'do', 'men', 'te', 'ción', 'que', 'ra', 'es', 'pa', 'ña', 'ri', 'llo', 'sa', 've', 'nes', 'ar', 'or', 'tí', 'bre'],
    tail: 3500,
    separator: ' ',
    urgent: ['quiero un reembolso', 'es una estafa', 'voy a cancelar', 'es urgente'],
  },
  {
    code: 'pt-BR',
    weight: 0.08,
    common: (
      'o a de que e não meu minha pedido voo conta ainda ajuda olá obrigado pagamento cartão entrega pacote senha ' +
      'aplicativo problema dias horas semana ninguém responde bagagem assento atraso reserva passagem atendimento'
    ).split(' '),
    syllables: ['ção', 'ões', 'nh', 'lh', 'ão', 'ma', 'te', 'ra', 'men', 'pa', 'do', 'ca', 'vo', 'ri', 'zé', 'gui'],
    tail: 3000,
    separator: ' ',
    urgent: ['quero reembolso', 'isso é golpe', 'vou cancelar', 'é urgente'],
  },
  {
    code: 'de',
    weight: 0.08,
    common: (
      'der die das und ich nicht ist mein meine bestellung flug konto noch hilfe hallo danke zahlung karte lieferung ' +
      'paket passwort app problem tage stunden woche niemand antwortet gepäck sitzplatz verspätung buchung ticket kundenservice'
    ).split(' '),
    syllables: ['ge', 'ver', 'ung', 'ein', 'sch', 'ä', 'ü', 'be', 'keit', 'lich', 'ter', 'stra', 'ß', 'en', 'heit', 'zug', 'bahn', 'ö', 'wald', 'berg'],
    tail: 3000,
    separator: ' ',
    urgent: ['ich will eine erstattung', 'das ist betrug', 'ich werde kündigen', 'dringend bitte'],
  },
  {
    code: 'fr',
    weight: 0.08,
    common: (
      'le la de et je ne pas mon ma est commande vol compte toujours aide bonjour merci paiement carte livraison colis ' +
      'mot passe application problème jours heures semaine personne répond bagage siège retard réservation billet service client'
    ).split(' '),
    syllables: ['é', 'tion', 're', 'ment', 'con', 'que', 'eau', 'ai', 'ç', 'pré', 'lle', 'ou', 'ant', 'ien', 'dé', 'vi', 'ger'],
    tail: 3000,
    separator: ' ',
    urgent: ['je veux un remboursement', "c'est une arnaque", 'je vais annuler', 'panne totale'],
  },
  {
    code: 'lv',
    weight: 0.05,
    common: 'es un ir nav mans mana pasūtījums lidojums konts vēl palīdzība sveiki paldies maksājums karte piegāde paka parole lietotne problēma dienas stundas'.split(' '),
    syllables: ['ā', 'ē', 'ī', 'ū', 'š', 'ž', 'ķ', 'ļ', 'ņ', 'ga', 'ta', 'nie', 'ka', 'ra', 'ju', 'ties', 'šana', 'lo'],
    tail: 1500,
    separator: ' ',
    urgent: ['lūdzu atmaksa', 'tā ir krāpšana', 'steidzami'],
  },
  {
    code: 'ja',
    weight: 0.08,
    common: 'です ます 注文 予約 フライト アカウント ありがとう お願いします 荷物 遅延 パスワード ログイン 支払い 届かない まだ 今日 明日 問題 エラー 確認 連絡 返信'.split(' '),
    syllables: ['か', 'き', 'く', 'け', 'こ', 'さ', 'し', 'す', 'ま', 'の', 'に', 'は', 'を', 'で', 'ト', 'ラ', 'ン', 'ス', 'ー', 'ク', 'ロ', 'リ', '予', '約', '便', '席', '荷', '物'],
    tail: 2500,
    separator: ' ',
    urgent: ['至急 対応 してください', '返金 してください', '詐欺 です'],
  },
  {
    code: 'ar',
    weight: 0.07,
    common: 'في من على لم طلبي الرحلة الحساب شكرا مرحبا الدفع كلمة المرور الطلب التذكرة متى لماذا اليوم مشكلة الحقيبة المقعد'.split(' '),
    syllables: ['ال', 'م', 'ت', 'ر', 'ي', 'ن', 'ب', 'ك', 'س', 'ل', 'ة', 'ف', 'ح', 'د', 'و', 'ق'],
    tail: 2500,
    separator: ' ',
    urgent: ['أريد استرداد المبلغ', 'هذا احتيال', 'عاجل من فضلك'],
  },
];

const ZIPF_S = 1.07;

export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code);

export interface Vocabulary {
  code: string;
  words: string[];
  /** cumulative[i] = P(rank <= i) */
  cumulative: Float64Array;
  /** Expected share of this language's tokens that are words[i]. */
  share(i: number): number;
}

function buildVocabulary(spec: LanguageSpec, rng: Rng): Vocabulary {
  const seen = new Set<string>();
  const words: string[] = [];
  const add = (w: string) => {
    const lower = w.toLocaleLowerCase();
    if (seen.has(lower) || isUrgent(lower, {})) return;
    seen.add(lower);
    words.push(lower);
  };
  spec.common.forEach(add);
  let guard = 0;
  while (words.length < spec.common.length + spec.tail && guard++ < spec.tail * 50) {
    const n = 2 + rng.int(3);
    let w = '';
    for (let i = 0; i < n; i++) w += rng.pick(spec.syllables);
    add(w);
  }
  const weights = words.map((_, i) => 1 / (i + 1) ** ZIPF_S);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = new Float64Array(words.length);
  let acc = 0;
  weights.forEach((w, i) => (cumulative[i] = acc += w / total));
  return { code: spec.code, words, cumulative, share: (i) => weights[i]! / total };
}

function sampleRank(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const FIRST = ['Ana', 'Bo', 'Chen', 'Dana', 'Eli', 'Femi', 'Gita', 'Hugo', 'Ines', 'Jonas', 'Kai', 'Lea', 'Mara', 'Nils', 'Oda', 'Priya', 'Quim', 'Rosa', 'Sami', 'Tariq', 'Uma', 'Vito', 'Yuki', 'Zofia', 'Aiko', 'Jānis', 'Zoë', 'Søren', 'Ömer', 'Leïla'];
const LAST = ['Silva', 'Müller', 'Nair', 'Tanaka', 'Ozola', 'García', 'Dubois', 'Rossi', 'Khan', 'Kim', 'Novak', 'Berg', 'Haddad', 'Costa', 'Smith', 'Bērziņš', 'Yamada', 'López', 'Martin', 'Okafor'];

export interface CustomerSeed {
  platformId: string;
  handle: string;
  displayName: string;
  language: string;
  followers: number;
  verified: boolean;
}

export interface AccountSeed {
  id: string;
  platform: 'x' | 'bluesky' | 'mastodon' | 'email' | 'instagram' | 'facebook';
  handle: string;
  name: string;
  kinds: ConversationKind[];
}

export class Corpus {
  readonly rng: Rng;
  readonly vocab: Vocabulary[];
  private readonly languageCumulative: number[];
  private messageSeq = 0;
  private conversationSeq = 0;
  private customerSeq = 0;

  constructor(seed = 20261123) {
    this.rng = new Rng(seed);
    this.vocab = LANGUAGES.map((spec) => buildVocabulary(spec, this.rng));
    let acc = 0;
    const total = LANGUAGES.reduce((a, l) => a + l.weight, 0);
    this.languageCumulative = LANGUAGES.map((l) => (acc += l.weight / total));
  }

  languageIndex(): number {
    const u = this.rng.next();
    const i = this.languageCumulative.findIndex((c) => u <= c);
    return i < 0 ? LANGUAGES.length - 1 : i;
  }

  /** A body of 40-250 characters, mostly short, in the given language. */
  body(lang: number, urgentChance = 0.02): string {
    const rng = this.rng;
    const spec = LANGUAGES[lang]!;
    const vocab = this.vocab[lang]!;
    const target = 40 + Math.floor(rng.next() ** 1.6 * 211);
    const parts: string[] = [];
    let length = 0;
    const push = (w: string) => {
      parts.push(w);
      length += w.length + 1;
    };
    if (rng.chance(urgentChance)) push(rng.pick(spec.urgent));
    while (length < target) {
      const r = rng.next();
      if (r < 0.04) push(`#${100000 + rng.int(90_000_000)}`); // order / booking numbers: unique tokens
      else push(vocab.words[sampleRank(vocab.cumulative, rng.next())]!);
    }
    let text = parts.join(spec.separator);
    if (text.length > 250) text = text.slice(0, text.lastIndexOf(' ', 249) > 40 ? text.lastIndexOf(' ', 249) : 250);
    if (text.length < 40) text = text.padEnd(40, '.');
    const end = rng.next();
    return text.charAt(0).toLocaleUpperCase() + text.slice(1) + (end < 0.3 ? '?' : end < 0.5 ? '!' : end < 0.8 ? '.' : '');
  }

  customer(lang: number): CustomerSeed {
    const rng = this.rng;
    const n = ++this.customerSeq;
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    // Heavy-tailed audience: about 1 % of customers reach the "urgent author" threshold.
    const followers = Math.floor(10 ** (rng.next() ** 6 * 5.3));
    return {
      platformId: `u${n}`,
      handle: `${first.toLowerCase()}_${n}`,
      displayName: `${first} ${last}`,
      language: LANGUAGES[lang]!.code,
      followers,
      verified: followers > 50_000 && rng.chance(0.5),
    };
  }

  nextMessageId(account: AccountSeed): string {
    return `${account.id}-m${++this.messageSeq}`;
  }

  nextConversationId(account: AccountSeed): string {
    return `${account.id}-c${++this.conversationSeq}`;
  }

  item(
    account: AccountSeed,
    conversation: { platformId: string; kind: ConversationKind },
    author: CustomerSeed | null,
    lang: number,
    createdAt: number,
  ): InboundItem {
    const body = this.body(lang, author ? 0.02 : 0);
    const own = { platformId: `${account.id}-self`, handle: account.handle, displayName: account.name };
    return {
      platformId: this.nextMessageId(account),
      conversation: { platformId: conversation.platformId, kind: conversation.kind, subject: conversation.kind === 'email' ? body.slice(0, 60) : null },
      author: author
        ? {
            platformId: author.platformId,
            handle: author.handle,
            displayName: author.displayName,
            language: author.language,
            followers: author.followers,
            verified: author.verified,
            profileUrl: null,
          }
        : own,
      direction: author ? 'in' : 'out',
      body,
      createdAt,
      language: LANGUAGES[lang]!.code,
    };
  }

  /**
   * A history backfill: `count` messages in conversations of 3-7 messages (mean 5), about three
   * conversations per customer, ~25 % of follow-ups posted by the account itself, ordered by time
   * so a conversation's messages arrive spread over several pages.
   */
  backfill(account: AccountSeed, count: number, start: number, end: number): InboundItem[] {
    const rng = this.rng;
    const conversations = Math.max(1, Math.round(count / 5));
    const customers: CustomerSeed[] = [];
    const customerLang: number[] = [];
    for (let i = 0; i < Math.max(1, Math.round(conversations / 3)); i++) {
      const lang = this.languageIndex();
      customers.push(this.customer(lang));
      customerLang.push(lang);
    }
    const items: InboundItem[] = [];
    const span = end - start;
    for (let k = 0; k < conversations && items.length < count; k++) {
      const ci = rng.int(customers.length);
      const customer = customers[ci]!;
      const lang = customerLang[ci]!;
      const conversation = { platformId: this.nextConversationId(account), kind: rng.pick(account.kinds) };
      const n = k === conversations - 1 ? count - items.length : Math.min(3 + rng.int(5), count - items.length);
      let t = start + Math.floor((k / conversations) * span * 0.97) + rng.int(60_000);
      for (let j = 0; j < n; j++) {
        const fromUs = j > 0 && rng.chance(0.25);
        items.push(this.item(account, conversation, fromUs ? null : customer, lang, t));
        t += 60_000 + Math.floor(-Math.log(1 - rng.next()) * 20 * 60_000); // ~20 min apart
      }
    }
    items.sort((a, b) => a.createdAt - b.createdAt);
    return items;
  }

  /**
   * The search mix: common words, rare words (tens to a few hundred hits at a million messages),
   * two-word queries (common + common, common + rare, in one language) and typed-so-far prefixes.
   * Every query goes through toFtsQuery, which makes its last word a prefix anyway.
   */
  searchQueries(total = 200): { kind: SearchKind; q: string }[] {
    const rng = this.rng;
    const byWeight = () => {
      const i = this.languageIndex();
      return { v: this.vocab[i]!, latin: LANGUAGES[i]!.code !== 'ja' && LANGUAGES[i]!.code !== 'ar' };
    };
    const common = (v: Vocabulary) => v.words[rng.int(Math.min(v.code === 'en' ? 40 : 12, v.words.length))]!;
    const rare = (v: Vocabulary) => v.words[Math.floor(v.words.length * 0.4) + rng.int(Math.floor(v.words.length * 0.6))]!;
    const out: { kind: SearchKind; q: string }[] = [];
    const seen = new Set<string>();
    const add = (kind: SearchKind, q: string) => {
      if (!seen.has(q)) {
        seen.add(q);
        out.push({ kind, q });
      }
    };
    const quota = { common: 0.25, rare: 0.25, 'two-word': 0.3, prefix: 0.2 } satisfies Record<SearchKind, number>;
    for (const kind of Object.keys(quota) as SearchKind[]) {
      const want = Math.round(total * quota[kind]);
      for (let guard = 0, have = 0; have < want && guard < want * 50; guard++) {
        const { v, latin } = byWeight();
        let q: string;
        if (kind === 'common') q = common(v);
        else if (kind === 'rare') q = rare(v);
        else if (kind === 'two-word') q = `${common(v)} ${rng.chance(0.5) ? common(v) : rare(v)}`;
        else {
          if (!latin) continue;
          const w = v.words[5 + rng.int(Math.min(400, v.words.length - 5))]!;
          if (w.length < 5) continue;
          q = w.slice(0, 2 + rng.int(3));
        }
        const before = out.length;
        add(kind, q);
        if (out.length > before) have++;
      }
    }
    return out;
  }
}

export type SearchKind = 'common' | 'rare' | 'two-word' | 'prefix';

export const DESK_ACCOUNTS: AccountSeed[] = [
  { id: 'acc-x', platform: 'x', handle: '@brandhelp', name: 'Brand Support', kinds: ['mention', 'mention', 'mention', 'dm'] },
  { id: 'acc-mastodon', platform: 'mastodon', handle: '@brand@social.example', name: 'Brand', kinds: ['mention', 'dm'] },
  { id: 'acc-bsky', platform: 'bluesky', handle: '@brand.bsky.social', name: 'Brand', kinds: ['mention'] },
  { id: 'acc-mail', platform: 'email', handle: 'help@brand.example', name: 'Brand Help Desk', kinds: ['email'] },
];
