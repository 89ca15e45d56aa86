// Auto-assignment of new conversations to the agents on shift who cover the conversation's queue
// and speak its language: round robin among them (the rotation's place is kept in settings, so
// it survives a restart), each up to their capacity of open assigned conversations. When nobody
// fits, the conversation stays in the queue. A workspace setting turns it on or off; until set,
// it is on as soon as any shift exists.
import type { Clock } from '../ports';
import type { Repos } from '../repos';
import { nextInRotation } from '@shared/handover/assignment';
import { agentsOnShiftAt, type ShiftSchedule } from './shiftSchedule';
import { recordAssignment } from '../reports/recordEvents';

const ENABLED_KEY = 'autoAssign.enabled';
const LAST_KEY = 'autoAssign.lastAgentId';

export interface AutoAssignSettings {
  enabled: boolean;
  /** False while it follows the default (on when shifts exist). */
  explicit: boolean;
}

export class AutoAssigner {
  constructor(private readonly deps: { repos: Repos; schedule: ShiftSchedule; clock: Clock }) {}

  settings(): AutoAssignSettings {
    const stored = this.deps.repos.workspace.setting(ENABLED_KEY);
    if (stored !== null) return { enabled: stored === 'on', explicit: true };
    return { enabled: this.deps.schedule.occurrences(this.deps.clock.now(), this.deps.clock.now() + 7 * 86_400_000).length > 0, explicit: false };
  }

  setEnabled(enabled: boolean): AutoAssignSettings {
    this.deps.repos.workspace.setSetting(ENABLED_KEY, enabled ? 'on' : 'off');
    return this.settings();
  }

  /** Assigns what it can of these new conversations; returns the ids it assigned. */
  assign(conversationIds: readonly number[]): number[] {
    const { repos, schedule, clock } = this.deps;
    if (conversationIds.length === 0 || !this.settings().enabled) return [];
    const now = clock.now();
    const onShift = agentsOnShiftAt(schedule.occurrences(now, now + 1), now);
    const profiles = schedule.profiles().filter((p) => onShift.has(p.agentId));
    if (profiles.length === 0) return [];
    return repos.db.transaction(() => {
      const load = repos.conversations.openLoad();
      let last = repos.workspace.setting(LAST_KEY);
      const assigned: number[] = [];
      for (const id of conversationIds) {
        const c = repos.conversations.state(id);
        if (!c || c.status !== 'open' || c.assigneeId !== null) continue;
        const agentId = nextInRotation(profiles, c, load, last);
        if (agentId === null) continue;
        recordAssignment(repos, c, agentId, now);
        repos.conversations.patch(id, { assigneeId: agentId });
        load.set(agentId, (load.get(agentId) ?? 0) + 1);
        last = agentId;
        assigned.push(id);
      }
      if (last !== null) repos.workspace.setSetting(LAST_KEY, last);
      return assigned;
    })();
  }
}
