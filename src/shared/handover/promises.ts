// Promises an agent made in a reply ("I'll follow up at 15:00", "te escribo mañana a las 10",
// "ich melde mich morgen") so a handover can carry them to the next shift. Each sentence with a
// commitment phrase is a promise; the time it names is resolved in the agent's zone relative to
// when the reply was sent. English, Spanish, Portuguese, German, French and Latvian; the phrases
// of every language are tried, so a reply in the customer's language needs no language hint.
//
// What a time means:
// - a clock time with no day ("at 15:00") is the next such time after the reply (today, or
//   tomorrow once it has passed);
// - a day with no time ("tomorrow", "on Monday") is due by the end of that local day;
// - "in 2 hours" is counted from the reply;
// - a commitment with no time ("we'll get back to you") has no due time (null).
import { Temporal } from 'temporal-polyfill';

export interface AgentPromise {
  /** The sentence the promise was made in. */
  text: string;
  /** UTC epoch ms by which it should be kept; null when the reply named no time. */
  dueAt: number | null;
}

/** A phrase matched as whole words (JavaScript's \b knows only ASCII letters). */
const words = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu');

const COMMITMENTS = words(
  [
    // en
    "(?:i|we)(?:'ll|’ll| will| shall| are going to| am going to|'re going to|’re going to|'m going to|’m going to) (?:[\\p{L}]+ )?(?:follow up|get back|come back|reply|respond|answer|update|check|look into|let you know|write|contact|reach out|be in touch|call|confirm|send)",
    'let me (?:check|look into|find out) and (?:get back|follow up|let you know)',
    // es
    '(?:te|le|les|os) (?:escribo|escribiré|escribiremos|contesto|contestaré|contestaremos|respondo|responderé|responderemos|llamo|llamaré|llamaremos|aviso|avisaré|avisaremos|informo|informaré|informaremos|confirmo|confirmaré|confirmaremos|contactaré|contactaremos)',
    '(?:me pondré|nos pondremos|me pongo|nos ponemos) en contacto',
    '(?:volveré|volveremos|vuelvo) a (?:escribir|contactar)',
    // pt
    '(?:retorno|retornarei|retornaremos|respondo|responderei|responderemos)',
    '(?:entro|entrarei|entraremos|entramos) em contato',
    '(?:volto|voltarei|voltaremos) a (?:falar|entrar em contato)',
    '(?:te|lhe|vos) (?:aviso|avisarei|escrevo|escreverei|respondo|responderei|ligo|ligarei)',
    // de
    '(?:ich )?melde mich',
    '(?:wir )?melden uns',
    '(?:ich|wir) (?:schreibe|schreiben|antworte|antworten|rufe|rufen|komme|kommen)(?: [\\p{L}]+){0,3} (?:zurück|an)',
    '(?:ich|wir) (?:werde|werden)(?: [\\p{L}]+){0,4} (?:melden|antworten|schreiben|zurückkommen|zurückrufen|informieren)',
    'gebe (?:ihnen|dir) (?:bescheid|rückmeldung)',
    'geben (?:ihnen|dir) (?:bescheid|rückmeldung)',
    // fr
    'je (?:reviens|reviendrai|vous reviens|vous recontacte|vous recontacterai|vous réponds|vous répondrai|vous écris|vous écrirai|vous tiens au courant|vous tiendrai au courant|vous rappelle|vous rappellerai|te réponds|te répondrai|reviens vers)',
    'nous (?:revenons|reviendrons|vous recontactons|vous recontacterons|vous répondrons|vous écrirons|vous tiendrons au courant)',
    '(?:je vais|nous allons) (?:vous |te )?(?:répondre|recontacter|écrire|rappeler|revenir|tenir au courant)',
    // lv
    'atbildēšu|atbildēsim|sazināšos|sazināsimies|uzrakstīšu|uzrakstīsim|informēšu|informēsim|paziņošu|paziņosim|piezvanīšu|piezvanīsim|atgriezīšos|atgriezīsimies',
  ].join('|'),
);

const DAY_AFTER_TOMORROW = words('the day after tomorrow|pasado mañana|depois de amanhã|übermorgen|après-demain|parīt');
// "mañana" after "la"/"esta" is "the morning"; "Morgen" after "am"/"heute" is "the morning".
const TOMORROW = words('tomorrow|(?<!(?:la|esta|por la|de la) )mañana|amanhã|(?<!(?:am|heute|guten) )morgen|demain|rīt|rītdien');
const TODAY = words("today|tonight|later today|this (?:afternoon|evening)|hoy|esta tarde|hoje|esta tarde|heute|aujourd['’]hui|ce soir|cet après-midi|šodien|šovakar");

/** ISO weekday (1 = Monday) by name, each language. */
const WEEKDAY_NAMES: [number, string][] = [
  [1, 'monday|lunes|segunda(?:-feira)?|montag|lundi|pirmdien'],
  [2, 'tuesday|martes|terça(?:-feira)?|dienstag|mardi|otrdien'],
  [3, 'wednesday|miércoles|quarta(?:-feira)?|mittwoch|mercredi|trešdien'],
  [4, 'thursday|jueves|quinta(?:-feira)?|donnerstag|jeudi|ceturtdien'],
  [5, 'friday|viernes|sexta(?:-feira)?|freitag|vendredi|piektdien'],
  [6, 'saturday|sábado|samstag|samedi|sestdien'],
  [7, 'sunday|domingo|sonntag|dimanche|svētdien'],
];
const WEEKDAYS = WEEKDAY_NAMES.map(([day, names]) => [day, words(names)] as const);

/** Clock times, most specific first; groups: hour, minute, meridiem. */
const TIMES: RegExp[] = [
  /(?<![\d.:])(\d{1,2})[:.](\d{2})\s*(a\.?m\.?|p\.?m\.?)(?![\p{L}])/iu,
  /(?<![\d.:])(\d{1,2})\s*(a\.?m\.?|p\.?m\.?)(?![\p{L}])/iu,
  /(?<![\d.:])(\d{1,2}):(\d{2})(?!\d)/u,
  /(?<![\d.:])(\d{1,2})\s*h\s*(\d{2})?(?![\p{L}\d])/iu,
  /(?<![\d.:])(\d{1,2})(?:[.:](\d{2}))?\s*uhr(?![\p{L}])/iu,
  /(?<![\p{L}])(?:a las|a la|às|as|plkst\.?|pulksten)\s+(\d{1,2})(?:[.:](\d{2}))?(?![\d])/iu,
];
const NOON = words('noon|midday|mediodía|meio-dia|mittag|midi|pusdienlaikā');

const IN_DURATION = /(?<![\p{L}])(?:in|en|em|dans|pēc)\s+(\d{1,3})\s*(minutes?|mins?|minutos?|minuten|minūtēm|minūtes|hours?|hrs?|horas?|stunden?|heures?|stundām|stundas)(?![\p{L}])/iu;

interface TimeOfDay {
  hour: number;
  minute: number;
}

function clockTime(sentence: string): TimeOfDay | null {
  for (const pattern of TIMES) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    let hour = Number(match[1]);
    const second = match[2];
    const meridiem = (match[3] ?? (second && /^[ap]/i.test(second) ? second : undefined))?.toLowerCase();
    const minute = second && /^\d+$/.test(second) ? Number(second) : 0;
    if (meridiem) {
      if (hour < 1 || hour > 12) continue;
      hour = (hour % 12) + (meridiem.startsWith('p') ? 12 : 0);
    }
    if (hour > 23 || minute > 59) continue;
    return { hour, minute };
  }
  return NOON.test(sentence) ? { hour: 12, minute: 0 } : null;
}

function durationMs(sentence: string): number | null {
  const match = IN_DURATION.exec(sentence);
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  return amount * (unit.startsWith('m') ? 60_000 : 3_600_000);
}

/** Days after the reply's local date the sentence names, or null when it names none. */
function dayOffset(sentence: string, sentOn: Temporal.PlainDate): number | null {
  if (DAY_AFTER_TOMORROW.test(sentence)) return 2;
  if (TOMORROW.test(sentence)) return 1;
  if (TODAY.test(sentence)) return 0;
  for (const [day, pattern] of WEEKDAYS) {
    if (pattern.test(sentence)) return ((day - sentOn.dayOfWeek + 7) % 7) || 7;
  }
  return null;
}

/** When the promise in `sentence` is due, or null when it names no time. */
export function resolveDueAt(sentence: string, sentAt: number, timeZone: string): number | null {
  const inMs = durationMs(sentence);
  if (inMs !== null) return sentAt + inMs;
  const sent = Temporal.Instant.fromEpochMilliseconds(sentAt).toZonedDateTimeISO(timeZone);
  const offset = dayOffset(sentence, sent.toPlainDate());
  const time = clockTime(sentence);
  if (time === null && offset === null) return null;
  const date = sent.toPlainDate().add({ days: offset ?? 0 });
  if (time === null) return date.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
  const due = date.toZonedDateTime({ timeZone, plainTime: new Temporal.PlainTime(time.hour, time.minute) });
  // "at 15:00" written at 16:00 means tomorrow's 15:00.
  if (offset === null && due.epochMilliseconds <= sentAt) return due.add({ days: 1 }).epochMilliseconds;
  return due.epochMilliseconds;
}

/** Sentences: split after . ! ? before a capital or a new line (so "3 p.m. tomorrow" and "plkst. 15" stay whole). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}¡¿])|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The promises in an agent's reply sent at `sentAt`, times resolved in the agent's `timeZone`. */
export function findPromises(text: string, sentAt: number, timeZone: string): AgentPromise[] {
  return sentences(text)
    .filter((sentence) => COMMITMENTS.test(sentence))
    .map((sentence) => ({ text: sentence, dueAt: resolveDueAt(sentence, sentAt, timeZone) }));
}
