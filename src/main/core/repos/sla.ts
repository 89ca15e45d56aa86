// SLA policies (ordered: the first match wins) and the business calendars they count in.
import { businessCalendarSchema, type BusinessCalendar } from '@shared/businessHours';
import { autoAckSchema, slaMatchSchema, type ResolvedSlaPolicy, type SlaCalendar, type SlaPolicy } from '@shared/sla';
import type { Db } from '../db/database';

interface PolicyRow {
  id: string;
  name: string;
  match: string;
  firstResponseSeconds: number;
  nextResponseSeconds: number;
  resolutionSeconds: number | null;
  calendarId: string | null;
  nearBreachShare: number;
  autoAck: string;
}

export function createSlaRepo(db: Db) {
  const listPolicies = db.prepare<[], PolicyRow>(
    `SELECT id, name, match, first_response_seconds AS firstResponseSeconds, next_response_seconds AS nextResponseSeconds,
            resolution_seconds AS resolutionSeconds, calendar_id AS calendarId, near_breach_share AS nearBreachShare,
            auto_ack AS autoAck
     FROM sla_policies ORDER BY position, id`,
  );
  const upsertPolicy = db.prepare(
    `INSERT INTO sla_policies (id, name, position, match, first_response_seconds, next_response_seconds, resolution_seconds,
                               calendar_id, near_breach_share, auto_ack)
     VALUES (@id, @name, @position, @match, @firstResponseSeconds, @nextResponseSeconds, @resolutionSeconds,
             @calendarId, @nearBreachShare, @autoAck)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, match = excluded.match,
       first_response_seconds = excluded.first_response_seconds, next_response_seconds = excluded.next_response_seconds,
       resolution_seconds = excluded.resolution_seconds, calendar_id = excluded.calendar_id,
       near_breach_share = excluded.near_breach_share, auto_ack = excluded.auto_ack`,
  );
  const positionOf = db.prepare<[string], { position: number }>('SELECT position FROM sla_policies WHERE id = ?');
  const lastPosition = db.prepare<[], { n: number | null }>('SELECT MAX(position) AS n FROM sla_policies');
  const setPosition = db.prepare<[number, string]>('UPDATE sla_policies SET position = ? WHERE id = ?');
  const removePolicy = db.prepare<[string]>('DELETE FROM sla_policies WHERE id = ?');

  const listCalendars = db.prepare<[], { id: string; name: string; definition: string }>('SELECT id, name, definition FROM business_calendars ORDER BY name, id');
  const upsertCalendar = db.prepare<{ id: string; name: string; definition: string }>(
    `INSERT INTO business_calendars (id, name, definition) VALUES (@id, @name, @definition)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, definition = excluded.definition`,
  );
  const removeCalendar = db.prepare<[string]>('DELETE FROM business_calendars WHERE id = ?');
  const calendarUsers = db.prepare<[string], { name: string }>('SELECT name FROM sla_policies WHERE calendar_id = ? ORDER BY position');

  const toPolicy = (row: PolicyRow): SlaPolicy => ({
    ...row,
    match: slaMatchSchema.parse(JSON.parse(row.match)),
    autoAck: autoAckSchema.parse(JSON.parse(row.autoAck)),
  });
  const calendars = (): SlaCalendar[] =>
    listCalendars.all().map((row) => ({ id: row.id, name: row.name, calendar: businessCalendarSchema.parse(JSON.parse(row.definition)) }));

  return {
    policies: (): SlaPolicy[] => listPolicies.all().map(toPolicy),
    /** The policies with their calendars, as the deadline maths needs them. */
    resolvedPolicies(): ResolvedSlaPolicy[] {
      const byId = new Map<string, BusinessCalendar>(calendars().map((c) => [c.id, c.calendar]));
      return this.policies().map((p) => ({ ...p, calendar: p.calendarId ? (byId.get(p.calendarId) ?? null) : null }));
    },
    /** Adds a policy at the end of the order, or changes one in place. */
    savePolicy(policy: SlaPolicy) {
      const position = positionOf.get(policy.id)?.position ?? (lastPosition.get()?.n ?? -1) + 1;
      upsertPolicy.run({
        id: policy.id,
        name: policy.name,
        position,
        match: JSON.stringify(policy.match),
        firstResponseSeconds: policy.firstResponseSeconds,
        nextResponseSeconds: policy.nextResponseSeconds,
        resolutionSeconds: policy.resolutionSeconds,
        calendarId: policy.calendarId,
        nearBreachShare: policy.nearBreachShare,
        autoAck: JSON.stringify(policy.autoAck),
      });
    },
    /** The order in which policies are tried: these ids first, in this order. */
    reorderPolicies: (ids: string[]) => db.transaction(() => ids.forEach((id, position) => setPosition.run(position, id)))(),
    removePolicy: (id: string) => removePolicy.run(id).changes > 0,
    calendars,
    saveCalendar: (c: SlaCalendar) => void upsertCalendar.run({ id: c.id, name: c.name, definition: JSON.stringify(c.calendar) }),
    removeCalendar: (id: string) => removeCalendar.run(id).changes > 0,
    /** Names of the policies that count in this calendar. */
    calendarUsers: (id: string): string[] => calendarUsers.all(id).map((r) => r.name),
  };
}

export type SlaRepo = ReturnType<typeof createSlaRepo>;
