/// <reference lib="dom" />
// Shift handover end to end, against the demo workspace in browser mode: Jonas's shift ended two
// minutes ago while he still owned two open conversations; the app hands them over to the agent at
// this desk (on shift now, covering every queue and language), with the SLA state, the customer's
// last message and the promise made in a reply. One is acknowledged; the other is handed to the
// queue with a note and then acknowledged. Set up through the contract (app.call), no fake clock:
// the demo's own schedule is cleared first so only these two shifts count.
import { join } from 'node:path';
import type { ConversationSummary, Workspace } from '../../src/shared/domain';
import type { HandoverItem } from '../../src/shared/handover';
import type { ScheduleView } from '../../src/shared/schedule';
import { ARTIFACTS, expect, test } from './fixtures';

const MIN = 60_000;
const JONAS = 'demo-agent-jonas';

/** A one-off shift in UTC from `start` (a whole minute) lasting `minutes`. */
const shift = (id: string, agentId: string, start: number, minutes: number) => {
  const at = new Date(start).toISOString();
  return { id, agentId, timeZone: 'UTC', startDate: at.slice(0, 10), start: at.slice(11, 16), durationMinutes: minutes, rrule: null, exceptions: [], region: null, note: null, version: 0, updatedAt: 0 };
};
const profile = (agentId: string, languages: string[], version: number) => ({ agentId, timeZone: 'UTC', languages, skills: [], queues: ['all'], capacity: 50, version });

test('a shift ends: its conversations are handed over, reassigned to the queue and acknowledged', async ({ inbox, page, app }) => {
  const { self } = await app.call<Workspace>('getWorkspace');
  const now = Date.now();
  const demo = await app.call<ScheduleView>('getSchedule', { from: now - 30 * 86_400_000, to: now + 30 * 86_400_000 });
  for (const { id } of demo.shifts) await app.call('removeShift', { id });
  const version = (agentId: string) => demo.profiles.find((p) => p.agentId === agentId)?.version ?? 0;
  // Two conversations nobody owns yet (the demo assigns some to its team as they arrive).
  const open = await app.call<ConversationSummary[]>('listConversations', { queue: 'unassigned', limit: 50 });
  const [first, second] = open.filter((c) => c.language !== null && c.dueAt < Number.MAX_SAFE_INTEGER);
  expect(first && second).toBeTruthy();

  // Jonas worked until two minutes ago; this desk's agent is on shift now and speaks every language here.
  const languages = [...new Set(open.map((c) => c.language).filter((l): l is string => l !== null))];
  await app.call('saveAgentProfile', profile(JONAS, languages, version(JONAS)));
  await app.call('saveAgentProfile', profile(self.id, languages, version(self.id)));
  const minute = Math.floor(Date.now() / MIN) * MIN;
  await app.call('saveShift', shift('now-self', self.id, minute - 60 * MIN, 240));
  await app.call('saveShift', shift('ended-jonas', JONAS, minute - 8 * 60 * MIN - 2 * MIN, 8 * 60));
  // He still owns them (a reply of his promised a follow-up).
  for (const c of [first!, second!]) await app.call('assignConversation', { id: c.id, agentId: JONAS });
  await app.call('sendReply', { conversationId: first!.id, body: "Thanks for waiting. I'll follow up tomorrow at 10:00 with the details." });

  const ours = async () => (await app.call<HandoverItem[]>('listHandovers')).filter((i) => i.conversationId === first!.id || i.conversationId === second!.id);
  await expect.poll(async () => (await ours()).length).toBe(2);
  // The demo's team may have owned more (auto-assigned as they arrived; their shifts were just removed).
  const waiting = (await app.call<HandoverItem[]>('listHandovers')).filter((i) => i.status === 'pending' && i.fromAgentId !== self.id && (i.toAgentId === self.id || i.toAgentId === null)).length;
  const button = page.getByRole('button', { name: `Shift handovers: ${waiting} waiting for you` });
  await expect(button).toBeVisible();
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Shift handovers' });
  const firstCard = dialog.getByRole('article', { name: first!.customerName });
  const secondCard = dialog.getByRole('article', { name: second!.customerName });
  await expect(firstCard).toContainText(`From Jonas Becker to ${self.name}`);
  await expect(firstCard).toContainText('Last customer message');
  // The promise, due tomorrow at 10:00 in Jonas's zone (UTC), shown in the browser's (Riga).
  await expect(firstCard.getByRole('listitem')).toContainText("“I'll follow up tomorrow at 10:00 with the details.” due");
  await expect(secondCard.getByText('No promises found in the replies.')).toBeVisible();
  await expect(secondCard.locator('[data-sla]')).toBeVisible();
  await firstCard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'handover.png') });

  // Acknowledged: the conversation is this agent's now.
  await firstCard.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(firstCard.getByText('Acknowledged')).toBeVisible();
  await expect(page.getByRole('button', { name: waiting > 1 ? `Shift handovers: ${waiting - 1} waiting for you` : 'Shift handovers' })).toBeAttached();

  // Handed to the queue with a note, then acknowledged (anyone may take a queue item).
  await secondCard.getByRole('textbox', { name: 'Note for the receiver' }).fill('Asked for the booking reference; not sent yet.');
  await secondCard.getByRole('combobox', { name: 'Hand over to' }).selectOption({ label: 'The queue (unassigned)' });
  await secondCard.getByRole('button', { name: 'Reassign' }).click();
  await expect(secondCard).toContainText('to The queue (unassigned)');
  const afterReassign = await app.call<ConversationSummary[]>('listConversations', { queue: 'unassigned', limit: 200 });
  expect(afterReassign.some((c) => c.id === second!.id)).toBe(true);
  await secondCard.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(secondCard).toContainText('Note: Asked for the booking reference; not sent yet.');
  // Exact: the dialog's "Close shift handovers" also contains the words.
  await expect(page.getByRole('button', { name: waiting > 2 ? `Shift handovers: ${waiting - 2} waiting for you` : 'Shift handovers', exact: true })).toBeAttached();

  const mine = await app.call<ConversationSummary[]>('listConversations', { queue: 'mine', limit: 200 });
  expect(mine.map((c) => c.id)).toEqual(expect.arrayContaining([first!.id, second!.id]));
  // Auto-assignment is on (the demo has shifts) and is switched off from the panel.
  const autoAssign = dialog.getByRole('switch', { name: 'Assign new conversations automatically' });
  await expect(autoAssign).toBeChecked();
  await autoAssign.click();
  await expect(autoAssign).not.toBeChecked();
  expect(await app.call('getAutoAssignment')).toEqual({ enabled: false, explicit: true });

  const items = await ours();
  expect(items.map((i) => [i.conversationId, i.status, i.toAgentId]).sort()).toEqual(
    [
      [first!.id, 'accepted', self.id],
      [second!.id, 'accepted', self.id],
    ].sort(),
  );
  await inbox.screenshot(join(ARTIFACTS, 'handover-done.png'));
});
