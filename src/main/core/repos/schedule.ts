// Shift scheduling rows: agent profiles, shift patterns and time off (migration 12).
import type { AgentProfile, Shift, TimeOff } from '@shared/schedule';
import type { Db } from '../db/database';

/** A removed shift or time off, kept for a later team sync: its id, the version after the removed one's, and when. */
export interface Tombstone {
  kind: 'shift' | 'time_off';
  id: string;
  version: number;
  deletedAt: number;
}

interface ProfileRow {
  agentId: string;
  timeZone: string;
  languages: string;
  skills: string;
  queues: string;
  capacity: number;
  version: number;
}

interface ShiftRow {
  id: string;
  agentId: string;
  timeZone: string;
  startDate: string;
  start: string;
  durationMinutes: number;
  rrule: string | null;
  exceptions: string;
  region: string | null;
  note: string | null;
  version: number;
  updatedAt: number;
}

const SHIFT_COLUMNS = `id, agent_id AS agentId, time_zone AS timeZone, start_date AS startDate, start_time AS start,
  duration_minutes AS durationMinutes, rrule, exceptions, region, note, version, updated_at AS updatedAt`;
const TIME_OFF_COLUMNS = 'id, agent_id AS agentId, start_at AS start, end_at AS end, reason, version';

const toProfile = (row: ProfileRow): AgentProfile => ({
  ...row,
  languages: JSON.parse(row.languages) as string[],
  skills: JSON.parse(row.skills) as string[],
  queues: JSON.parse(row.queues) as string[],
});
const toShift = (row: ShiftRow): Shift => ({ ...row, exceptions: JSON.parse(row.exceptions) as string[] });

export function createScheduleRepo(db: Db) {
  const listProfiles = db.prepare<[], ProfileRow>(
    `SELECT agent_id AS agentId, time_zone AS timeZone, languages, skills, queues, capacity, version FROM agent_profiles ORDER BY agent_id`,
  );
  const getProfile = db.prepare<[string], ProfileRow>(
    `SELECT agent_id AS agentId, time_zone AS timeZone, languages, skills, queues, capacity, version FROM agent_profiles WHERE agent_id = ?`,
  );
  const putProfile = db.prepare<Omit<ProfileRow, 'version'> & { version: number; now: number }>(
    `INSERT INTO agent_profiles (agent_id, time_zone, languages, skills, queues, capacity, version, updated_at)
     VALUES (@agentId, @timeZone, @languages, @skills, @queues, @capacity, @version, @now)
     ON CONFLICT (agent_id) DO UPDATE SET time_zone = excluded.time_zone, languages = excluded.languages, skills = excluded.skills,
       queues = excluded.queues, capacity = excluded.capacity, version = excluded.version, updated_at = excluded.updated_at`,
  );

  const getShift = db.prepare<[string], ShiftRow>(`SELECT ${SHIFT_COLUMNS} FROM shifts WHERE id = ?`);
  // Local dates compared as text ('YYYY-MM-DD' sorts by date); served by shifts_window.
  const shiftsBetween = db.prepare<{ fromDate: string; toDate: string }, ShiftRow>(
    `SELECT ${SHIFT_COLUMNS} FROM shifts WHERE start_date <= @toDate AND (last_date IS NULL OR last_date >= @fromDate) ORDER BY start_date, id`,
  );
  const shiftsOfAgent = db.prepare<[string], ShiftRow>(`SELECT ${SHIFT_COLUMNS} FROM shifts WHERE agent_id = ? ORDER BY start_date, id`);
  const allShifts = db.prepare<[], ShiftRow>(`SELECT ${SHIFT_COLUMNS} FROM shifts ORDER BY start_date, id`);
  const hasShiftsSince = db
    .prepare<[string, string], number>('SELECT EXISTS (SELECT 1 FROM shifts WHERE agent_id = ? AND (last_date IS NULL OR last_date >= ?))')
    .pluck();
  const putShift = db.prepare<Omit<ShiftRow, 'updatedAt'> & { lastDate: string | null; now: number }>(
    `INSERT INTO shifts (id, agent_id, time_zone, start_date, start_time, duration_minutes, rrule, exceptions, region, note, last_date, version, updated_at)
     VALUES (@id, @agentId, @timeZone, @startDate, @start, @durationMinutes, @rrule, @exceptions, @region, @note, @lastDate, @version, @now)
     ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, time_zone = excluded.time_zone, start_date = excluded.start_date,
       start_time = excluded.start_time, duration_minutes = excluded.duration_minutes, rrule = excluded.rrule, exceptions = excluded.exceptions,
       region = excluded.region, note = excluded.note, last_date = excluded.last_date, version = excluded.version, updated_at = excluded.updated_at`,
  );
  const deleteShift = db.prepare<[string]>('DELETE FROM shifts WHERE id = ?');

  const getTimeOff = db.prepare<[string], TimeOff>(`SELECT ${TIME_OFF_COLUMNS} FROM time_off WHERE id = ?`);
  // Served by time_off_window: the rows ending after the window starts, then those starting before it ends.
  const timeOffBetween = db.prepare<{ from: number; to: number }, TimeOff>(
    `SELECT ${TIME_OFF_COLUMNS} FROM time_off WHERE end_at > @from AND start_at < @to ORDER BY start_at, id`,
  );
  const putTimeOff = db.prepare<TimeOff & { now: number }>(
    `INSERT INTO time_off (id, agent_id, start_at, end_at, reason, version, updated_at) VALUES (@id, @agentId, @start, @end, @reason, @version, @now)
     ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, start_at = excluded.start_at, end_at = excluded.end_at,
       reason = excluded.reason, version = excluded.version, updated_at = excluded.updated_at`,
  );
  const deleteTimeOff = db.prepare<[string]>('DELETE FROM time_off WHERE id = ?');
  // A removal leaves a tombstone (migration 21) for a later team sync; saving the id again lifts it.
  const tombstone = (table: 'shifts' | 'time_off', kind: Tombstone['kind']) =>
    db.prepare<{ id: string; now: number }>(
      `INSERT INTO schedule_tombstones (kind, id, version, deleted_at)
       SELECT '${kind}', id, version + 1, @now FROM ${table} WHERE id = @id AND true
       ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, deleted_at = excluded.deleted_at`,
    );
  const buryShift = tombstone('shifts', 'shift');
  const buryTimeOff = tombstone('time_off', 'time_off');
  const lift = db.prepare<[Tombstone['kind'], string]>('DELETE FROM schedule_tombstones WHERE kind = ? AND id = ?');
  const deletedSince = db.prepare<[number], Tombstone>('SELECT kind, id, version, deleted_at AS deletedAt FROM schedule_tombstones WHERE deleted_at >= ? ORDER BY deleted_at, kind, id');

  return {
    profiles: (): AgentProfile[] => listProfiles.all().map(toProfile),
    profile: (agentId: string): AgentProfile | null => {
      const row = getProfile.get(agentId);
      return row ? toProfile(row) : null;
    },
    saveProfile: (profile: AgentProfile, now: number) =>
      void putProfile.run({
        ...profile,
        languages: JSON.stringify(profile.languages),
        skills: JSON.stringify(profile.skills),
        queues: JSON.stringify(profile.queues),
        now,
      }),

    shift: (id: string): Shift | null => {
      const row = getShift.get(id);
      return row ? toShift(row) : null;
    },
    /** Patterns with a local date in [fromDate, toDate] between their first start and last end. */
    shiftsBetween: (fromDate: string, toDate: string): Shift[] => shiftsBetween.all({ fromDate, toDate }).map(toShift),
    shiftsOfAgent: (agentId: string): Shift[] => shiftsOfAgent.all(agentId).map(toShift),
    allShifts: (): Shift[] => allShifts.all().map(toShift),
    /** Whether the agent has a shift pattern that has not ended before the local date `since`. */
    hasShiftsSince: (agentId: string, since: string): boolean => hasShiftsSince.get(agentId, since) === 1,
    /** `lastDate`: the local date its last occurrence ends on, null when it recurs for ever. */
    saveShift: (shift: Shift, lastDate: string | null) =>
      db.transaction(() => {
        putShift.run({ ...shift, exceptions: JSON.stringify(shift.exceptions), lastDate, now: shift.updatedAt });
        lift.run('shift', shift.id);
      })(),
    removeShift: (id: string, now: number): boolean =>
      db.transaction(() => {
        buryShift.run({ id, now });
        return deleteShift.run(id).changes > 0;
      })(),

    timeOff: (id: string): TimeOff | null => getTimeOff.get(id) ?? null,
    timeOffBetween: (from: number, to: number): TimeOff[] => timeOffBetween.all({ from, to }),
    saveTimeOff: (timeOff: TimeOff, now: number) =>
      db.transaction(() => {
        putTimeOff.run({ ...timeOff, now });
        lift.run('time_off', timeOff.id);
      })(),
    removeTimeOff: (id: string, now: number): boolean =>
      db.transaction(() => {
        buryTimeOff.run({ id, now });
        return deleteTimeOff.run(id).changes > 0;
      })(),
    /** Removals at or after `since` (ms), oldest first: what a team sync replicates as deletions. */
    deletedSince: (since: number): Tombstone[] => deletedSince.all(since),
  };
}

export type ScheduleRepo = ReturnType<typeof createScheduleRepo>;
