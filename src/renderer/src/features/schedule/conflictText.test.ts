import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '@shared/locales/en.json';
import type { ShiftConflict, ShiftOccurrence } from '@shared/schedule';
import { formatDayTimeIn } from '../../i18n/formatters';
import { conflictedOccurrences, conflictSentence } from './conflictText';

const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, initAsync: false });

const o = (shiftId: string, localDate: string, start: string, end: string): ShiftOccurrence => ({
  shiftId,
  agentId: 'aiko',
  timeZone: 'Asia/Tokyo',
  localDate,
  start: Date.parse(start),
  end: Date.parse(end),
  region: null,
});
const a = o('s1', '2026-11-25', '2026-11-25T00:00:00Z', '2026-11-25T08:00:00Z');
const b = o('s2', '2026-11-25', '2026-11-25T06:00:00Z', '2026-11-25T11:00:00Z');
const nameOf = (id: string) => (id === 'aiko' ? 'Aiko Tanaka' : id);
const when = (time: number) => formatDayTimeIn(time, 'Europe/Riga', 'en-US');
const conflict = (kind: ShiftConflict['kind'], occurrences: ShiftOccurrence[]): ShiftConflict => ({ kind, agentId: 'aiko', occurrences, message: kind });

describe('conflictSentence', () => {
  it('says who, which shifts (in the shown zone) and what is wrong, for each kind', () => {
    expect(conflictSentence(i18n.t, conflict('overlap', [a, b]), nameOf, when)).toBe(
      'Aiko Tanaka has two shifts at the same time: the one starting Wed, Nov 25, 2:00 AM overlaps the one starting Wed, Nov 25, 8:00 AM.',
    );
    expect(conflictSentence(i18n.t, conflict('short-rest', [a, b]), nameOf, when)).toBe('Aiko Tanaka has too little rest: a shift ends Wed, Nov 25, 10:00 AM and the next starts Wed, Nov 25, 8:00 AM.');
    expect(conflictSentence(i18n.t, conflict('dst-gap', [a]), nameOf, when)).toBe(
      "Aiko Tanaka's shift of Wed, Nov 25, 2:00 AM is set to begin at a clock time that does not exist in Asia/Tokyo (the clocks go forward then).",
    );
    expect(conflictSentence(i18n.t, conflict('time-off', [a]), nameOf, when)).toBe('Aiko Tanaka is on time off during the shift starting Wed, Nov 25, 2:00 AM.');
  });

  it('marks every occurrence a conflict names', () => {
    const marked = conflictedOccurrences([conflict('overlap', [a, b]), conflict('time-off', [a])]);
    expect(marked.get('s1|2026-11-25')?.map((c) => c.kind)).toEqual(['overlap', 'time-off']);
    expect(marked.get('s2|2026-11-25')?.map((c) => c.kind)).toEqual(['overlap']);
  });
});
