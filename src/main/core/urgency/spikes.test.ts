import { describe, expect, it } from 'vitest';
import { DEFAULT_URGENCY_RULES } from '@shared/urgency';
import { SpikeDetector, spikeOptions, type SpikeDetectorOptions, type SpikeEvent } from './spikes';
import { brandTerms, significantTerms } from './terms';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

/** A fake clock the test moves by hand; every message is stamped with its time. */
class FakeClock {
  t = T0;
  advance(minutes: number): number {
    return (this.t += minutes * MIN);
  }
}

function setUp(options: SpikeDetectorOptions = {}) {
  let seq = 0;
  const detector = new SpikeDetector({ newIncidentId: (term) => `inc-${++seq}-${term}`, ...options });
  const clock = new FakeClock();
  let n = 0;
  const post = (text: string, extra: { authorId?: string; language?: string; id?: string } = {}) =>
    detector.observe({ messageId: extra.id ?? `m${++n}`, time: clock.t, text, language: extra.language ?? 'en', authorId: extra.authorId });
  return { detector, clock, post };
}
const types = (events: SpikeEvent[]) => events.map((e) => e.type);

describe('SpikeDetector', () => {
  it('opens an incident when N messages share a term within M minutes, then joins and closes it', () => {
    const { detector, clock, post } = setUp();
    const texts = ['the outage again?', 'is there an outage', 'Outage in Riga', 'total outage 😡', 'OUTAGE!!!'];
    for (const text of texts.slice(0, 4)) {
      expect(post(text)).toEqual([]);
      clock.advance(2);
    }
    const [opened] = post(texts[4]!);
    expect(opened).toEqual({
      type: 'opened',
      incident: { id: 'inc-1-outage', term: 'outage', terms: ['outage'], firstAt: T0, lastAt: T0 + 8 * MIN, messageIds: ['m1', 'm2', 'm3', 'm4', 'm5'], messageCount: 5 },
    });

    clock.advance(9);
    expect(post('still an outage here')).toEqual([{ type: 'joined', incidentId: 'inc-1-outage', messageId: 'm6', at: T0 + 17 * MIN, messageCount: 6 }]);
    expect(detector.openIncidents()[0]).toMatchObject({ lastAt: T0 + 17 * MIN, messageCount: 6, messageIds: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'] });

    // Closes after M minutes without a message with the term.
    expect(detector.tick(T0 + 27 * MIN - 1)).toEqual([]);
    const [closed] = detector.tick(T0 + 27 * MIN);
    expect(closed).toMatchObject({ type: 'closed', reason: 'quiet', incident: { id: 'inc-1-outage', messageCount: 6, lastAt: T0 + 17 * MIN } });
    expect(detector.openIncidents()).toEqual([]);

    // The term starts over: one message is no incident.
    clock.advance(11);
    expect(post('outage?')).toEqual([]);
  });

  it('does not open when the messages are spread wider than the window', () => {
    const { clock, post } = setUp();
    for (let i = 0; i < 10; i++) {
      expect(post('refund please')).toEqual([]);
      clock.advance(2.6);
    }
  });

  it('closes quiet incidents from observe() too, and reports them with what the message did', () => {
    const { clock, post } = setUp({ minMessages: 2, windowMinutes: 5 });
    post('#AcmeDown');
    expect(types(post('#acmedown ugh'))).toEqual(['opened']);
    clock.advance(6);
    expect(types(post('baggage lost'))).toEqual(['closed']);
  });

  it('counts hashtags as terms and ignores the brand, stop words, handles and links', () => {
    const { post } = setUp({ ignore: ['@acme_help', 'Acme Air'] });
    for (let i = 0; i < 10; i++) expect(post(`hi @acme_help, thanks Acme Air! #AcmeAir https://acme.com/x${i} @someone_${i}`)).toEqual([]);
    const events = [0, 1, 2, 3, 4].flatMap((i) => post(`@acme_help word${i} #NoRefund`));
    expect(events).toMatchObject([{ type: 'opened', incident: { term: '#norefund' } }]);
  });

  it('groups the terms of one story into one incident', () => {
    const { detector, post } = setUp();
    const events = [0, 1, 2, 3, 4].flatMap(() => post('app down, outage'));
    expect(events).toEqual([
      { type: 'opened', incident: expect.objectContaining({ term: 'app', terms: ['app'] }) },
      { type: 'grouped', incidentId: 'inc-1-app', term: 'down' },
      { type: 'grouped', incidentId: 'inc-1-app', term: 'outage' },
    ]);
    expect(detector.openIncidents()).toHaveLength(1);
    expect(detector.openIncidents()[0]!.terms).toEqual(['app', 'down', 'outage']);
    // A later message with any of the terms joins it once.
    expect(types(post('outage and the app is down'))).toEqual(['joined']);
    // A term that crosses later is grouped together with its earlier messages.
    const later = [0, 1, 2, 3, 4].flatMap(() => post('app down in Riga'));
    expect(later.filter((e) => e.type === 'grouped')).toEqual([{ type: 'grouped', incidentId: 'inc-1-app', term: 'riga' }]);
    expect(detector.openIncidents()[0]!.messageCount).toBe(11);
  });

  it('counts one author once toward opening', () => {
    const { post } = setUp();
    for (let i = 0; i < 8; i++) expect(post('where is my refund', { authorId: 'spammer' })).toEqual([]);
    const events = ['a', 'b', 'c', 'd'].flatMap((a) => post('refund refund', { authorId: a }));
    expect(events).toMatchObject([{ type: 'opened', incident: { term: 'refund', messageCount: 5, messageIds: ['m8', 'm9', 'm10', 'm11', 'm12'] } }]);
  });

  it('ignores messages fed twice and messages older than the window', () => {
    const { detector, clock, post } = setUp({ minMessages: 2 });
    post('refund', { id: 'a' });
    expect(post('refund', { id: 'a' })).toEqual([]);
    clock.advance(30);
    post('hello world');
    clock.t -= 20 * MIN;
    expect(post('refund')).toEqual([]);
    expect(detector.stats().lateMessages).toBe(1);
  });

  it('finds spikes in other languages with their stop words', () => {
    const es = setUp();
    const events = ['la app no funciona', 'no funciona la app!!', 'app caída, no funciona', 'otra vez no funciona', 'funciona?? no'].flatMap((t) => es.post(t, { language: 'es' }));
    expect(events).toMatchObject([{ type: 'opened', incident: { term: 'funciona' } }]);
    const ja = setUp();
    const jaEvents = ['アプリが使えない', 'またアプリが落ちた', 'アプリにログインできない', 'アプリ障害？', 'アプリが重い'].flatMap((t) => ja.post(t, { language: 'ja' }));
    expect(jaEvents).toMatchObject([{ type: 'opened', incident: { term: 'アプリ' } }]);
  });

  it('takes N and M from the rules', () => {
    const options = spikeOptions({ ...DEFAULT_URGENCY_RULES.spikes, minMessages: 3, windowMinutes: 1 }, { ignore: ['acme'] });
    expect(options).toEqual({ ignore: ['acme'], minMessages: 3, windowMinutes: 1 });
    const { clock, post } = setUp(options);
    post('refund');
    clock.advance(0.5);
    post('refund');
    clock.advance(0.6);
    expect(post('refund')).toEqual([]);
    expect(types(post('refund'))).toEqual(['opened']);
  });

  it('does not call the words the account always hears a spike, once it knows them', () => {
    // Six hours of steady traffic: "flight" in every message, 1.5 a minute.
    const history = (detector: SpikeDetector) => {
      for (let i = 0; i < 540; i++) detector.learn({ time: T0 - 6 * 60 * MIN + i * 40_000, text: `my flight ${i % 7 === 0 ? 'to Riga' : 'today'}` });
    };
    const steady = (post: (t: string) => SpikeEvent[], clock: FakeClock) =>
      Array.from({ length: 30 }, (_, i) => {
        clock.advance(0.66);
        return post(`flight ${i}`);
      }).flat();

    const naive = setUp({ baselineFactor: 0 });
    history(naive.detector);
    expect(types(steady(naive.post, naive.clock))).toContain('opened');

    const learned = setUp();
    history(learned.detector);
    expect(steady(learned.post, learned.clock)).toEqual([]);
    // A real burst still opens, even for a known word when it comes at several times its usual rate.
    const burst = Array.from({ length: 40 }, () => learned.post('flight cancelled')).flat();
    expect(burst.filter((e) => e.type === 'opened').map((e) => e.type === 'opened' && e.incident.term)).toEqual(['cancelled']);
    expect(burst.filter((e) => e.type === 'grouped')).toMatchObject([{ term: 'flight' }]);
  });

  it('keeps memory bounded: terms, window entries, recent ids, open incidents', () => {
    const { detector, clock, post } = setUp({ maxTerms: 1000, maxRecentMessages: 500, maxOpenIncidents: 2, minMessages: 2 });
    for (let i = 0; i < 20_000; i++) {
      post(`alpha${i} beta${i} gamma${i % 3000}`);
      if (i % 100 === 0) clock.advance(0.01);
    }
    const s = detector.stats();
    expect(s.terms).toBeLessThanOrEqual(1000);
    expect(s.windowEntries).toBeLessThanOrEqual(1000 * 2);
    expect(s.recentMessages).toBeLessThanOrEqual(500);
    expect(s.openIncidents).toBeLessThanOrEqual(2);

    // Three stories, room for two: the quietest closes as evicted.
    const events = ['one', 'one', 'two', 'two', 'three', 'three'].map((w) => `story${w}`).flatMap((t) => post(t));
    expect(events.filter((e) => e.type === 'closed').map((e) => e.type === 'closed' && e.reason)).toContain('evicted');
    expect(detector.stats().openIncidents).toBe(2);

    // After a long quiet everything is forgotten (baseline half-life 3 h: after 4 half-lives).
    detector.tick(clock.t + 13 * 60 * MIN);
    expect(detector.stats()).toMatchObject({ terms: 0, windowEntries: 0, openIncidents: 0, recentMessages: 0 });
  });

  it('caps the message ids an incident keeps, not its count', () => {
    const { detector, post } = setUp({ maxMessageIdsPerIncident: 10, minMessages: 2 });
    for (let i = 0; i < 50; i++) post('outage');
    expect(detector.openIncidents()[0]).toMatchObject({ messageCount: 50 });
    expect(detector.openIncidents()[0]!.messageIds).toHaveLength(10);
  });

  it('snapshots to plain JSON and restores to the same behaviour', () => {
    const idOf = (term: string, firstAt: number) => `${term}@${firstAt}`;
    const a = setUp({ newIncidentId: idOf });
    for (let i = 0; i < 5; i++) a.post(i < 4 ? 'outage' : 'outage and refund', { authorId: `u${i}` });
    for (let i = 0; i < 3; i++) a.post('refund', { authorId: `v${i}` });
    a.detector.learn({ time: T0 - 60 * MIN, text: 'flight flight' });
    const json = JSON.stringify(a.detector.snapshot());
    const b = SpikeDetector.restore(JSON.parse(json), { newIncidentId: idOf });
    expect(b.snapshot()).toEqual(JSON.parse(json));
    expect(b.openIncidents()).toEqual(a.detector.openIncidents());

    const script: [string, number, string][] = [
      ['x1', 1, 'refund now'],
      ['x2', 2, 'outage still'],
      ['x3', 3, 'refund outage'],
      ['x1', 4, 'refund now'],
      ['x4', 30, 'flight'],
    ];
    const all: SpikeEvent[] = [];
    for (const [id, minutes, text] of script) {
      const input = { messageId: id, time: T0 + minutes * MIN, text, language: 'en', authorId: id };
      const events = b.observe(input);
      expect(events).toEqual(a.detector.observe(input));
      all.push(...events);
    }
    expect(types(all)).toEqual(['opened', 'joined', 'joined', 'joined', 'closed', 'closed']);
    expect(b.snapshot()).toEqual(a.detector.snapshot());
  });

  it('refuses a malformed snapshot', () => {
    expect(() => SpikeDetector.restore({ version: 1, clock: 0, terms: [['x']], incidents: [], recent: [] })).toThrow();
    expect(() => SpikeDetector.restore({ version: 2 })).toThrow();
    expect(() => SpikeDetector.restore(null)).toThrow();
  });

  it('rejects a message without a valid time', () => {
    expect(() => new SpikeDetector().observe({ messageId: 'a', time: Number.NaN, text: 'x' })).toThrow(RangeError);
  });
});

describe('significantTerms', () => {
  it('keeps content words and hashtags, folded, once each', () => {
    expect(significantTerms('RT @acme: My flight AC881 was CANCELLED!!! Cancelled again 😡 #AcmeFail https://t.co/x #help', { language: 'en' })).toEqual([
      '#acmefail',
      '#help',
      'flight',
      'ac881',
      'cancelled',
    ]);
    expect(significantTerms('Ich warte seit Wochen auf meine Erstattung', { language: 'de' })).toEqual(['warte', 'wochen', 'erstattung']);
    expect(significantTerms('el vuelo salió con retraso, qué vergüenza', { language: 'es' })).toEqual(['vuelo', 'salio', 'retraso', 'verguenza']);
    expect(significantTerms('フライトが欠航になりました。返金してください', { language: 'ja' })).toEqual(['フライト', '欠航', '返金']);
    expect(significantTerms('order #88123 and 12345', { language: 'en' })).toEqual(['order']);
  });

  it('skips the brand in every spelling', () => {
    const ignore = brandTerms(['@acme_help', 'Acme Air', '@brand@social.example']);
    expect([...ignore].sort()).toEqual(['acme', 'acme_help', 'acmeair', 'acmehelp', 'air', 'brand', 'help'].sort());
    expect(significantTerms('Acme Air #AcmeAir #acme lost my bag', { ignore })).toEqual(['lost', 'bag']);
  });

  it('stops at the per-message limit', () => {
    expect(significantTerms('alpha bravo charlie delta echo foxtrot', { max: 3 })).toEqual(['alpha', 'bravo', 'charlie']);
  });
});
