// Shift scheduling: agent profiles, shift patterns and time off, checked and versioned here;
// the maths (occurrences, conflicts, who is on shift) is src/shared/schedule/*.
import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import { canonicalTimeZone, isOpen, type BusinessCalendar } from '@shared/businessHours';
import { conflict, invalidInput, notFound } from '@shared/errors';
import { parseIcsHolidays } from '@shared/icsHolidays';
import { agentProfileSchema, shiftSchema, timeOffSchema, type AgentProfile, type OnShiftSummary, type Shift, type ScheduleView, type ShiftOccurrence, type TimeOff } from '@shared/schedule';
import { findConflicts } from '@shared/schedule/conflicts';
import { expandShifts, lastLocalDate, onShiftSummary } from '@shared/schedule/occurrences';
import type { EventBus } from '../events';
import type { Translate } from '../i18n/translator';
import type { Clock } from '../ports';
import type { Repos } from '../repos';
import { shiftsToIcs } from './shiftsIcs';

const DAY_MS = 86_400_000;
/** The longest window getSchedule serves (a year and a bit: the export and coverage use it). */
export const MAX_SCHEDULE_WINDOW_MS = 400 * DAY_MS;
/** How far ahead "who is next" looks. */
const NEXT_HORIZON_MS = 7 * DAY_MS;
/**
 * Local dates are within a day of UTC dates, and an occurrence lasts at most a day: a margin of
 * two days around a window's UTC dates finds every pattern that can reach it.
 */
const DATE_MARGIN_MS = 2 * DAY_MS;

export class ScheduleService {
  constructor(private readonly deps: { repos: Repos; clock: Clock; events: EventBus }) {}

  schedule(from: number, to: number): ScheduleView {
    if (!(to > from)) throw invalidInput('The schedule window must end after it starts');
    if (to - from > MAX_SCHEDULE_WINDOW_MS) throw invalidInput(`The schedule window may span at most ${MAX_SCHEDULE_WINDOW_MS / DAY_MS} days`);
    const { schedule } = this.deps.repos;
    const shifts = this.shiftsAround(from, to);
    const timeOff = schedule.timeOffBetween(from - DAY_MS, to + DAY_MS);
    // Conflicts look a day beyond the window, so a short rest across its edge is seen.
    const conflicts = findConflicts(expandShifts(shifts, from - DAY_MS, to + DAY_MS), timeOff).filter((c) => c.occurrences.some((o) => o.end > from && o.start < to));
    return {
      profiles: schedule.profiles(),
      shifts,
      timeOff: timeOff.filter((t) => t.end > from && t.start < to),
      occurrences: expandShifts(shifts, from, to, timeOff),
      conflicts,
    };
  }

  /** Worked occurrences overlapping [from, to) (time off cut out), of one agent or everyone. */
  occurrences(from: number, to: number, agentId: string | null = null): ShiftOccurrence[] {
    const shifts = this.shiftsAround(from, to).filter((s) => agentId === null || s.agentId === agentId);
    return expandShifts(shifts, from, to, this.deps.repos.schedule.timeOffBetween(from, to));
  }

  /** Who is on shift now and who comes next (within a week). */
  onShift(at = this.deps.clock.now()): OnShiftSummary {
    return onShiftSummary(this.occurrences(at - DAY_MS, at + NEXT_HORIZON_MS), at);
  }

  /**
   * Whether the agent is working at `at`, for notification routing: an agent with shifts is
   * working during an occurrence (not in time off); one without shifts during their working
   * hours, and always when they have none.
   */
  isWorking(agentId: string, at: number, workingHours: BusinessCalendar | null): boolean {
    if (this.hasShifts(agentId, at)) return this.isOnShift(agentId, at);
    return workingHours ? isOpen(workingHours, at) : true;
  }

  /** Whether the agent works by shifts: has a pattern that has not ended by `at` (a past schedule does not count). */
  hasShifts(agentId: string, at = this.deps.clock.now()): boolean {
    return this.deps.repos.schedule.hasShiftsSince(agentId, utcDate(at - DATE_MARGIN_MS));
  }

  /** Whether the agent is working at `at` by their shifts (time off counted). */
  isOnShift(agentId: string, at: number): boolean {
    return this.occurrences(at - 1, at + 1, agentId).some((o) => o.start <= at && at < o.end);
  }

  saveShift(input: Shift): Shift {
    const parsed = parse(shiftSchema, input);
    const timeZone = this.requireZone(parsed.timeZone);
    this.requireAgent(parsed.agentId);
    for (const date of [parsed.startDate, ...parsed.exceptions]) requireDate(date);
    const previous = this.deps.repos.schedule.shift(parsed.id);
    const shift: Shift = { ...parsed, timeZone, exceptions: [...new Set(parsed.exceptions)].sort(), version: nextVersion(previous, parsed.version, `Shift ${parsed.id}`), updatedAt: this.deps.clock.now() };
    const lastDate = lastLocalDate(shift);
    // Expanding once proves the pattern is usable (the rule, the zone) before anything is stored.
    expandShifts([shift], Date.UTC(2000, 0, 1), Date.UTC(2000, 0, 2));
    this.deps.repos.schedule.saveShift(shift, lastDate);
    this.changed();
    return shift;
  }

  removeShift(id: string): void {
    if (!this.deps.repos.schedule.removeShift(id, this.deps.clock.now())) throw notFound(`Shift ${id}`);
    this.changed();
  }

  saveProfile(input: AgentProfile): AgentProfile {
    const parsed = parse(agentProfileSchema, input);
    const timeZone = this.requireZone(parsed.timeZone);
    this.requireAgent(parsed.agentId);
    const previous = this.deps.repos.schedule.profile(parsed.agentId);
    const profile: AgentProfile = {
      ...parsed,
      timeZone,
      languages: [...new Set(parsed.languages)],
      skills: [...new Set(parsed.skills)],
      queues: [...new Set(parsed.queues)],
      version: nextVersion(previous, parsed.version, `The profile of ${parsed.agentId}`),
    };
    this.deps.repos.schedule.saveProfile(profile, this.deps.clock.now());
    this.changed();
    return profile;
  }

  saveTimeOff(input: TimeOff): TimeOff {
    const timeOff = this.saveTimeOffQuietly(input);
    this.changed();
    return timeOff;
  }

  /** One agent's shifts, or everyone's (agentId null), as an iCalendar file titled in `t`'s language. */
  exportIcs(agentId: string | null, t: Translate): string {
    const { repos, clock } = this.deps;
    const names = new Map(repos.workspace.agents().map((a) => [a.id, a.name]));
    if (agentId !== null && !names.has(agentId)) throw notFound(`Agent ${agentId}`);
    const shifts = agentId === null ? repos.schedule.allShifts() : repos.schedule.shiftsOfAgent(agentId);
    return shiftsToIcs(shifts, {
      name: agentId === null ? t('shiftCalendar.teamName') : t('shiftCalendar.agentName', { agent: names.get(agentId) }),
      summary: (shift) => {
        const agent = names.get(shift.agentId) ?? shift.agentId;
        return shift.region ? t('shiftCalendar.summaryInRegion', { agent, region: shift.region }) : t('shiftCalendar.summary', { agent });
      },
      now: clock.now(),
    });
  }

  /**
   * Time off from an .ics file (holidays, leave): each run of consecutive days becomes one row,
   * whole local days in the agent's zone (src/shared/icsHolidays.ts reads the file; an event's
   * times are rounded out to its days). Importing the same days again adds nothing; a file with
   * an error adds nothing and the error names its line.
   */
  importTimeOffIcs(agentId: string, text: string): { imported: number } {
    const agent = this.deps.repos.workspace.agents().find((a) => a.id === agentId);
    if (!agent) throw notFound(`Agent ${agentId}`);
    const zone = canonicalTimeZone(this.deps.repos.schedule.profile(agentId)?.timeZone ?? agent.timeZone) ?? 'UTC';
    const days = parseIcsHolidays(text, { zone });
    const runs: { first: string; last: string; names: string[] }[] = [];
    for (const day of days) {
      const run = runs.at(-1);
      if (run && Temporal.PlainDate.from(run.last).add({ days: 1 }).toString() === day.date) {
        run.last = day.date;
        if (day.name && !run.names.includes(day.name)) run.names.push(day.name);
      } else {
        runs.push({ first: day.date, last: day.date, names: day.name ? [day.name] : [] });
      }
    }
    const imported = this.deps.repos.db.transaction(() => {
      let added = 0;
      for (const run of runs) {
        const id = `ics-${createHash('sha256').update(`${agentId}\n${run.first}\n${run.last}`).digest('hex').slice(0, 40)}`;
        if (this.deps.repos.schedule.timeOff(id)) continue;
        const start = Temporal.PlainDate.from(run.first).toZonedDateTime(zone).epochMilliseconds;
        const end = Temporal.PlainDate.from(run.last).add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds;
        const reason = run.names.length ? run.names.join(' / ').slice(0, 200) : null;
        this.saveTimeOffQuietly({ id, agentId, start, end, reason, version: 0 });
        added++;
      }
      return added;
    })();
    if (imported > 0) this.changed();
    return { imported };
  }

  removeTimeOff(id: string): void {
    if (!this.deps.repos.schedule.removeTimeOff(id, this.deps.clock.now())) throw notFound(`Time off ${id}`);
    this.changed();
  }

  private saveTimeOffQuietly(row: TimeOff): TimeOff {
    const parsed = parse(timeOffSchema, row);
    this.requireAgent(parsed.agentId);
    const timeOff = { ...parsed, version: nextVersion(this.deps.repos.schedule.timeOff(parsed.id), parsed.version, `Time off ${parsed.id}`) };
    this.deps.repos.schedule.saveTimeOff(timeOff, this.deps.clock.now());
    return timeOff;
  }

  private shiftsAround(from: number, to: number): Shift[] {
    return this.deps.repos.schedule.shiftsBetween(utcDate(from - DATE_MARGIN_MS), utcDate(to + DATE_MARGIN_MS));
  }

  private requireAgent(agentId: string): void {
    if (!this.deps.repos.workspace.agents().some((a) => a.id === agentId)) throw notFound(`Agent ${agentId}`);
  }

  private requireZone(zone: string): string {
    const id = canonicalTimeZone(zone.trim());
    if (id === null) throw invalidInput(`"${zone.slice(0, 64)}" is not an IANA time zone (for example Europe/Riga)`);
    return id;
  }

  private changed(): void {
    this.deps.events.emit('changes', { tables: ['schedule'], conversationIds: [] });
  }
}

/**
 * Saving a row that exists needs the version it was read at (someone else's change is never
 * overwritten unseen); the stored version is then one more.
 */
function nextVersion(previous: { version: number } | null, given: number, what: string): number {
  if (previous && previous.version !== given) throw conflict(`${what} was changed elsewhere (version ${previous.version}, this edit is of version ${given}): reload it and try again`);
  return (previous?.version ?? 0) + 1;
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error.issues.map((i) => `${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`).join('; '));
  return result.data;
}

function requireDate(date: string): void {
  try {
    Temporal.PlainDate.from(date, { overflow: 'reject' });
  } catch {
    throw invalidInput(`${date} is not a date`);
  }
}

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
