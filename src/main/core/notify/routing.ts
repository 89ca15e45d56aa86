// Who hears about what. A conversation's owner hears about it; unassigned work reaches the
// agents on shift (an agent without shifts: within their own working hours); a lead also hears about
// everyone's breaches and about conversations left waiting by an agent gone off shift (escalation).
// Quiet mode and the OS's Do Not Disturb hold back all but what
// is marked must-interrupt. This desk belongs to one agent: routing decides whether it is theirs.
import type { Agent, NotificationKind, NotificationSuppression } from '@shared/domain';

export interface RoutedNotification {
  kind: Exclude<NotificationKind, 'digest'>;
  /** The conversation's owner; null when unassigned (or no conversation). */
  assigneeId: string | null;
  /** A rule marked it must-interrupt: it goes through quiet mode and Do Not Disturb. */
  mustInterrupt: boolean;
}

export interface DeskAgentState {
  agent: Pick<Agent, 'id' | 'role' | 'quietUntil'>;
  /** On shift (agents with shifts) or within working hours (ScheduleService.isWorking). */
  onShift: boolean;
  /** The OS reports Do Not Disturb; null when it cannot tell. */
  doNotDisturb: boolean | null;
  now: number;
}

export function route(n: RoutedNotification, desk: DeskAgentState): NotificationSuppression | null {
  const { agent } = desk;
  const mine = n.assigneeId === agent.id;
  const escalation = agent.role === 'lead' && (n.kind === 'breach' || n.kind === 'handover');
  if (!mine && !escalation) {
    if (n.assigneeId !== null) return 'assigned-elsewhere';
    if (!desk.onShift) return 'off-shift';
  }
  if (n.mustInterrupt) return null;
  if (agent.quietUntil !== null && agent.quietUntil > desk.now) return 'quiet-mode';
  if (desk.doNotDisturb === true) return 'do-not-disturb';
  return null;
}
