// Shift handover: when an agent's shift ends (and they are not on shift again), every open
// conversation they own gets a pending handover item with a suggested receiver from the next
// shift (covers its queue, speaks its language, has room), else the queue. The item is
// reassigned (to an agent or the queue) and acknowledged by its receiver. A pending item whose
// conversation waits for an answer raises one 'handover' notification (the receiver, leads, or
// the agents on shift when it sits in the queue), so nothing owned by an off-shift agent waits
// unnoticed. Checks run at each shift end and at least every minute.
import { isolate } from '@shared/bidi';
import { DeskError } from '@shared/errors';
import { handoverNote, type HandoverItem } from '@shared/handover';
import { suggestReceiver } from '@shared/handover/assignment';
import type { EventBus } from '../events';
import type { Translate } from '../i18n/translator';
import type { NotificationCenter } from '../notify/notificationCenter';
import type { Clock } from '../ports';
import type { Repos } from '../repos';
import type { HandoverItemRow } from '../repos/handovers';
import { Timer } from '../sync/timer';
import { HANDOVER_LOOKBACK_MS, NEXT_SHIFT_WINDOW_MS, endedShifts, agentsOnShiftAt, type ShiftSchedule } from './shiftSchedule';
import { recordAssignment } from '../reports/recordEvents';

const MAX_SLEEP_MS = 60_000;
/** Acknowledged items stay in the list this long. */
const SHOW_ACCEPTED_MS = 24 * 3_600_000;

export class HandoverService {
  private readonly timer = new Timer(() => this.check());
  private stopped = true;

  constructor(
    private readonly deps: {
      repos: Repos;
      schedule: ShiftSchedule;
      clock: Clock;
      events: EventBus;
      notifications: NotificationCenter;
      t: Translate;
      formatTime: (epochMs: number) => string;
    },
  ) {}

  start(): void {
    this.stopped = false;
    this.check();
  }

  stop(): void {
    this.stopped = true;
    this.timer.cancel();
  }

  /** The schedule changed: check again now. */
  poke(): void {
    if (!this.stopped) this.timer.schedule(0);
  }

  /** Prepares due handovers and warns about waiting ones; returns the new items' ids. */
  check(): string[] {
    const { repos, schedule, clock } = this.deps;
    const now = clock.now();
    const occurrences = schedule.occurrences(now - HANDOVER_LOOKBACK_MS, now + NEXT_SHIFT_WINDOW_MS);
    const added = repos.db.transaction(() => {
      const settled = repos.handovers.settleStale(now) + repos.handovers.settleReturned([...agentsOnShiftAt(occurrences, now)], now);
      const ended = endedShifts(occurrences, now - HANDOVER_LOOKBACK_MS, now);
      const profiles = schedule.profiles();
      const load = repos.conversations.openLoad();
      const ids: string[] = [];
      for (const [agentId, shiftEnd] of ended) {
        const owned = repos.conversations.openOwnedBy(agentId);
        if (owned.length === 0) continue;
        const next = agentsOnShiftAt(occurrences, shiftEnd);
        for (const o of occurrences) if (o.start >= shiftEnd && o.start < shiftEnd + NEXT_SHIFT_WINDOW_MS) next.add(o.agentId);
        next.delete(agentId);
        const receivers = profiles.filter((p) => next.has(p.agentId));
        const items = owned.map((conversationId) => {
          const c = repos.conversations.state(conversationId)!;
          const toAgentId = suggestReceiver(receivers, c, load);
          if (toAgentId !== null) load.set(toAgentId, (load.get(toAgentId) ?? 0) + 1);
          return { conversationId, toAgentId };
        });
        ids.push(...repos.handovers.prepare({ agentId, shiftEnd }, items, now));
      }
      return { ids, settled };
    })();
    this.warnWaiting(now);
    if (added.ids.length > 0 || added.settled > 0) this.changed();
    if (!this.stopped) {
      const nextEnd = Math.min(...occurrences.filter((o) => o.end > now).map((o) => o.end), Infinity);
      this.timer.schedule(Math.min(MAX_SLEEP_MS, nextEnd - now + 5));
    }
    return added.ids;
  }

  /** Pending items and those acknowledged in the last day, newest first, with their notes as of now. */
  list(): HandoverItem[] {
    const now = this.deps.clock.now();
    return this.deps.repos.handovers.recent(now - SHOW_ACCEPTED_MS).map((row) => this.toItem(row, now));
  }

  /** Hands the conversation to another agent (or the queue: null), with a note for them. */
  reassign(itemId: string, to: string | null, note: string | undefined): HandoverItem {
    const { repos } = this.deps;
    const item = this.pending(itemId);
    if (to !== null && !repos.workspace.agents().some((a) => a.id === to)) throw new DeskError('NotFound', `Agent ${to} was not found`);
    repos.db.transaction(() => {
      repos.handovers.setReceiver(itemId, to, note === undefined ? item.note : note.trim() || null);
      const state = repos.conversations.state(item.conversationId);
      if (state) recordAssignment(repos, state, to, this.deps.clock.now());
      repos.conversations.patch(item.conversationId, { assigneeId: to });
    })();
    this.changed([item.conversationId]);
    return this.item(itemId);
  }

  /** The receiver takes the conversation (one handed to the queue: whoever acknowledges it). */
  acknowledge(itemId: string): HandoverItem {
    const { repos, clock } = this.deps;
    const item = this.pending(itemId);
    const self = repos.workspace.selfAgent();
    if (item.toAgentId !== null && item.toAgentId !== self.id) {
      const receiver = repos.workspace.agents().find((a) => a.id === item.toAgentId)?.name ?? item.toAgentId;
      throw new DeskError('Conflict', `This handover is for ${receiver}: only they can acknowledge it`);
    }
    repos.db.transaction(() => {
      repos.handovers.accept(itemId, self.id, clock.now());
      const state = repos.conversations.state(item.conversationId);
      if (state) recordAssignment(repos, state, self.id, clock.now());
      repos.conversations.patch(item.conversationId, { assigneeId: self.id });
    })();
    this.changed([item.conversationId]);
    return this.item(itemId);
  }

  private pending(itemId: string): HandoverItemRow {
    const item = this.deps.repos.handovers.item(itemId);
    if (!item) throw new DeskError('NotFound', `Handover item ${itemId} was not found`);
    if (item.status !== 'pending') throw new DeskError('Conflict', 'This handover was already acknowledged');
    return item;
  }

  private item(itemId: string): HandoverItem {
    return this.toItem(this.deps.repos.handovers.item(itemId)!, this.deps.clock.now());
  }

  private toItem(row: HandoverItemRow, now: number): HandoverItem {
    const { repos } = this.deps;
    const state = repos.conversations.state(row.conversationId)!;
    const summary = repos.conversations.summary(row.conversationId)!;
    const from = repos.workspace.agents().find((a) => a.id === row.fromAgentId);
    const agentTimeZone = this.deps.schedule.profiles().find((p) => p.agentId === row.fromAgentId)?.timeZone ?? from?.timeZone ?? 'UTC';
    const note = handoverNote({ dueAt: state.dueAt, messages: repos.messages.forConversation(row.conversationId), agentTimeZone, now, note: row.note });
    return {
      id: row.id,
      handoverId: row.handoverId,
      conversationId: row.conversationId,
      customerName: summary.customerName,
      fromAgentId: row.fromAgentId,
      toAgentId: row.toAgentId,
      status: row.status,
      createdAt: row.createdAt,
      acknowledgedAt: row.acknowledgedAt,
      shiftEnd: row.shiftEnd,
      ...note,
    };
  }

  private warnWaiting(now: number): void {
    const { repos, notifications, t, formatTime } = this.deps;
    const waiting = repos.handovers.unwarnedWaiting();
    if (waiting.length === 0) return;
    const agents = new Map(repos.workspace.agents().map((a) => [a.id, a.name]));
    const drafts = repos.db.transaction(() =>
      waiting.map((item) => {
        repos.handovers.markWarned(item.id, now);
        const state = repos.conversations.state(item.conversationId)!;
        const customerName = repos.conversations.summary(item.conversationId)!.customerName;
        return {
          kind: 'handover' as const,
          conversationId: item.conversationId,
          customerName,
          assigneeId: item.toAgentId,
          title: t('notifications.handover.title', { customer: isolate(customerName) }),
          body: t('notifications.handover.body', { agent: agents.get(item.fromAgentId) ?? item.fromAgentId, since: formatTime(state.awaitingSince ?? now) }),
        };
      }),
    )();
    notifications.publish(drafts);
  }

  private changed(conversationIds: number[] = []): void {
    this.deps.events.emit('changes', { tables: ['handovers', 'conversations'], conversationIds });
  }
}
