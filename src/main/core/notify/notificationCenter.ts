// Turns what the core wants to tell the agent into notifications: the first after a quiet spell
// shows at once; what follows within a short window is held and shown together at its end (as a
// digest when there are more than a few), so a burst of 500 mentions is a handful of
// notifications. While the burst goes on, each window is twice as long as the last (up to a
// couple of minutes): 10,000 mentions in five minutes are still only a handful. Shown natively where the host can, and always pushed to the renderer with the
// outcome so it can fall back to Web Notifications and an in-app toast.
import { isolate } from '@shared/bidi';
import type { DeskNotification, NotificationKind, NotificationSuppression } from '@shared/domain';
import type { EventBus } from '../events';
import type { Clock, Logger, Notifier } from '../ports';
import type { Translate } from '../i18n/translator';
import { Timer } from '../sync/timer';

export interface NotificationDraft {
  kind: Exclude<NotificationKind, 'digest'>;
  title: string;
  body: string;
  conversationId: number;
  customerName: string;
  /** The conversation's owner, for routing; null or absent when unassigned. */
  assigneeId?: string | null;
  /** Goes through quiet mode and Do Not Disturb. */
  mustInterrupt?: boolean;
}

/** More than this many at once become one digest. */
export const DIGEST_THRESHOLD = 3;
/** After a notification, others are held this long and shown together. */
export const GROUP_WINDOW_MS = 10_000;
/** The longest a busy spell holds notifications back. */
export const MAX_GROUP_WINDOW_MS = 120_000;
const MAX_BODY = 180;

export class NotificationCenter {
  private counter = 0;
  private held: NotificationDraft[] = [];
  private windowEndsAt = 0;
  private windowMs = 0;
  private readonly timer = new Timer(() => this.flush());

  constructor(
    private readonly deps: {
      notifier: Notifier;
      events: EventBus;
      clock: Clock;
      logger: Logger;
      t: Translate;
      groupWindowMs?: number;
      /** Whether a notification is for this desk's agent now (see routing.ts); default: all are. */
      route?: (draft: NotificationDraft) => NotificationSuppression | null;
    },
  ) {}

  publish(all: NotificationDraft[]): void {
    const drafts: NotificationDraft[] = [];
    for (const draft of all) {
      const suppressed = this.deps.route?.(draft) ?? null;
      // Routed away: recorded with the reason (the renderer shows no toast), never shown.
      if (suppressed) this.deps.events.emit('notification', { ...this.notification(draft), suppressed });
      else drafts.push(draft);
    }
    if (drafts.length === 0) return;
    const now = this.deps.clock.now();
    if (now < this.windowEndsAt) {
      this.held.push(...drafts);
      this.timer.scheduleWithin(this.windowEndsAt - now);
      return;
    }
    // The window ended before its timer ran (a busy event loop): what it held goes with these.
    const held = this.held;
    this.held = [];
    this.timer.cancel();
    this.showBatch([...held, ...drafts], held.length > 0);
  }

  stop(): void {
    this.timer.cancel();
  }

  private flush(): void {
    const held = this.held;
    this.held = [];
    if (held.length > 0) this.showBatch(held, true);
  }

  private showBatch(drafts: NotificationDraft[], stillBusy = false): void {
    const base = this.deps.groupWindowMs ?? GROUP_WINDOW_MS;
    this.windowMs = stillBusy ? Math.min(Math.max(base, this.windowMs * 2), Math.max(base, MAX_GROUP_WINDOW_MS)) : base;
    this.windowEndsAt = this.deps.clock.now() + this.windowMs;
    const batch = drafts.length > DIGEST_THRESHOLD ? [this.digest(drafts)] : drafts;
    for (const draft of batch) this.show(draft);
  }

  private digest(drafts: NotificationDraft[]): Omit<NotificationDraft, 'kind' | 'customerName'> & { kind: NotificationKind } {
    const names = [...new Set(drafts.map((d) => d.customerName))].map(isolate);
    const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ' …' : '');
    return {
      kind: 'digest',
      title: this.deps.t('notifications.digest.title', { count: drafts.length }),
      body: this.deps.t('notifications.digest.body', { names: shown }),
      conversationId: drafts[0]!.conversationId,
    };
  }

  private notification(draft: { kind: NotificationKind; title: string; body: string; conversationId: number }): DeskNotification {
    const { clock } = this.deps;
    return {
      id: `n${clock.now().toString(36)}-${(this.counter++).toString(36)}`,
      kind: draft.kind,
      title: draft.title,
      body: draft.body.length > MAX_BODY ? draft.body.slice(0, MAX_BODY - 1) + '…' : draft.body,
      conversationId: draft.conversationId,
      createdAt: clock.now(),
      deliveredNatively: false,
      suppressed: null,
    };
  }

  private show(draft: { kind: NotificationKind; title: string; body: string; conversationId: number }): DeskNotification {
    const { notifier, events, logger } = this.deps;
    const notification = this.notification(draft);
    let outcome;
    try {
      outcome = notifier.show(notification, () => events.emit('openConversation', { conversationId: draft.conversationId }));
    } catch (error) {
      outcome = { status: 'not-shown' as const, reason: 'error' as const, detail: String(error) };
    }
    notification.deliveredNatively = outcome.status === 'shown';
    if (outcome.status !== 'shown' && notifier.native) logger.warn('notification not shown', { id: notification.id, ...outcome });
    events.emit('notification', notification);
    return notification;
  }
}
