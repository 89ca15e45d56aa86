// Watches running deadlines: reports each one once when it comes near (the policy's share of
// the target) and once when it is breached, keeps the badge count, and wakes exactly when the
// next warning or deadline is due, re-checking at least every minute so a sleep/resume or a
// clock change is noticed.
import { isolate } from '@shared/bidi';
import type { EventBus } from '../events';
import type { Badge, Clock } from '../ports';
import type { Repos } from '../repos';
import type { NotificationCenter } from '../notify/notificationCenter';
import type { Translate } from '../i18n/translator';
import { Timer } from '../sync/timer';
import type { ResolvedSlaPolicy } from '@shared/sla';
import { recordBreach } from '../reports/recordEvents';

const MAX_SLEEP_MS = 60_000;
const BATCH = 200;

export class SlaMonitor {
  private readonly timer = new Timer(() => this.check());
  private stopped = true;

  constructor(
    private readonly deps: {
      repos: Repos;
      clock: Clock;
      badge: Badge;
      /** The SLA policies in force: which target a breach missed. */
      policies: () => readonly ResolvedSlaPolicy[];
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

  /** Deadlines changed (new message, reply, resolve): re-evaluate now. */
  poke(): void {
    if (!this.stopped) this.timer.schedule(0);
  }

  check(): void {
    if (this.stopped) return;
    const { repos, clock, badge, events, notifications, t, formatTime } = this.deps;
    const now = clock.now();
    const near = repos.conversations.warnCandidates(now, BATCH);
    if (near.length > 0) {
      const drafts = repos.db.transaction(() =>
        near.map((id) => {
          repos.conversations.patch(id, { warnNotifiedAt: now });
          const c = repos.conversations.state(id)!;
          const summary = repos.conversations.summary(id)!;
          return {
            kind: 'near-breach' as const,
            conversationId: id,
            assigneeId: c.assigneeId,
            customerName: summary.customerName,
            title: t('notifications.nearBreach.title', { customer: isolate(summary.customerName) }),
            body: t('notifications.nearBreach.body', { account: repos.workspace.account(c.accountId)?.name ?? '', due: formatTime(c.dueAt) }),
          };
        }),
      )();
      notifications.publish(drafts);
    }
    const ids = repos.conversations.breachCandidates(now, BATCH);
    if (ids.length > 0) {
      const drafts = repos.db.transaction(() =>
        ids.map((id) => {
          // A breach says all a warning would: no warning comes after it.
          const c = repos.conversations.state(id)!;
          recordBreach(repos, this.deps.policies(), c, now);
          repos.conversations.patch(id, { breachNotifiedAt: now, warnNotifiedAt: now });
          const summary = repos.conversations.summary(id)!;
          const account = repos.workspace.account(c.accountId);
          const first = c.firstRespondedAt === null;
          return {
            kind: 'breach' as const,
            conversationId: id,
            assigneeId: c.assigneeId,
            customerName: summary.customerName,
            title: t(first ? 'notifications.breach.title' : 'notifications.breachNext.title', { customer: isolate(summary.customerName) }),
            body: t(first ? 'notifications.breach.body' : 'notifications.breachNext.body', {
              account: account?.name ?? '',
              due: formatTime(c.dueAt),
              since: formatTime(c.awaitingSince ?? c.dueAt),
            }),
          };
        }),
      )();
      notifications.publish(drafts);
      events.emit('changes', { tables: ['conversations'], conversationIds: ids });
    }
    badge.set(repos.conversations.attentionCount(now), repos.conversations.nextDeadline());
    if (near.length > 0) events.emit('changes', { tables: ['conversations'], conversationIds: near });
    if (ids.length === BATCH || near.length === BATCH) return this.timer.schedule(0);
    const next = Math.min(repos.conversations.nextDeadline() ?? Infinity, repos.conversations.nextWarning() ?? Infinity);
    this.timer.schedule(Math.min(MAX_SLEEP_MS, Math.max(0, next - now) + 5));
  }
}
