// The demo team's schedule: a follow-the-sun week (Tokyo, Kolkata, Riga, Berlin hand over to
// each other around the clock on weekdays, in winter and in summer time), the desk's own agent on shift from the first start,
// and one deliberate conflict (Jonas's early Saturday after his late Friday: too little rest).
import { Temporal } from 'temporal-polyfill';
import { canonicalTimeZone } from '@shared/businessHours';
import type { AgentProfile, Shift } from '@shared/schedule';
import { lastLocalDate } from '@shared/schedule/occurrences';
import type { Repos } from '../repos';

const WEEKDAYS = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';

type DemoShift = Pick<Shift, 'id' | 'agentId' | 'timeZone' | 'start' | 'durationMinutes' | 'rrule' | 'region' | 'note'>;

const TEAM_SHIFTS: DemoShift[] = [
  { id: 'demo-shift-aiko', agentId: 'demo-agent-aiko', timeZone: 'Asia/Tokyo', start: '07:00', durationMinutes: 480, rrule: WEEKDAYS, region: 'APAC', note: null },
  { id: 'demo-shift-priya', agentId: 'demo-agent-priya', timeZone: 'Asia/Kolkata', start: '11:30', durationMinutes: 480, rrule: WEEKDAYS, region: 'APAC', note: null },
  { id: 'demo-shift-laura', agentId: 'demo-agent-laura', timeZone: 'Europe/Riga', start: '09:00', durationMinutes: 480, rrule: WEEKDAYS, region: 'EMEA', note: null },
  { id: 'demo-shift-jonas', agentId: 'demo-agent-jonas', timeZone: 'Europe/Berlin', start: '15:00', durationMinutes: 540, rrule: WEEKDAYS, region: 'EMEA', note: null },
  {
    id: 'demo-shift-jonas-saturday',
    agentId: 'demo-agent-jonas',
    timeZone: 'Europe/Berlin',
    start: '07:00',
    durationMinutes: 360,
    rrule: 'FREQ=WEEKLY;BYDAY=SA',
    region: 'EMEA',
    note: 'Weekend cover',
  },
];

const TEAM_PROFILES: Omit<AgentProfile, 'version'>[] = [
  { agentId: 'demo-agent-aiko', timeZone: 'Asia/Tokyo', languages: ['ja', 'en'], skills: ['baggage', 'refunds'], queues: ['all'], capacity: 12 },
  { agentId: 'demo-agent-priya', timeZone: 'Asia/Kolkata', languages: ['en', 'hi'], skills: ['bookings', 'refunds'], queues: ['all'], capacity: 12 },
  { agentId: 'demo-agent-laura', timeZone: 'Europe/Riga', languages: ['lv', 'en', 'ru'], skills: ['bookings', 'loyalty'], queues: ['all'], capacity: 10 },
  { agentId: 'demo-agent-jonas', timeZone: 'Europe/Berlin', languages: ['de', 'en'], skills: ['baggage', 'sales'], queues: ['all'], capacity: 10 },
];

/** Writes the demo schedule once per workspace (later edits and removals are the team's). */
export function seedDemoSchedule(repos: Repos, now: number): void {
  if (repos.workspace.setting('demo-schedule') !== null) return;
  const self = repos.workspace.selfAgent();
  const selfZone = canonicalTimeZone(self.timeZone) ?? 'UTC';
  const profiles: Omit<AgentProfile, 'version'>[] = [
    ...TEAM_PROFILES,
    { agentId: self.id, timeZone: selfZone, languages: ['en'], skills: [], queues: ['all'], capacity: 20 },
  ];
  for (const profile of profiles) if (!repos.schedule.profile(profile.agentId)) repos.schedule.saveProfile({ ...profile, version: 1 }, now);

  // The self agent's daily shift starts within the hour before the first start: on shift now.
  const selfStart = Temporal.Instant.fromEpochMilliseconds(now - 3_600_000).toZonedDateTimeISO(selfZone).round({ smallestUnit: 'hour', roundingMode: 'ceil' });
  const selfShift: DemoShift & Pick<Shift, 'startDate'> = {
    id: 'demo-shift-self',
    agentId: self.id,
    timeZone: selfZone,
    startDate: selfStart.toPlainDate().toString(),
    start: selfStart.toPlainTime().toString({ smallestUnit: 'minute' }),
    durationMinutes: 480,
    rrule: 'FREQ=DAILY',
    region: null,
    note: null,
  };
  const shifts = [
    ...TEAM_SHIFTS.map((s) => ({ ...s, startDate: Temporal.Instant.fromEpochMilliseconds(now - 14 * 86_400_000).toZonedDateTimeISO(s.timeZone).toPlainDate().toString() })),
    selfShift,
  ];
  for (const demo of shifts) {
    if (repos.schedule.shift(demo.id)) continue;
    const shift: Shift = { ...demo, exceptions: [], version: 1, updatedAt: now };
    repos.schedule.saveShift(shift, lastLocalDate(shift));
  }
  repos.workspace.setSetting('demo-schedule', '1');
}
