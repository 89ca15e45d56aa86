// The zones the grid can be shown in, one click each: the viewer's own, each agent's home zone,
// and each region's (the zone most of that region's shifts are worked in).
import type { Shift } from '@shared/schedule';

export type ZoneChoice =
  | { kind: 'viewer'; zone: string }
  | { kind: 'agent'; zone: string; agentId: string }
  | { kind: 'region'; zone: string; region: string };

export function zoneChoices(viewerZone: string, homeZones: readonly { agentId: string; zone: string }[], shifts: readonly Shift[]): ZoneChoice[] {
  const choices: ZoneChoice[] = [{ kind: 'viewer', zone: viewerZone }];
  for (const { agentId, zone } of homeZones) choices.push({ kind: 'agent', zone, agentId });
  const byRegion = new Map<string, Map<string, number>>();
  for (const shift of shifts) {
    if (!shift.region) continue;
    const counts = byRegion.get(shift.region) ?? new Map<string, number>();
    counts.set(shift.timeZone, (counts.get(shift.timeZone) ?? 0) + 1);
    byRegion.set(shift.region, counts);
  }
  for (const [region, counts] of [...byRegion].sort(([a], [b]) => a.localeCompare(b))) {
    const [zone] = [...counts].sort(([za, a], [zb, b]) => b - a || za.localeCompare(zb))[0] ?? [];
    if (zone) choices.push({ kind: 'region', zone, region });
  }
  return choices;
}

/** A stable value for a choice (several choices may share a zone). */
export function choiceValue(choice: ZoneChoice): string {
  switch (choice.kind) {
    case 'viewer':
      return 'viewer';
    case 'agent':
      return `agent:${choice.agentId}`;
    case 'region':
      return `region:${choice.region}`;
  }
}
