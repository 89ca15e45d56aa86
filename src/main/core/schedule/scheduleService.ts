// Shift scheduling: agent profiles, shift patterns and time off, checked and versioned here;
// the maths (occurrences, conflicts, who is on shift) is src/shared/schedule/*.
import { Temporal } from 'temporal-polyfill';
import { canonicalTimeZone, isOpen, type BusinessCalendar } from '@shared/businessHours';
import type { z } from 'zod';
import { conflict, invalidInput, notFound } from '@shared/errors';
import { agentProfileSchema, shiftSchema, timeOffSchema, type AgentProfile, type OnShiftSummary, type Shift, type ScheduleView, type ShiftOccurrence, type TimeOff } from '@shared/schedule';
import { findConflicts } from '@shared/schedule/conflicts';
import { expandShifts, lastLocalDate, onShiftSummary } from '@shared/schedule/occurrences';
import type { EventBus } from '../events';
import type { Clock } from '../ports';
import type { Repos } from '../repos';

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
    if (this.hasShifts(agentId)) return this.isOnShift(agentId, at);
    return workingHours ? isOpen(workingHours, at) : true;
  }

  /** Whether the agent works by shifts at all. */
  hasShifts(agentId: string): boolean {
    return this.deps.repos.schedule.hasShifts(agentId);
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
    if (!this.deps.repos.schedule.removeShift(id)) throw notFound(`Shift ${id}`);
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

  /** Several time off rows at once (an .ics import): all saved, or none. */
  addTimeOff(rows: Omit<TimeOff, 'version'>[]): TimeOff[] {
    const saved = this.deps.repos.db.transaction(() => rows.map((row) => this.saveTimeOffQuietly({ ...row, version: 0 })))();
    if (saved.length > 0) this.changed();
    return saved;
  }

  removeTimeOff(id: string): void {
    if (!this.deps.repos.schedule.removeTimeOff(id)) throw notFound(`Time off ${id}`);
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
