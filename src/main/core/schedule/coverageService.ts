// Coverage against demand (#6): this week's shifts in the viewer's zone beside the average
// demand of the last N weeks, at the lead's target. The maths is in @shared/schedule/coverage.
import { DeskError } from '@shared/errors';
import type { AgentProfile, ShiftOccurrence } from '@shared/schedule';
import {
  assertTimeZone,
  compareCoverage,
  coverageSegments,
  coverageTargetSchema,
  DEFAULT_COVERAGE_TARGET,
  demandByHourOfWeek,
  staffedByHourOfWeek,
  startOfWeek,
  weeksBefore,
  ALL_SEGMENT,
  type CoverageReport,
  type CoverageSegment,
} from '@shared/schedule/coverage';
import type { EventBus } from '../events';
import type { Clock } from '../ports';
import type { Repos } from '../repos';

const TARGET_SETTING = 'coverage.messagesPerAgentHour';

/** Where staffing comes from: the schedule's occurrences and the agents' profiles. */
export interface StaffingSource {
  occurrences(from: number, to: number): ShiftOccurrence[];
  profiles(): AgentProfile[];
}

export class CoverageService {
  constructor(private readonly deps: { repos: Repos; clock: Clock; events: EventBus; staffing: StaffingSource }) {}

  report(input: { timeZone: string; weeks: number; segment?: CoverageSegment }): CoverageReport {
    const { repos, clock, staffing } = this.deps;
    const { timeZone, weeks } = input;
    const segment = input.segment ?? ALL_SEGMENT;
    assertTimeZone(timeZone);
    const now = clock.now();
    const weekStart = startOfWeek(now, timeZone);
    const weekEnd = weeksBefore(weekStart, -1, timeZone);
    const historyFrom = weeksBefore(now, weeks, timeZone);

    const inbound = repos.coverage.inboundCounts(historyFrom, now);
    const occurrences = staffing.occurrences(weekStart, weekEnd);
    const profiles = staffing.profiles();
    const { target, isDefault } = this.target();
    const demand = demandByHourOfWeek(inbound, { timeZone, weeks, segment });
    const staffed = staffedByHourOfWeek(occurrences, profiles, { timeZone, from: weekStart, to: weekEnd, weeks: 1, segment });
    return {
      timeZone,
      segment,
      buckets: compareCoverage(demand, staffed, target),
      target,
      targetIsDefault: isDefault,
      segments: coverageSegments(inbound, profiles, occurrences),
      weekStart,
      weekEnd,
      historyFrom,
      historyTo: now,
      weeks,
    };
  }

  /** A lead sets the team's messages per agent-hour. */
  setTarget(messagesPerAgentHour: number): number {
    const { repos, events } = this.deps;
    if (repos.workspace.selfAgent().role !== 'lead') throw new DeskError('Forbidden', 'Only a lead can set the coverage target');
    const target = coverageTargetSchema.parse(messagesPerAgentHour);
    repos.workspace.setSetting(TARGET_SETTING, String(target));
    events.emit('changes', { tables: ['coverage'], conversationIds: [] });
    return target;
  }

  private target(): { target: number; isDefault: boolean } {
    const stored = coverageTargetSchema.safeParse(Number(this.deps.repos.workspace.setting(TARGET_SETTING)));
    return stored.success ? { target: stored.data, isDefault: false } : { target: DEFAULT_COVERAGE_TARGET, isDefault: true };
  }
}
