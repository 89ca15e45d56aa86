// Spikes → incidents, one detector per account.
//
// Each message is reduced to its significant terms (terms.ts). When `minMessages` messages that
// share a term arrive within `windowMinutes`, an incident opens for that term with those messages;
// later messages with the term join it, and it closes after `windowMinutes` without one. Several
// terms crossing the threshold in one message ("app", "down", "#outage") make one incident with
// several terms, not three.
//
// A word the account always hears ("flight" on an airline's account) would cross a fixed
// threshold every few minutes, so each term also keeps a decaying count of its usual traffic
// (half-life `baselineHalfLifeMinutes`): it spikes only when the window holds at least
// `baselineFactor` times what that traffic predicts. A term never seen before spikes at
// `minMessages`; a detector started without a snapshot can learn() recent history first.
//
// Cost per message: O(terms in the message) (each term: a map look-up and a window of at most a
// few entries); eviction is amortised O(1) because the maps are kept in least-recently-seen order.
// Memory is bounded by maxTerms × window entries, maxOpenIncidents × maxMessageIdsPerIncident and
// maxRecentMessages. Time is the messages' own (UTC ms) or what tick() is given, never the wall
// clock, so tests drive it and a restored detector goes on where it stopped.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SpikeSettings } from '@shared/urgency';
import { brandTerms, significantTerms } from './terms';

const MINUTE = 60_000;

export interface SpikeDetectorOptions {
  /** N: messages sharing a term that open an incident. Default 5. */
  minMessages?: number;
  /** M: the window, and the quiet time after which an incident closes. Default 10. */
  windowMinutes?: number;
  /** The brand's own handles and names ("@acme_help", "Acme Air"): never a spike term. */
  ignore?: readonly string[];
  /** A term spikes only at this multiple of its usual traffic in the window. Default 3; 0 turns the baseline off. */
  baselineFactor?: number;
  /** How fast a term's usual traffic is forgotten. Default 180 minutes. */
  baselineHalfLifeMinutes?: number;
  /** Terms tracked at once (least recently seen evicted first). Default 50,000. */
  maxTerms?: number;
  /** Open incidents at once (the quietest closed first). Default 100. */
  maxOpenIncidents?: number;
  /** Message ids an incident keeps in memory (its messageCount goes on counting). Default 1,000. */
  maxMessageIdsPerIncident?: number;
  /** Recent message ids remembered to ignore a message fed twice. Default 20,000. */
  maxRecentMessages?: number;
  /** Terms looked at per message. Default 32. */
  maxTermsPerMessage?: number;
  /** Ids of new incidents (default: random UUIDs). */
  newIncidentId?: (term: string, firstAt: number) => string;
}

/** The detector options from the rules' spike settings. */
export function spikeOptions(settings: SpikeSettings, extra: Omit<SpikeDetectorOptions, 'minMessages' | 'windowMinutes'> = {}): SpikeDetectorOptions {
  return { ...extra, minMessages: settings.minMessages, windowMinutes: settings.windowMinutes };
}

export interface SpikeInput {
  /** The message's id (the replica's or the platform's: whatever the caller wants back). */
  messageId: string;
  /** When it was posted, UTC ms. */
  time: number;
  text: string;
  /** Picks the stop words; English ones always apply. */
  language?: string | null;
  /** When given, one author posting the same term five times counts once toward opening an incident. */
  authorId?: string | null;
}

export interface Incident {
  id: string;
  /** The term that opened it ("#outage", "refund", "欠航"). */
  term: string;
  /** Every term grouped into it, `term` first. */
  terms: string[];
  firstAt: number;
  lastAt: number;
  /** In time order; at most maxMessageIdsPerIncident (the first ones). */
  messageIds: string[];
  messageCount: number;
}

export type SpikeEvent =
  | { type: 'opened'; incident: Incident }
  | { type: 'joined'; incidentId: string; messageId: string; at: number; messageCount: number }
  | { type: 'grouped'; incidentId: string; term: string }
  | { type: 'closed'; incident: Incident; reason: 'quiet' | 'evicted' };

interface Entry {
  id: string;
  t: number;
  author: string | null;
}

interface TermState {
  /** Recent messages with the term, oldest first; only those inside the window count. */
  entries: Entry[];
  /** Decaying count of the term's occurrences, as of rateAt. */
  rate: number;
  rateAt: number;
  lastSeen: number;
}

interface OpenIncident extends Incident {
  ids: Set<string>;
}

export class SpikeDetector {
  private readonly n: number;
  private readonly windowMs: number;
  private readonly ignore: Set<string>;
  private readonly factor: number;
  private readonly halfLifeMs: number;
  private readonly staleMs: number;
  private readonly maxTerms: number;
  private readonly maxOpen: number;
  private readonly maxIds: number;
  private readonly maxRecent: number;
  private readonly maxTermsPerMessage: number;
  private readonly newId: (term: string, firstAt: number) => string;

  private clock = Number.NEGATIVE_INFINITY;
  /** Least recently seen first. */
  private readonly terms = new Map<string, TermState>();
  private readonly incidentByTerm = new Map<string, OpenIncident>();
  /** Open incidents, least recently joined first. */
  private readonly open = new Map<string, OpenIncident>();
  /** Message id → time, oldest first. */
  private readonly recent = new Map<string, number>();
  private late = 0;

  constructor(options: SpikeDetectorOptions = {}) {
    this.n = Math.max(2, Math.floor(options.minMessages ?? 5));
    this.windowMs = Math.max(1, options.windowMinutes ?? 10) * MINUTE;
    this.ignore = brandTerms(options.ignore ?? []);
    this.factor = Math.max(0, options.baselineFactor ?? 3);
    this.halfLifeMs = Math.max(1, options.baselineHalfLifeMinutes ?? 180) * MINUTE;
    // A baseline decayed below 1/16 of one occurrence is gone: forget the term.
    this.staleMs = this.factor > 0 ? Math.max(this.windowMs, 4 * this.halfLifeMs) : this.windowMs;
    this.maxTerms = Math.max(1, options.maxTerms ?? 50_000);
    this.maxOpen = Math.max(1, options.maxOpenIncidents ?? 100);
    this.maxIds = Math.max(this.n, options.maxMessageIdsPerIncident ?? 1000);
    this.maxRecent = Math.max(1, options.maxRecentMessages ?? 20_000);
    this.maxTermsPerMessage = Math.max(1, options.maxTermsPerMessage ?? 32);
    this.newId = options.newIncidentId ?? (() => randomUUID());
  }

  /** Feeds one incoming message; returns what it opened, joined or grouped, and what closed meanwhile. */
  observe(input: SpikeInput): SpikeEvent[] {
    if (!Number.isFinite(input.time)) throw new RangeError(`SpikeDetector: message ${input.messageId} has no valid time`);
    // Older than the window (a backfill, a late page): it cannot be part of a current spike.
    if (input.time <= this.clock - this.windowMs) {
      this.late++;
      return [];
    }
    const events = this.tick(input.time);
    if (this.recent.has(input.messageId)) return events;
    this.remember(input.messageId, input.time);

    const author = input.authorId ?? null;
    const entry: Entry = { id: input.messageId, t: input.time, author };
    let mine: OpenIncident | null = null;
    const joined = new Set<OpenIncident>();
    // Open incidents first, so a term crossing the threshold in this message joins the story the
    // message already belongs to instead of opening a second one.
    const fresh: [string, TermState][] = [];
    for (const term of significantTerms(input.text, { language: input.language, ignore: this.ignore, max: this.maxTermsPerMessage })) {
      const state = this.touch(term, input.time);
      const incident = this.incidentByTerm.get(term);
      if (!incident) fresh.push([term, state]);
      else if (!joined.has(incident)) {
        joined.add(incident);
        events.push(this.join(incident, input.messageId, input.time));
        mine ??= incident;
      }
    }
    for (const [term, state] of fresh) {
      addEntry(state.entries, entry, this.clock - this.windowMs);
      const needed = this.threshold(state);
      // Beyond 20 × N the term is too common to spike anyway: the window keeps no more.
      if (state.entries.length > Math.min(needed, this.n * 20)) state.entries.splice(0, state.entries.length - Math.min(needed, this.n * 20));
      if (state.entries.length < needed) continue;

      const window = state.entries;
      state.entries = [];
      if (mine) {
        // Another of this message's terms already has an incident: group the term into it.
        mine.terms.push(term);
        this.incidentByTerm.set(term, mine);
        events.push({ type: 'grouped', incidentId: mine.id, term });
        for (const e of window) if (!mine.ids.has(e.id)) events.push(this.join(mine, e.id, e.t));
      } else {
        mine = this.openIncident(term, window);
        joined.add(mine);
        events.push({ type: 'opened', incident: publicIncident(mine) });
        while (this.open.size > this.maxOpen) events.push(this.close(this.open.values().next().value!, 'evicted'));
      }
    }
    return events;
  }

  /**
   * Teaches the baseline a message from the account's history without looking for spikes (any
   * order, any age). A detector started without a snapshot learns the last few hours this way,
   * or the words the account always hears spike in its first hours.
   */
  learn(input: Pick<SpikeInput, 'time' | 'text' | 'language'>): void {
    if (this.factor === 0 || !Number.isFinite(input.time)) return;
    for (const term of significantTerms(input.text, { language: input.language, ignore: this.ignore, max: this.maxTermsPerMessage })) this.touch(term, input.time);
  }

  /** Moves the clock to `now` (UTC ms; never backwards): closes quiet incidents and forgets stale terms. */
  tick(now: number): SpikeEvent[] {
    if (now > this.clock) this.clock = now;
    const events: SpikeEvent[] = [];
    const quietSince = this.clock - this.windowMs;
    for (const incident of this.open.values()) {
      if (incident.lastAt > quietSince) break;
      events.push(this.close(incident, 'quiet'));
    }
    const staleSince = this.clock - this.staleMs;
    for (const [term, state] of this.terms) {
      if (state.lastSeen > staleSince && this.terms.size <= this.maxTerms) break;
      this.terms.delete(term);
    }
    for (const [id, t] of this.recent) {
      if (t > quietSince && this.recent.size <= this.maxRecent) break;
      this.recent.delete(id);
    }
    return events;
  }

  /** The incidents open now, oldest activity first (copies). */
  openIncidents(): Incident[] {
    return [...this.open.values()].map(publicIncident);
  }

  /** Sizes, for tests and diagnostics. */
  stats(): { terms: number; windowEntries: number; openIncidents: number; recentMessages: number; lateMessages: number; clock: number } {
    let windowEntries = 0;
    for (const s of this.terms.values()) windowEntries += s.entries.length;
    return { terms: this.terms.size, windowEntries, openIncidents: this.open.size, recentMessages: this.recent.size, lateMessages: this.late, clock: this.clock };
  }

  /** Plain JSON of the whole state, for the core to persist. Options are not in it: pass them to restore(). */
  snapshot(): SpikeSnapshot {
    return {
      version: 1,
      clock: Number.isFinite(this.clock) ? this.clock : null,
      terms: [...this.terms].map(([term, s]) => [term, s.lastSeen, s.rate, s.rateAt, s.entries.map((e) => [e.id, e.t, e.author] as [string, number, string | null])]),
      incidents: [...this.open.values()].map(publicIncident),
      recent: [...this.recent],
    };
  }

  /** A detector in the state a snapshot recorded (validated: a malformed snapshot throws). */
  static restore(snapshot: unknown, options: SpikeDetectorOptions = {}): SpikeDetector {
    const s = spikeSnapshotSchema.parse(snapshot);
    const d = new SpikeDetector(options);
    d.clock = s.clock ?? Number.NEGATIVE_INFINITY;
    for (const [term, lastSeen, rate, rateAt, entries] of s.terms) {
      d.terms.set(term, { lastSeen, rate, rateAt, entries: entries.map(([id, t, author]) => ({ id, t, author })) });
    }
    for (const i of s.incidents) {
      const incident: OpenIncident = { ...i, terms: [...i.terms], messageIds: [...i.messageIds], ids: new Set(i.messageIds) };
      d.open.set(incident.id, incident);
      for (const term of incident.terms) d.incidentByTerm.set(term, incident);
    }
    for (const [id, t] of s.recent) d.recent.set(id, t);
    // Options may have shrunk the bounds since: apply them.
    d.tick(d.clock);
    return d;
  }

  // -------------------------------------------------------------------------------------------

  /** The term's state, moved to the most-recent end, its usual-traffic count bumped. */
  private touch(term: string, time: number): TermState {
    let state = this.terms.get(term);
    if (state) this.terms.delete(term);
    else state = { entries: [], rate: 0, rateAt: time, lastSeen: time };
    if (this.factor > 0) {
      if (time >= state.rateAt) {
        state.rate = state.rate * 2 ** (-(time - state.rateAt) / this.halfLifeMs) + 1;
        state.rateAt = time;
      } else state.rate += 2 ** (-(state.rateAt - time) / this.halfLifeMs);
    }
    if (time > state.lastSeen) state.lastSeen = time;
    this.terms.set(term, state);
    if (this.terms.size > this.maxTerms) this.terms.delete(this.terms.keys().next().value!);
    return state;
  }

  /** Messages with the term needed in the window to call it a spike. */
  private threshold(state: TermState): number {
    if (this.factor === 0) return this.n;
    // Usual traffic: the decayed count without what is in the window now, spread over the
    // count's mean lifetime (half-life / ln 2), scaled to one window.
    const usual = Math.max(0, state.rate - state.entries.length);
    const expected = (usual * this.windowMs * Math.LN2) / this.halfLifeMs;
    return Math.max(this.n, Math.ceil(this.factor * expected));
  }

  private openIncident(term: string, window: Entry[]): OpenIncident {
    const sorted = [...window].sort((a, b) => a.t - b.t);
    const incident: OpenIncident = {
      id: this.newId(term, sorted[0]!.t),
      term,
      terms: [term],
      firstAt: sorted[0]!.t,
      lastAt: sorted[sorted.length - 1]!.t,
      messageIds: sorted.map((e) => e.id),
      messageCount: sorted.length,
      ids: new Set(sorted.map((e) => e.id)),
    };
    this.open.set(incident.id, incident);
    this.incidentByTerm.set(term, incident);
    return incident;
  }

  private join(incident: OpenIncident, messageId: string, at: number): SpikeEvent {
    if (!incident.ids.has(messageId)) {
      incident.messageCount++;
      if (incident.messageIds.length < this.maxIds) {
        incident.messageIds.push(messageId);
        incident.ids.add(messageId);
      }
    }
    if (at > incident.lastAt) incident.lastAt = at;
    if (at < incident.firstAt) incident.firstAt = at;
    // Most recently joined last, so tick() finds the quiet ones at the front.
    this.open.delete(incident.id);
    this.open.set(incident.id, incident);
    return { type: 'joined', incidentId: incident.id, messageId, at, messageCount: incident.messageCount };
  }

  private close(incident: OpenIncident, reason: 'quiet' | 'evicted'): SpikeEvent {
    this.open.delete(incident.id);
    for (const term of incident.terms) {
      if (this.incidentByTerm.get(term) === incident) this.incidentByTerm.delete(term);
    }
    return { type: 'closed', incident: publicIncident(incident), reason };
  }

  private remember(messageId: string, time: number): void {
    this.recent.set(messageId, time);
    if (this.recent.size > this.maxRecent) this.recent.delete(this.recent.keys().next().value!);
  }
}

/** Adds a message to a term's window: drops what left the window, keeps one entry per author. */
function addEntry(entries: Entry[], entry: Entry, windowStart: number): void {
  let w = 0;
  for (const e of entries) {
    if (e.t <= windowStart) continue;
    if (entry.author !== null && e.author === entry.author) continue;
    entries[w++] = e;
  }
  entries.length = w;
  entries.push(entry);
}

function publicIncident(i: OpenIncident): Incident {
  return { id: i.id, term: i.term, terms: [...i.terms], firstAt: i.firstAt, lastAt: i.lastAt, messageIds: [...i.messageIds], messageCount: i.messageCount };
}

const incidentSchema = z.object({
  id: z.string().min(1),
  term: z.string().min(1),
  terms: z.array(z.string().min(1)).min(1),
  firstAt: z.number(),
  lastAt: z.number(),
  messageIds: z.array(z.string()),
  messageCount: z.number().int().min(0),
});

export const spikeSnapshotSchema = z.object({
  version: z.literal(1),
  clock: z.number().nullable(),
  /** [term, lastSeen, rate, rateAt, [[messageId, time, authorId], ...]], least recently seen first. */
  terms: z.array(z.tuple([z.string(), z.number(), z.number(), z.number(), z.array(z.tuple([z.string(), z.number(), z.string().nullable()]))])),
  incidents: z.array(incidentSchema),
  /** [messageId, time], oldest first. */
  recent: z.array(z.tuple([z.string(), z.number()])),
});

export type SpikeSnapshot = z.infer<typeof spikeSnapshotSchema>;
