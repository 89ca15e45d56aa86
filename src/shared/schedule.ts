// Shift scheduling: the model every part of #6 shares (core storage, contract, schedule maths,
// coverage, handover, the UI). Pure types and schemas; the maths lives beside it in
// src/shared/schedule/*.ts (temporal-polyfill for zones, rrule for recurrence).
//
// A shift is defined in the zone it is worked in, in wall-clock terms: a 09:00-17:00 Riga shift
// stays 09:00-17:00 in Riga across DST. Schedules are team data: every row has a stable id and a
// version stamp (incremented on each change) so a later team-sync can replicate them.
import { z } from 'zod';
import { languageTagSchema } from './languageTags';

/** An IANA time zone name ('Europe/Riga', 'Asia/Kolkata'). Validity is checked with Intl by the core. */
export const timeZoneSchema = z.string().min(1).max(64);
/** 'HH:MM', 24-hour, local wall-clock time. */
export const wallTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time is written HH:MM (24-hour)' });
/** 'YYYY-MM-DD', a local calendar date. */
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date is written YYYY-MM-DD' });

/** What an agent can take: their languages, skills and the queues they cover. */
export const agentProfileSchema = z
  .object({
    agentId: z.string().min(1).max(64),
    /** Home zone: where their shifts are usually worked and "my shifts" are shown. */
    timeZone: timeZoneSchema,
    languages: z.array(languageTagSchema).max(30),
    skills: z.array(z.string().trim().min(1).max(60)).max(50),
    /** Queue ids they cover ('all' = every queue; 'account:<id>', 'language:<tag>'...). */
    queues: z.array(z.string().min(1).max(220)).max(200),
    /** At most this many open conversations assigned at once (auto-assignment stops there). */
    capacity: z.number().int().min(0).max(500),
    version: z.number().int().nonnegative(),
  })
  .strict();
export type AgentProfile = z.infer<typeof agentProfileSchema>;

/**
 * A shift pattern: one occurrence on `startDate`, or a recurrence (RRULE without DTSTART, e.g.
 * 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' or 'FREQ=DAILY;INTERVAL=4;COUNT=20' for a rotation),
 * starting at `start` local time in `timeZone` and lasting `durationMinutes` (may cross midnight).
 * `exceptions` are local start dates skipped (a day swapped or cancelled).
 */
export const shiftSchema = z
  .object({
    id: z.string().min(1).max(64),
    agentId: z.string().min(1).max(64),
    timeZone: timeZoneSchema,
    startDate: localDateSchema,
    start: wallTimeSchema,
    durationMinutes: z.number().int().min(15).max(24 * 60),
    rrule: z.string().max(500).nullable(),
    exceptions: z.array(localDateSchema).max(1000),
    /** Region or team label ('EMEA', 'APAC'): shown, and used by coverage by region. */
    region: z.string().max(60).nullable(),
    note: z.string().max(500).nullable(),
    version: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
  })
  .strict();
export type Shift = z.infer<typeof shiftSchema>;

/** Time off (holiday, leave): an agent is not on shift inside it, whatever their shifts say. */
export const timeOffSchema = z
  .object({
    id: z.string().min(1).max(64),
    agentId: z.string().min(1).max(64),
    /** UTC epoch ms, [start, end). */
    start: z.number().int(),
    end: z.number().int(),
    reason: z.string().max(200).nullable(),
    version: z.number().int().nonnegative(),
  })
  .strict()
  .refine((t) => t.end > t.start, { error: 'time off must end after it starts' });
export type TimeOff = z.infer<typeof timeOffSchema>;

/** One worked shift: a shift pattern's occurrence, as instants (UTC epoch ms, [start, end)). */
export interface ShiftOccurrence {
  shiftId: string;
  agentId: string;
  /** The shift's zone and local start date (the occurrence's identity within its pattern). */
  timeZone: string;
  localDate: string;
  start: number;
  end: number;
  region: string | null;
  /**
   * Set when the local start time does not exist that day (inside a spring-forward gap): the
   * start was moved forward by the gap's length (Temporal's 'compatible'); a 'dst-gap' conflict.
   */
  startMovedByDstGap?: true;
}

export type ShiftConflictKind = 'overlap' | 'short-rest' | 'dst-gap' | 'time-off';

export interface ShiftConflict {
  kind: ShiftConflictKind;
  agentId: string;
  /** The occurrences involved (one for dst-gap and time-off, two for overlap and short-rest). */
  occurrences: ShiftOccurrence[];
  /** English, for logs and tests; the UI builds its own sentence from kind and occurrences. */
  message: string;
}

/** Who is working now and who comes next (the header). */
export interface OnShiftSummary {
  now: { agentId: string; end: number }[];
  next: { agentId: string; start: number }[];
}

/** A window of the schedule (getSchedule): what the week and day views show. */
export interface ScheduleView {
  profiles: AgentProfile[];
  /** The patterns with an occurrence that may fall in the window. */
  shifts: Shift[];
  /** Time off overlapping the window. */
  timeOff: TimeOff[];
  /** Worked occurrences overlapping the window, time off cut out, sorted by start. */
  occurrences: ShiftOccurrence[];
  /** Conflicts involving an occurrence in the window. */
  conflicts: ShiftConflict[];
}
