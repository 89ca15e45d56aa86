// Shift handovers (migration 13): one handover per agent and shift end, one item per open
// conversation they owned then. Ids are stable (derived from the agent, the shift end and the
// conversation) so preparing twice adds nothing, and a later team-sync can replicate them.
import type { HandoverStatus } from '@shared/handover';
import type { Db } from '../db/database';

export interface HandoverItemRow {
  id: string;
  handoverId: string;
  conversationId: number;
  fromAgentId: string;
  toAgentId: string | null;
  status: HandoverStatus;
  note: string | null;
  createdAt: number;
  acknowledgedAt: number | null;
  warnedAt: number | null;
  shiftEnd: number;
  version: number;
}

export const handoverId = (agentId: string, shiftEnd: number) => `${agentId}@${shiftEnd}`;
export const handoverItemId = (handover: string, conversationId: number) => `${handover}#${conversationId}`;

const itemColumns = `i.id, i.handover_id AS handoverId, i.conversation_id AS conversationId, h.agent_id AS fromAgentId,
  i.to_agent_id AS toAgentId, i.status, i.note, i.created_at AS createdAt, i.acknowledged_at AS acknowledgedAt,
  i.warned_at AS warnedAt, h.shift_end AS shiftEnd, i.version`;

/** The panel's list: pending items (partial index) and those acknowledged since ? (index on acknowledged_at). */
export const HANDOVER_LIST_SQL = `SELECT * FROM (
    SELECT ${itemColumns} FROM handover_items i JOIN handovers h ON h.id = i.handover_id WHERE i.status = 'pending'
    UNION ALL
    SELECT ${itemColumns} FROM handover_items i JOIN handovers h ON h.id = i.handover_id WHERE i.acknowledged_at >= ? AND i.status = 'accepted'
  ) ORDER BY createdAt DESC, id LIMIT 500`;

export function createHandoverRepo(db: Db) {
  const insertHandover = db.prepare<{ id: string; agentId: string; shiftEnd: number; createdAt: number }>(
    'INSERT INTO handovers (id, agent_id, shift_end, created_at) VALUES (@id, @agentId, @shiftEnd, @createdAt) ON CONFLICT (id) DO NOTHING',
  );
  const insertItem = db.prepare<{ id: string; handoverId: string; conversationId: number; toAgentId: string | null; createdAt: number }>(
    `INSERT INTO handover_items (id, handover_id, conversation_id, to_agent_id, status, created_at, version)
     VALUES (@id, @handoverId, @conversationId, @toAgentId, 'pending', @createdAt, 1) ON CONFLICT (id) DO NOTHING`,
  );
  const getItem = db.prepare<[string], HandoverItemRow>(`SELECT ${itemColumns} FROM handover_items i JOIN handovers h ON h.id = i.handover_id WHERE i.id = ?`);
  const pendingForConversation = db.prepare<[number], { id: string }>("SELECT id FROM handover_items WHERE conversation_id = ? AND status = 'pending' LIMIT 1");
  const listRecent = db.prepare<[number], HandoverItemRow>(HANDOVER_LIST_SQL);
  const toWarn = db.prepare<[], HandoverItemRow>(
    `SELECT ${itemColumns} FROM handover_items i JOIN handovers h ON h.id = i.handover_id
     JOIN conversations c ON c.id = i.conversation_id
     WHERE i.status = 'pending' AND i.warned_at IS NULL AND c.status = 'open' AND c.awaiting_since IS NOT NULL LIMIT 200`,
  );
  const setReceiver = db.prepare<{ id: string; toAgentId: string | null; note: string | null }>(
    'UPDATE handover_items SET to_agent_id = @toAgentId, note = @note, version = version + 1 WHERE id = @id',
  );
  const accept = db.prepare<{ id: string; agentId: string; at: number }>(
    "UPDATE handover_items SET status = 'accepted', to_agent_id = @agentId, acknowledged_at = @at, version = version + 1 WHERE id = @id",
  );
  const markWarned = db.prepare<[number, string]>('UPDATE handover_items SET warned_at = ? WHERE id = ?');
  // A conversation closed or taken by someone else needs no handover any more.
  const settleStale = db.prepare<[number]>(
    `UPDATE handover_items SET status = 'accepted', acknowledged_at = ?, version = version + 1
     WHERE status = 'pending' AND conversation_id IN (
       SELECT i.conversation_id FROM handover_items i JOIN handovers h ON h.id = i.handover_id JOIN conversations c ON c.id = i.conversation_id
       WHERE i.status = 'pending' AND (c.status <> 'open' OR c.assignee_id IS NOT h.agent_id AND c.assignee_id IS NOT i.to_agent_id))`,
  );

  // The owner is on shift again and still has it: nothing to hand over any more.
  const settleReturned = db.prepare<[number, string]>(
    `UPDATE handover_items SET status = 'accepted', to_agent_id = (SELECT h.agent_id FROM handovers h WHERE h.id = handover_id),
       acknowledged_at = ?, version = version + 1
     WHERE status = 'pending' AND id IN (
       SELECT i.id FROM handover_items i JOIN handovers h ON h.id = i.handover_id JOIN conversations c ON c.id = i.conversation_id
       WHERE i.status = 'pending' AND c.assignee_id = h.agent_id AND h.agent_id IN (SELECT value FROM json_each(?)))`,
  );

  return {
    /** Records a handover and its items; existing ones are left as they are. Returns the ids of new items. */
    prepare(handover: { agentId: string; shiftEnd: number }, items: { conversationId: number; toAgentId: string | null }[], now: number): string[] {
      const id = handoverId(handover.agentId, handover.shiftEnd);
      insertHandover.run({ id, ...handover, createdAt: now });
      const added: string[] = [];
      for (const item of items) {
        // One pending item per conversation: a later shift end does not hand it over twice.
        if (pendingForConversation.get(item.conversationId)) continue;
        const itemId = handoverItemId(id, item.conversationId);
        if (insertItem.run({ id: itemId, handoverId: id, createdAt: now, ...item }).changes > 0) added.push(itemId);
      }
      return added;
    },
    item: (id: string): HandoverItemRow | null => getItem.get(id) ?? null,
    /** Pending items, and those acknowledged since `since`, newest first. */
    recent: (since: number): HandoverItemRow[] => listRecent.all(since),
    /** Pending items whose conversation waits for an answer and nobody was warned about yet. */
    unwarnedWaiting: (): HandoverItemRow[] => toWarn.all(),
    setReceiver: (id: string, toAgentId: string | null, note: string | null) => void setReceiver.run({ id, toAgentId, note }),
    accept: (id: string, agentId: string, at: number) => void accept.run({ id, agentId, at }),
    markWarned: (id: string, at: number) => void markWarned.run(at, id),
    settleStale: (now: number): number => settleStale.run(now).changes,
    /** Settles pending items of these agents (on shift again) for conversations they still own. */
    settleReturned: (agentIds: string[], now: number): number => (agentIds.length === 0 ? 0 : settleReturned.run(now, JSON.stringify(agentIds)).changes),
  };
}

export type HandoverRepo = ReturnType<typeof createHandoverRepo>;
