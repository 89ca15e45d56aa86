// Admins' SLA settings: policies (ordered, the first match wins), business calendars, VIP
// customers. Every change re-times the open conversations at once, in one transaction.
import type { Customer } from '@shared/domain';
import { conflict, invalidInput, notFound } from '@shared/errors';
import type { BusinessCalendar } from '@shared/businessHours';
import type { ResolvedSlaPolicy, SlaCalendar, SlaPolicy } from '@shared/sla';
import type { EventBus } from '../events';
import type { Repos } from '../repos';
import { deadlineFields } from './deadlines';

export interface SlaSettingsDeps {
  repos: Repos;
  events: EventBus;
  /** Deadlines moved: wake the SLA monitor. */
  onDeadlinesChanged: () => void;
}

export class SlaSettings {
  private resolved: ResolvedSlaPolicy[] = [];
  private calendarsById = new Map<string, BusinessCalendar>();

  constructor(private readonly deps: SlaSettingsDeps) {
    this.refresh();
  }

  /** The policies as the deadline maths uses them (cached; refreshed on every change). */
  readonly policies = (): readonly ResolvedSlaPolicy[] => this.resolved;

  /** A business calendar by id (cached: notification routing asks for every notification). */
  calendar(id: string): BusinessCalendar | null {
    return this.calendarsById.get(id) ?? null;
  }

  private refresh(): void {
    this.resolved = this.deps.repos.sla.resolvedPolicies();
    this.calendarsById = new Map(this.deps.repos.sla.calendars().map((c) => [c.id, c.calendar]));
  }

  list(): { policies: SlaPolicy[]; calendars: SlaCalendar[] } {
    return { policies: this.deps.repos.sla.policies(), calendars: this.deps.repos.sla.calendars() };
  }

  savePolicy(policy: SlaPolicy): SlaPolicy {
    const { sla } = this.deps.repos;
    if (policy.calendarId !== null && !sla.calendars().some((c) => c.id === policy.calendarId)) throw notFound(`Business calendar ${policy.calendarId}`);
    this.change(() => sla.savePolicy(policy));
    return sla.policies().find((p) => p.id === policy.id)!;
  }

  removePolicy(id: string): void {
    this.change(() => {
      if (!this.deps.repos.sla.removePolicy(id)) throw notFound(`SLA policy ${id}`);
    });
  }

  reorderPolicies(ids: string[]): SlaPolicy[] {
    const { sla } = this.deps.repos;
    const known = sla.policies().map((p) => p.id);
    if (ids.length !== known.length || new Set(ids).size !== ids.length || !ids.every((id) => known.includes(id))) {
      throw invalidInput('Give every policy exactly once, in the new order');
    }
    this.change(() => sla.reorderPolicies(ids));
    return sla.policies();
  }

  saveCalendar(calendar: SlaCalendar): SlaCalendar {
    this.change(() => this.deps.repos.sla.saveCalendar(calendar));
    return this.deps.repos.sla.calendars().find((c) => c.id === calendar.id)!;
  }

  removeCalendar(id: string): void {
    const { sla } = this.deps.repos;
    const users = sla.calendarUsers(id);
    if (users.length > 0) throw conflict(`This calendar is used by ${users.join(', ')}: choose another calendar for them first`);
    if (!sla.removeCalendar(id)) throw notFound(`Business calendar ${id}`);
    this.refresh();
  }

  setVip(customerId: number, vip: boolean): Customer {
    const { repos } = this.deps;
    if (!repos.conversations.customer(customerId)) throw notFound(`Customer ${customerId}`);
    this.change(() => repos.conversations.setVip(customerId, vip), repos.conversations.openIdsOfCustomer(customerId));
    return repos.conversations.customer(customerId)!;
  }

  /** Applies a change and re-times the open conversations it may affect (all by default). */
  private change(apply: () => void, affected?: number[]): void {
    const { repos, events } = this.deps;
    const ids = repos.db.transaction(() => {
      apply();
      this.refresh();
      const ids = affected ?? repos.conversations.openIds();
      for (const id of ids) {
        const state = repos.conversations.state(id);
        if (state) repos.conversations.patch(id, deadlineFields(this.resolved, state));
      }
      return ids;
    })();
    // A failed change leaves the cache as the database is.
    events.emit('changes', { tables: ['conversations'], conversationIds: ids });
    this.deps.onDeadlinesChanged();
  }
}
