import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { findPromises } from './promises';

/** Epoch ms of a local wall-clock time in a zone. */
const at = (local: string, timeZone: string) => Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone).epochMilliseconds;
const local = (ms: number | null, timeZone: string) =>
  ms === null ? null : Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDateTime().toString({ smallestUnit: 'minute' });

// Wednesday 2026-03-25, 11:20 in Riga.
const RIGA = 'Europe/Riga';
const sentAt = at('2026-03-25T11:20', RIGA);
const due = (text: string, zone = RIGA, when = sentAt) => findPromises(text, when, zone).map((p) => local(p.dueAt, zone));

describe('findPromises', () => {
  it.each([
    ["Thanks for your patience! I'll follow up at 15:00 with the tracking number.", '2026-03-25T15:00'],
    ['We will get back to you tomorrow.', '2026-03-27T00:00'],
    ["I'll check with the warehouse and let you know by 3 p.m. tomorrow.", '2026-03-26T15:00'],
    ['We’ll reply on Monday.', '2026-03-31T00:00'],
    ["I'll update you in 2 hours.", '2026-03-25T13:20'],
    ['Te escribo mañana a las 10.', '2026-03-26T10:00'],
    ['Le contestaré hoy a las 17:30.', '2026-03-25T17:30'],
    ['Retorno amanhã às 9h.', '2026-03-26T09:00'],
    ['Entraremos em contato hoje às 16h30.', '2026-03-25T16:30'],
    ['Ich melde mich morgen.', '2026-03-27T00:00'],
    ['Wir melden uns um 14 Uhr bei Ihnen.', '2026-03-25T14:00'],
    ['Je reviens vers vous à 15h.', '2026-03-25T15:00'],
    ['Nous vous répondrons demain à 9h30.', '2026-03-26T09:30'],
    ['Atbildēšu līdz 15:00.', '2026-03-25T15:00'],
    ['Sazināsimies rīt plkst. 10.', '2026-03-26T10:00'],
  ])('%s → %s', (text, expected) => {
    expect(due(text)).toEqual([expected]);
  });

  it('keeps the sentence the promise was made in, and no other', () => {
    const promises = findPromises('Sorry about the delay. I will get back to you at 16:00. Have a nice day!', sentAt, RIGA);
    expect(promises.map((p) => p.text)).toEqual(['I will get back to you at 16:00.']);
  });

  it('a promise with no time has no due time', () => {
    expect(findPromises("We'll get back to you as soon as we hear from the courier.", sentAt, RIGA)).toEqual([
      { text: "We'll get back to you as soon as we hear from the courier.", dueAt: null },
    ]);
  });

  it('finds nothing in a reply that promises nothing', () => {
    expect(findPromises('Your order shipped at 15:00 yesterday. Morgen ist auch noch ein Tag.', sentAt, RIGA)).toEqual([]);
  });

  it('a clock time already past today is tomorrow', () => {
    expect(due("I'll follow up at 9:00.")).toEqual(['2026-03-26T09:00']);
  });

  it('reads "la mañana" and "am Morgen" as the morning, not tomorrow', () => {
    expect(due('Le escribo por la mañana.', RIGA, at('2026-03-25T07:00', RIGA))).toEqual([null]);
    expect(due('Ich melde mich am Morgen.', RIGA, at('2026-03-25T07:00', RIGA))).toEqual([null]);
  });

  it('resolves in the agent’s zone, across a DST change', () => {
    // New York springs forward on 2026-03-08: tomorrow 10:00 is 14:00 UTC, not 15:00.
    const ny = 'America/New_York';
    const [promise] = findPromises("I'll call you tomorrow at 10am.", at('2026-03-07T16:00', ny), ny);
    expect(new Date(promise!.dueAt!).toISOString()).toBe('2026-03-08T14:00:00.000Z');
  });

  it('a half-hour zone keeps its offset', () => {
    const kolkata = 'Asia/Kolkata';
    const [promise] = findPromises("We'll reply at 18:00.", at('2026-03-25T12:00', kolkata), kolkata);
    expect(new Date(promise!.dueAt!).toISOString()).toBe('2026-03-25T12:30:00.000Z');
  });
});
