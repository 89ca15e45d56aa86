import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessCalendarSchema,
  businessTimeBetween,
  isOpen,
  nextOpenChange,
  NoOpenTimeError,
  openStretchesBetween,
  WEEKDAYS,
  type BusinessCalendarInput,
  type OpenInterval,
  type Weekday,
} from './businessHours';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** UTC ms of an ISO instant with an explicit offset, e.g. '2026-03-08T01:30-05:00'. */
const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
/** The local wall clock and offset of an instant, e.g. '2026-03-09T10:00-04:00'. */
const local = (zone: string, utcMs: number) =>
  Temporal.Instant.fromEpochMilliseconds(utcMs).toZonedDateTimeISO(zone).toString({ smallestUnit: 'minute', timeZoneName: 'never' });
const startOfDay = (zone: string, date: string) => Temporal.PlainDate.from(date).toZonedDateTime(zone).epochMilliseconds;
const hours = (start: string, end: string): OpenInterval[] => [{ start, end }];
const weekdays = (zone: string, start: string, end: string, holidays: string[] = []): BusinessCalendarInput => ({
  zone,
  weekly: { mon: hours(start, end), tue: hours(start, end), wed: hours(start, end), thu: hours(start, end), fri: hours(start, end) },
  holidays: holidays.map((date) => ({ date })),
});
const onlyOn = (zone: string, day: Weekday, intervals: OpenInterval[]): BusinessCalendarInput => ({ zone, weekly: { [day]: intervals } });
const allDays = (zone: string, holidays: string[] = []): BusinessCalendarInput => ({
  zone,
  weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, hours('00:00', '24:00')])),
  holidays: holidays.map((date) => ({ date })),
});

const ZONES = ['Europe/Riga', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'] as const;

function transitions2026(zone: string): Temporal.ZonedDateTime[] {
  const out: Temporal.ZonedDateTime[] = [];
  let cursor = Temporal.ZonedDateTime.from({ year: 2026, month: 1, day: 1, timeZone: zone });
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.year > 2026) return out;
    out.push(next);
    cursor = next;
  }
}

describe('businessCalendarSchema', () => {
  const issues = (input: unknown) => {
    const result = businessCalendarSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('fills defaults and spells the zone as the tz database does', () => {
    expect(businessCalendarSchema.parse({ zone: 'europe/riga', weekly: { mon: hours('09:00', '17:00') }, holidays: [{ date: '2026-06-23' }] })).toEqual({
      zone: 'Europe/Riga',
      alwaysOpen: false,
      weekly: { mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: [{ date: '2026-06-23', name: '' }],
    });
    expect(businessCalendarSchema.parse({ zone: 'UTC', alwaysOpen: true }).alwaysOpen).toBe(true);
  });

  it('accepts intervals that touch and a day that ends at 24:00', () => {
    expect(issues({ zone: 'Asia/Kolkata', weekly: { mon: [{ start: '12:00', end: '24:00' }, { start: '09:00', end: '12:00' }] } })).toEqual([]);
  });

  it.each([
    [{ zone: 'Mars/Olympus_Mons', alwaysOpen: true }, 'zone: "Mars/Olympus_Mons" is not an IANA time zone (for example Europe/Riga)'],
    [{ zone: '+02:00', alwaysOpen: true }, 'zone: "+02:00" is not an IANA time zone (for example Europe/Riga)'],
    [{ zone: '2026-01-01T00:00[Europe/Riga]', alwaysOpen: true }, 'zone: "2026-01-01T00:00[Europe/Riga]" is not an IANA time zone (for example Europe/Riga)'],
    [
      { zone: 'Europe/Riga', weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }, { start: '11:00', end: '14:00' }] } },
      'weekly.mon.2: 09:00–12:00 and 11:00–14:00 overlap',
    ],
    [
      { zone: 'Europe/Riga', weekly: { tue: [{ start: '22:00', end: '02:00' }] } },
      'weekly.tue.0.end: 22:00–02:00 ends before it starts; hours past midnight are a second interval from 00:00 on the next day',
    ],
    [{ zone: 'Europe/Riga', weekly: { wed: [{ start: '09:00', end: '09:00' }] } }, 'weekly.wed.0.end: 09:00–09:00 ends before it starts; hours past midnight are a second interval from 00:00 on the next day'],
    [{ zone: 'Europe/Riga', weekly: { thu: [{ start: '9:00', end: '17:00' }] } }, 'weekly.thu.0.start: Use a 24-hour time from 00:00 to 23:59'],
    [{ zone: 'Europe/Riga', weekly: { fri: [{ start: '24:00', end: '24:00' }] } }, 'weekly.fri.0.start: Use a 24-hour time from 00:00 to 23:59'],
    [{ zone: 'Europe/Riga', weekly: { sat: [{ start: '10:00', end: '24:30' }] } }, 'weekly.sat.0.end: Use a 24-hour time from 00:01 to 24:00'],
    [{ zone: 'Europe/Riga', weekly: { monday: hours('09:00', '17:00') } }, 'weekly: Unrecognized key: "monday"'],
    [{ zone: 'Europe/Riga', weekly: { mon: hours('09:00', '17:00') }, holidays: [{ date: '2026-02-30' }] }, 'holidays.0.date: There is no such date'],
    [{ zone: 'Europe/Riga', weekly: { mon: hours('09:00', '17:00') }, holidays: [{ date: '30.12.2026' }] }, 'holidays.0.date: Use a date like 2026-12-24'],
    [{ zone: 'Europe/Riga', weekly: {} }, 'weekly: The calendar is never open: add opening hours or make it open 24/7'],
  ])('rejects %j', (input, message) => {
    expect(issues(input)).toContain(message);
  });
});

describe('business hours on ordinary days', () => {
  const ny = weekdays('America/New_York', '09:00', '17:00');

  it('carries a deadline over the weekend, across the spring-forward Sunday', () => {
    const friday = ms('2026-03-06T16:00-05:00');
    const due = addBusinessTime(ny, friday, 2 * HOUR);
    expect(local('America/New_York', due)).toBe('2026-03-09T10:00-04:00');
    expect(businessTimeBetween(ny, friday, due)).toBe(2 * HOUR);
    expect(due - friday).toBe(2 * DAY + 17 * HOUR); // 66 h of wall time, one of them skipped
  });

  it('ends a deadline at closing time rather than at the next opening', () => {
    expect(local('America/New_York', addBusinessTime(ny, ms('2026-03-02T09:00-05:00'), 8 * HOUR))).toBe('2026-03-02T17:00-05:00');
    expect(local('America/New_York', addBusinessTime(ny, ms('2026-03-02T09:00-05:00'), 8 * HOUR + 1))).toBe('2026-03-03T09:00-05:00');
  });

  it('starts counting at the next opening when a message arrives while closed', () => {
    expect(local('America/New_York', addBusinessTime(ny, ms('2026-03-07T12:00-05:00'), HOUR))).toBe('2026-03-09T10:00-04:00');
    expect(addBusinessTime(ny, ms('2026-03-07T12:00-05:00'), 0)).toBe(ms('2026-03-07T12:00-05:00'));
  });

  it('reaches deadlines weeks and a year ahead, through both clock changes', () => {
    const monday = ms('2026-02-02T09:00-05:00');
    expect(local('America/New_York', addBusinessTime(ny, monday, 200 * HOUR))).toBe('2026-03-06T17:00-05:00');
    expect(local('America/New_York', addBusinessTime(ny, monday, 400 * HOUR))).toBe('2026-04-10T17:00-04:00');
    const year = ms('2026-01-05T09:00-05:00');
    expect(local('America/New_York', addBusinessTime(ny, year, 52 * 40 * HOUR))).toBe('2027-01-01T17:00-05:00');
    expect(businessTimeBetween(ny, year, ms('2027-01-04T09:00-05:00'))).toBe(52 * 40 * HOUR);
  });

  it('walks days, not minutes: ten years of office hours are quick', () => {
    const started = performance.now();
    const due = addBusinessTime(ny, ms('2026-01-05T09:00-05:00'), 10 * 52 * 40 * HOUR);
    expect(local('America/New_York', due).slice(0, 4)).toBe('2035');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('skips holidays (Riga, Midsummer)', () => {
    const riga = weekdays('Europe/Riga', '09:00', '18:00', ['2026-06-23', '2026-06-24']);
    expect(local('Europe/Riga', addBusinessTime(riga, ms('2026-06-22T17:00+03:00'), 2 * HOUR))).toBe('2026-06-25T10:00+03:00');
    expect(businessTimeBetween(riga, ms('2026-06-22T00:00+03:00'), ms('2026-06-27T00:00+03:00'))).toBe(3 * 9 * HOUR);
    expect(isOpen(riga, ms('2026-06-23T12:00+03:00'))).toBe(false);
    expect(nextOpenChange(riga, ms('2026-06-22T12:00+03:00'))).toEqual({ at: ms('2026-06-22T18:00+03:00'), opens: false });
    expect(nextOpenChange(riga, ms('2026-06-22T18:00+03:00'))).toEqual({ at: ms('2026-06-25T09:00+03:00'), opens: true });
  });

  it('handles a half-hour offset (Asia/Kolkata, +05:30, no clock changes)', () => {
    const kolkata = weekdays('Asia/Kolkata', '09:00', '18:00');
    expect(transitions2026('Asia/Kolkata')).toEqual([]);
    expect(isOpen(kolkata, ms('2026-01-05T03:30Z'))).toBe(true);
    expect(isOpen(kolkata, ms('2026-01-05T03:29Z'))).toBe(false);
    expect(isOpen(kolkata, ms('2026-01-05T12:30Z'))).toBe(false);
    expect(businessTimeBetween(kolkata, ms('2026-01-05T00:00Z'), ms('2026-01-05T12:00Z'))).toBe(8.5 * HOUR);
    expect(nextOpenChange(kolkata, ms('2026-01-05T00:00Z'))).toEqual({ at: ms('2026-01-05T03:30Z'), opens: true });
    expect(local('Asia/Kolkata', addBusinessTime(kolkata, ms('2026-01-09T12:00Z'), 2 * HOUR))).toBe('2026-01-12T10:30+05:30');
  });

  it('handles a 45-minute offset (Pacific/Chatham, +12:45 / +13:45)', () => {
    const chatham = weekdays('Pacific/Chatham', '09:00', '17:00');
    expect(nextOpenChange(chatham, ms('2026-01-04T12:00Z'))).toEqual({ at: ms('2026-01-04T19:15Z'), opens: true }); // Mon 09:00 +13:45
    expect(nextOpenChange(chatham, ms('2026-07-05T12:00Z'))).toEqual({ at: ms('2026-07-05T20:15Z'), opens: true }); // Mon 09:00 +12:45
  });

  it('merges hours that run over midnight into one stretch', () => {
    const late: BusinessCalendarInput = { zone: 'Europe/Riga', weekly: { mon: hours('22:00', '24:00'), tue: hours('00:00', '02:00') } };
    expect(nextOpenChange(late, ms('2026-01-05T23:00+02:00'))).toEqual({ at: ms('2026-01-06T02:00+02:00'), opens: false });
    expect(openStretchesBetween(late, ms('2026-01-05T00:00+02:00'), ms('2026-01-12T00:00+02:00'))).toEqual([
      { start: ms('2026-01-05T22:00+02:00'), end: ms('2026-01-06T02:00+02:00') },
    ]);
    expect(local('Europe/Riga', addBusinessTime(late, ms('2026-01-05T23:00+02:00'), 2 * HOUR))).toBe('2026-01-06T01:00+02:00');
  });
});

describe('clock changes', () => {
  it('New York, spring forward (Sun 2026-03-08, 02:00 → 03:00): skipped hours count nothing', () => {
    const zone = 'America/New_York';
    const skipped = onlyOn(zone, 'sun', hours('02:00', '03:00'));
    expect(businessTimeBetween(skipped, ms('2026-03-08T00:00-05:00'), ms('2026-03-09T00:00-04:00'))).toBe(0);
    expect(local(zone, addBusinessTime(skipped, ms('2026-03-08T00:00-05:00'), HOUR))).toBe('2026-03-15T03:00-04:00');
    expect(nextOpenChange(skipped, ms('2026-03-08T00:00-05:00'))).toEqual({ at: ms('2026-03-15T02:00-04:00'), opens: true });
    const halfSkipped = onlyOn(zone, 'sun', hours('01:30', '02:30'));
    expect(businessTimeBetween(halfSkipped, ms('2026-03-08T00:00-05:00'), ms('2026-03-09T00:00-04:00'))).toBe(30 * MINUTE);
    expect(nextOpenChange(halfSkipped, ms('2026-03-08T01:45-05:00'))).toEqual({ at: ms('2026-03-08T03:00-04:00'), opens: false });
    const morning = onlyOn(zone, 'sun', hours('00:00', '06:00'));
    expect(businessTimeBetween(morning, ms('2026-03-08T00:00-05:00'), ms('2026-03-09T00:00-04:00'))).toBe(5 * HOUR);
  });

  it('New York, fall back (Sun 2026-11-01, 02:00 → 01:00): repeated hours count twice', () => {
    const zone = 'America/New_York';
    const repeated = onlyOn(zone, 'sun', hours('01:00', '02:00'));
    expect(businessTimeBetween(repeated, ms('2026-11-01T00:00-04:00'), ms('2026-11-02T00:00-05:00'))).toBe(2 * HOUR);
    expect(nextOpenChange(repeated, ms('2026-11-01T01:30-04:00'))).toEqual({ at: ms('2026-11-01T02:00-05:00'), opens: false });
    expect(local(zone, addBusinessTime(repeated, ms('2026-11-01T00:00-04:00'), 90 * MINUTE))).toBe('2026-11-01T01:30-05:00');
    // 00:00–01:30 is shown by the clock from 00:00 to 01:30 EDT, and again from 01:00 to 01:30 EST.
    const split = onlyOn(zone, 'sun', hours('00:00', '01:30'));
    expect(businessTimeBetween(split, ms('2026-11-01T00:00-04:00'), ms('2026-11-02T00:00-05:00'))).toBe(2 * HOUR);
    expect(openStretchesBetween(split, ms('2026-11-01T00:00-04:00'), ms('2026-11-02T00:00-05:00'))).toEqual([
      { start: ms('2026-11-01T00:00-04:00'), end: ms('2026-11-01T01:30-04:00') },
      { start: ms('2026-11-01T01:00-05:00'), end: ms('2026-11-01T01:30-05:00') },
    ]);
  });

  it('Santiago, midnight skipped (Sun 2026-09-06 starts at 01:00)', () => {
    const zone = 'America/Santiago';
    const sunday = onlyOn(zone, 'sun', hours('00:00', '09:00'));
    const dayStart = startOfDay(zone, '2026-09-06');
    expect(local(zone, dayStart)).toBe('2026-09-06T01:00-03:00');
    expect(nextOpenChange(sunday, ms('2026-09-05T12:00-04:00'))).toEqual({ at: dayStart, opens: true });
    expect(businessTimeBetween(sunday, ms('2026-09-05T00:00-04:00'), ms('2026-09-07T00:00-03:00'))).toBe(8 * HOUR);
    expect(addBusinessTime(sunday, ms('2026-09-05T12:00-04:00'), HOUR)).toBe(dayStart + HOUR);
    const overnight: BusinessCalendarInput = { zone, weekly: { sat: hours('20:00', '24:00'), sun: hours('00:00', '09:00') } };
    expect(nextOpenChange(overnight, ms('2026-09-05T21:00-04:00'))).toEqual({ at: ms('2026-09-06T09:00-03:00'), opens: false });
    expect(businessTimeBetween(overnight, ms('2026-09-05T20:00-04:00'), ms('2026-09-06T09:00-03:00'))).toBe(12 * HOUR);
  });

  it('Santiago, fall back over midnight (Sun 2026-04-05 00:00 → Sat 23:00)', () => {
    const zone = 'America/Santiago';
    const lateSaturday = onlyOn(zone, 'sat', hours('23:00', '24:00'));
    expect(businessTimeBetween(lateSaturday, ms('2026-04-04T00:00-03:00'), ms('2026-04-06T00:00-04:00'))).toBe(2 * HOUR);
    const earlySunday = onlyOn(zone, 'sun', hours('00:00', '01:00'));
    expect(businessTimeBetween(earlySunday, ms('2026-04-04T00:00-03:00'), ms('2026-04-06T00:00-04:00'))).toBe(HOUR);
    expect(nextOpenChange(earlySunday, ms('2026-04-04T23:30-03:00'))).toEqual({ at: ms('2026-04-05T00:00-04:00'), opens: true });
  });

  it('Lord Howe, half-hour daylight saving (+10:30 / +11:00)', () => {
    const zone = 'Australia/Lord_Howe';
    // 2026-10-04: 02:00 → 02:30
    const spring = onlyOn(zone, 'sun', hours('02:00', '03:00'));
    expect(businessTimeBetween(spring, ms('2026-10-04T00:00+10:30'), ms('2026-10-05T00:00+11:00'))).toBe(30 * MINUTE);
    expect(nextOpenChange(spring, ms('2026-10-04T01:00+10:30'))).toEqual({ at: ms('2026-10-04T02:30+11:00'), opens: true });
    // 2026-04-05: 02:00 → 01:30
    const fall = onlyOn(zone, 'sun', hours('01:00', '03:00'));
    expect(businessTimeBetween(fall, ms('2026-04-05T00:00+11:00'), ms('2026-04-06T00:00+10:30'))).toBe(150 * MINUTE);
    expect(local(zone, addBusinessTime(fall, ms('2026-04-05T00:00+11:00'), 2 * HOUR))).toBe('2026-04-05T02:30+10:30');
  });

  it('Chatham, 45-minute zone (02:45 → 03:45 on 2026-09-27, 03:45 → 02:45 on 2026-04-05)', () => {
    const zone = 'Pacific/Chatham';
    const night = onlyOn(zone, 'sun', hours('02:45', '03:45'));
    expect(businessTimeBetween(night, ms('2026-09-27T00:00+12:45'), ms('2026-09-28T00:00+13:45'))).toBe(0);
    expect(businessTimeBetween(night, ms('2026-04-05T00:00+13:45'), ms('2026-04-06T00:00+12:45'))).toBe(2 * HOUR);
  });

  it('Riga (03:00 → 04:00 on 2026-03-29, 04:00 → 03:00 on 2026-10-25)', () => {
    const zone = 'Europe/Riga';
    const night = onlyOn(zone, 'sun', hours('03:00', '04:00'));
    expect(businessTimeBetween(night, ms('2026-03-29T00:00+02:00'), ms('2026-03-30T00:00+03:00'))).toBe(0);
    expect(businessTimeBetween(night, ms('2026-10-25T00:00+03:00'), ms('2026-10-26T00:00+02:00'))).toBe(2 * HOUR);
  });

  describe.each(ZONES)('every 2026 transition in %s', (zone) => {
    const found = transitions2026(zone);

    it('has the expected number of transitions', () => {
      expect(found).toHaveLength(zone === 'Asia/Kolkata' ? 0 : 2);
    });

    it.each(found.map((t) => [t.toString(), t] as const))('around %s', (_label, transition) => {
      const at = transition.epochMilliseconds;
      const before = transition.subtract({ nanoseconds: 1 });
      const oldOffset = before.offset;
      const newOffset = transition.offset;
      const deltaMs = transition.offsetNanoseconds / 1e6 - before.offsetNanoseconds / 1e6;
      // The wall clock just before the change, and just after it.
      const wallOld = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(oldOffset).toPlainDateTime();
      const wallNew = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(newOffset).toPlainDateTime();
      const [low, high] = deltaMs > 0 ? [wallOld, wallNew] : [wallNew, wallOld];
      const day = WEEKDAYS[low.dayOfWeek - 1]!;
      const end = high.toPlainDate().equals(low.toPlainDate()) ? high.toPlainTime().toString({ smallestUnit: 'minute' }) : '24:00';
      const affected = onlyOn(zone, day, hours(low.toPlainTime().toString({ smallestUnit: 'minute' }), end));
      const window: [number, number] = [at - 12 * HOUR, at + 12 * HOUR];

      // The skipped wall-clock range does not exist; the repeated one is shown twice.
      expect(businessTimeBetween(affected, ...window)).toBe(deltaMs > 0 ? 0 : 2 * -deltaMs);
      expect(isOpen(affected, at - 1)).toBe(deltaMs < 0);
      expect(isOpen(affected, at)).toBe(deltaMs < 0);

      // Open all day every day (by weekly hours, not the 24/7 switch): elapsed time, whatever the clock does.
      const always = allDays(zone);
      expect(businessTimeBetween(always, ...window)).toBe(24 * HOUR);
      expect(addBusinessTime(always, window[0], 24 * HOUR)).toBe(window[1]);
      expect(nextOpenChange(always, at)).toBeNull();

      // A holiday on the local date of the change closes exactly that local day.
      const date = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate();
      const holiday = allDays(zone, [date.toString()]);
      const opensAgain = date.add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds;
      expect(nextOpenChange(holiday, at - 36 * HOUR)).toEqual({ at: date.toZonedDateTime(zone).epochMilliseconds, opens: false });
      expect(nextOpenChange(holiday, at)).toEqual({ at: opensAgain, opens: true });
      expect(businessTimeBetween(holiday, date.toZonedDateTime(zone).epochMilliseconds, opensAgain)).toBe(0);
    });
  });
});

describe('24/7 and calendars that never open', () => {
  it('alwaysOpen counts elapsed time and ignores hours and holidays', () => {
    const calendar: BusinessCalendarInput = { zone: 'America/Santiago', alwaysOpen: true, holidays: [{ date: '2026-09-06' }] };
    const from = ms('2026-09-05T12:00-04:00');
    expect(addBusinessTime(calendar, from, 30 * DAY)).toBe(from + 30 * DAY);
    expect(businessTimeBetween(calendar, from, from + DAY)).toBe(DAY);
    expect(isOpen(calendar, from)).toBe(true);
    expect(nextOpenChange(calendar, from)).toBeNull();
  });

  it('open all day every day with a holiday closes for that day only, then is open for good', () => {
    const calendar = allDays('Asia/Kolkata', ['2026-08-15']);
    expect(nextOpenChange(calendar, ms('2026-08-15T12:00+05:30'))).toEqual({ at: ms('2026-08-16T00:00+05:30'), opens: true });
    expect(nextOpenChange(calendar, ms('2026-08-16T12:00+05:30'))).toBeNull();
    expect(addBusinessTime(calendar, ms('2026-08-14T12:00+05:30'), 24 * HOUR)).toBe(ms('2026-08-16T12:00+05:30'));
    expect(addBusinessTime(calendar, ms('2026-08-14T12:00+05:30'), 1000 * DAY)).toBe(ms('2026-08-14T12:00+05:30') + 1001 * DAY);
  });

  it('a calendar with no hours never opens: no endless loop, a typed error for deadlines', () => {
    const never: BusinessCalendarInput = { zone: 'Europe/Riga', weekly: {}, holidays: [{ date: '2027-01-01' }] };
    const from = ms('2026-03-01T00:00Z');
    expect(isOpen(never, from)).toBe(false);
    expect(businessTimeBetween(never, from, from + 365 * DAY)).toBe(0);
    expect(nextOpenChange(never, from)).toBeNull();
    expect(openStretchesBetween(never, from, from + 30 * DAY)).toEqual([]);
    expect(addBusinessTime(never, from, 0)).toBe(from);
    expect(() => addBusinessTime(never, from, 1)).toThrow(NoOpenTimeError);
    expect(() => addBusinessTime(never, from, 1)).toThrowError(expect.objectContaining({ name: 'NoOpenTime' }));
  });

  it('looks a century ahead and no further, quickly', () => {
    const from = ms('2026-03-01T00:00Z');
    const started = performance.now();
    const farHoliday = allDays('America/New_York', ['2090-07-04']);
    expect(nextOpenChange(farHoliday, from)).toEqual({ at: ms('2090-07-04T00:00-04:00'), opens: false });
    expect(nextOpenChange(allDays('America/New_York', ['2200-07-04']), from)).toBeNull();
    const neverButHolidays: BusinessCalendarInput = { zone: 'Europe/Riga', weekly: {}, holidays: [{ date: '9999-12-31' }] };
    expect(() => addBusinessTime(neverButHolidays, from, HOUR)).toThrow(NoOpenTimeError);
    const onceAWeek = onlyOn('Asia/Kolkata', 'sun', hours('12:00', '12:01'));
    const lastSunday = Temporal.PlainDate.from('2026-03-01').add({ weeks: 4999 }); // 2026-03-01 is a Sunday
    expect(local('Asia/Kolkata', addBusinessTime(onceAWeek, from, 5000 * MINUTE))).toBe(`${lastSunday.toString()}T12:01+05:30`);
    expect(() => addBusinessTime(onceAWeek, from, 6000 * MINUTE)).toThrow(NoOpenTimeError);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('holidays that close every open day of a year only push the deadline to the next year', () => {
    const mondays: string[] = [];
    for (let d = Temporal.PlainDate.from('2026-01-05'); d.year === 2026; d = d.add({ weeks: 1 })) mondays.push(d.toString());
    const calendar = { ...onlyOn('Europe/Riga', 'mon', hours('09:00', '17:00')), holidays: mondays.map((date) => ({ date })) };
    expect(local('Europe/Riga', addBusinessTime(calendar, ms('2026-01-01T00:00+02:00'), HOUR))).toBe('2027-01-04T10:00+02:00');
  });
});

describe('arguments', () => {
  const calendar = weekdays('Europe/Riga', '09:00', '17:00');

  it('rejects instants and durations that are not whole milliseconds', () => {
    expect(() => addBusinessTime(calendar, Number.NaN, HOUR)).toThrow(RangeError);
    expect(() => addBusinessTime(calendar, 0, -1)).toThrow(RangeError);
    expect(() => addBusinessTime(calendar, 0, 0.5)).toThrow(RangeError);
    expect(() => businessTimeBetween(calendar, 0, Infinity)).toThrow(RangeError);
    expect(() => businessTimeBetween(calendar, 0, 200 * 365 * DAY)).toThrow(RangeError);
    expect(() => addBusinessTime(calendar, 0, 200 * 365 * DAY)).toThrow(RangeError);
    expect(() => isOpen(calendar, 1.5)).toThrow(RangeError);
  });

  it('returns 0 for an empty or reversed range', () => {
    expect(businessTimeBetween(calendar, ms('2026-01-06T12:00+02:00'), ms('2026-01-05T12:00+02:00'))).toBe(0);
  });

  it('rejects an invalid calendar with the reasons', () => {
    expect(() => isOpen({ zone: 'Nowhere/Land', alwaysOpen: true }, 0)).toThrowError(
      expect.objectContaining({ name: 'InvalidInput', message: 'Invalid business-hours calendar: zone: "Nowhere/Land" is not an IANA time zone (for example Europe/Riga)' }),
    );
  });
});
