import { describe, expect, it } from 'vitest';
import type { Shift } from '@shared/schedule';
import { choiceValue, zoneChoices } from './zoneChoices';

const shift = (id: string, timeZone: string, region: string | null): Shift => ({
  id,
  agentId: 'a',
  timeZone,
  startDate: '2026-11-23',
  start: '09:00',
  durationMinutes: 480,
  rrule: null,
  exceptions: [],
  region,
  note: null,
  version: 0,
  updatedAt: 0,
});

describe('zoneChoices', () => {
  it('offers the viewer’s zone, each agent’s home zone and each region’s most used zone', () => {
    const choices = zoneChoices(
      'Europe/Riga',
      [
        { agentId: 'kenji', zone: 'Asia/Tokyo' },
        { agentId: 'priya', zone: 'Asia/Kolkata' },
      ],
      [shift('1', 'Asia/Tokyo', 'APAC'), shift('2', 'Asia/Kolkata', 'APAC'), shift('3', 'Asia/Kolkata', 'APAC'), shift('4', 'America/New_York', 'AMER'), shift('5', 'UTC', null)],
    );
    expect(choices).toEqual([
      { kind: 'viewer', zone: 'Europe/Riga' },
      { kind: 'agent', zone: 'Asia/Tokyo', agentId: 'kenji' },
      { kind: 'agent', zone: 'Asia/Kolkata', agentId: 'priya' },
      { kind: 'region', zone: 'America/New_York', region: 'AMER' },
      { kind: 'region', zone: 'Asia/Kolkata', region: 'APAC' },
    ]);
    expect(choices.map(choiceValue)).toEqual(['viewer', 'agent:kenji', 'agent:priya', 'region:AMER', 'region:APAC']);
  });
});
