// Shift scheduling end to end: browser mode with the real core and SQLite. The browser runs in
// Europe/Riga (playwright.config.ts), so a Tokyo 09:00-17:00 shift shows at 02:00-10:00 there
// (Riga is UTC+2 and Tokyo UTC+9 in winter; the test pins a November week).
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS, expect, test, type WebApp } from './fixtures';

const HOUR_PX = 36;
const AIKO = 'demo-agent-aiko';

async function openSchedule(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Schedule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule' });
  await expect(dialog.getByTestId('schedule-grid')).toBeVisible();
  return dialog;
}

/** Goes to the week of a date by the arrows (the grid opens on this week). */
async function showWeekOf(dialog: Locator, monday: string) {
  const current = await dialog.locator('[data-date]').first().getAttribute('data-date');
  const weeks = Math.round((Date.parse(monday) - Date.parse(current ?? monday)) / (7 * 86400_000));
  for (let i = 0; i < Math.abs(weeks); i++) await dialog.getByRole('button', { name: weeks > 0 ? 'Next week' : 'Previous week' }).click();
  await expect(dialog.locator('[data-date]').first()).toHaveAttribute('data-date', monday);
}

/** Removes the demo workspace's follow-the-sun schedule, so each test sees only its own shifts. */
async function clearSchedule(app: WebApp) {
  const day = 86400_000;
  const { shifts } = await app.call<{ shifts: { id: string }[] }>('getSchedule', { from: Date.now() - 200 * day, to: Date.now() + 199 * day });
  for (const shift of shifts) await app.call('removeShift', { id: shift.id });
}

/** Minutes from the top of its day column to the top of a block. */
async function minutesFromMidnight(block: Locator): Promise<number> {
  const column = block.locator('xpath=..');
  const [b, c] = await Promise.all([block.boundingBox(), column.boundingBox()]);
  return Math.round(((b!.y - c!.y) / HOUR_PX) * 60);
}

test('a weekday Tokyo shift made in the form shows at 09:00 in Tokyo and 02:00 in Riga, staffs those hours in Coverage, with conflicts in words', async ({ app, inbox, page }) => {
  void inbox;
  const dialog = await openSchedule(page);
  // The demo's follow-the-sun week, as a lead first sees it.
  await expect(dialog.getByTestId('shift-block').first()).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/schedule-demo.png` });
  await clearSchedule(app);
  await expect(dialog.getByTestId('shift-block')).toHaveCount(0);
  await showWeekOf(dialog, '2026-11-23');

  await dialog.getByRole('button', { name: 'New shift' }).click();
  const form = page.getByRole('dialog', { name: 'New shift' });
  await form.getByRole('combobox', { name: 'Agent' }).click();
  await page.getByRole('option', { name: 'Aiko Tanaka', exact: true }).click();
  const zone = form.getByRole('combobox', { name: 'Worked in time zone' });
  await zone.click();
  await zone.fill('Tokyo');
  await page.getByRole('option', { name: /^Asia\/Tokyo / }).click();
  await expect(zone).toHaveValue(/^Asia\/Tokyo/);
  await form.getByLabel('First date').fill('2026-11-23');
  await form.getByLabel('Starts at').fill('09:00');
  await form.getByLabel('Ends at').fill('17:00');
  await form.getByRole('combobox', { name: 'Repeat' }).click();
  await page.getByRole('option', { name: 'Weekly on chosen days' }).click();
  // Bad input: no day chosen is refused with the field's own message, nothing is lost.
  // The day chips are labels over visually hidden checkboxes: clicked as a person would.
  // The form starts on the weekday of today in the viewer's zone, whatever hour CI runs at: clear it.
  const day = (name: string) => form.getByText(name, { exact: true });
  const checked = form.getByRole('checkbox', { checked: true });
  await expect(checked).toHaveCount(1);
  for (const name of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) if (await form.getByRole('checkbox', { name }).isChecked()) await day(name).click();
  await expect(checked).toHaveCount(0);
  await form.getByRole('button', { name: 'Save shift' }).click();
  await expect(form.getByRole('alert')).toHaveText('Choose at least one day');
  for (const name of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await day(name).click();
  await expect(form.getByRole('checkbox', { checked: true })).toHaveCount(5);
  await form.getByRole('textbox', { name: /Region/ }).fill('APAC');
  await form.getByRole('button', { name: 'Save shift' }).click();
  await expect(form).toBeHidden();

  // In the viewer's zone (Riga): 02:00-10:00 on the five weekdays.
  const blocks = dialog.getByTestId('shift-block').and(page.locator(`[data-agent="${AIKO}"]`));
  await expect(blocks).toHaveCount(5);
  await expect(blocks.first()).toHaveAccessibleName('Aiko Tanaka, 2:00 AM–10:00 AM');
  expect(await minutesFromMidnight(blocks.first())).toBe(2 * 60);
  await page.screenshot({ path: `${ARTIFACTS}/schedule-week.png` });

  // One click to Aiko's own zone: 09:00-17:00.
  await dialog.getByText(/^Aiko Tanaka: Asia\/Tokyo/).click();
  await expect(dialog.getByRole('radio', { name: /^Aiko Tanaka: Asia\/Tokyo/ })).toBeChecked();
  await expect(blocks.first()).toHaveAccessibleName('Aiko Tanaka, 9:00 AM–5:00 PM');
  expect(await minutesFromMidnight(blocks.first())).toBe(9 * 60);
  await expect(blocks.nth(4).locator('xpath=..')).toHaveAttribute('data-date', '2026-11-27');
  await page.screenshot({ path: `${ARTIFACTS}/schedule-tokyo.png` });

  // Coverage changes with it (the schedule was empty): in Tokyo's zone, shared with the Coverage
  // tab, one agent on shift 09:00-17:00 on weekdays, none at 08:00 or on Saturday.
  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(page.getByText(/beside the agents on shift this week, in Asia\/Tokyo\.$/)).toBeVisible();
  const staffed = page.getByRole('table', { name: /^Staffed: agents on shift/ });
  const onShift = async (weekday: number, hour: number) =>
    Number(/: ([\d.]+) on shift/.exec((await staffed.locator('tbody tr').nth(weekday).locator('td').nth(hour).getAttribute('title')) ?? '')?.[1]);
  for (const [weekday, hour, agents] of [[2, 9, 1], [2, 16, 1], [4, 12, 1], [2, 8, 0], [2, 17, 0], [5, 12, 0]] as const) await expect.poll(() => onShift(weekday, hour)).toBe(agents);
  await page.getByRole('tab', { name: 'Shifts', exact: true }).click();

  // An overlapping one-off shift is flagged in words and on both blocks.
  await dialog.getByRole('button', { name: 'New shift' }).click();
  await form.getByRole('combobox', { name: 'Agent' }).click();
  await page.getByRole('option', { name: 'Aiko Tanaka', exact: true }).click();
  await form.getByLabel('First date').fill('2026-11-25');
  await form.getByLabel('Starts at').fill('15:00');
  await form.getByLabel('Ends at').fill('20:00');
  await form.getByRole('button', { name: 'Save shift' }).click();
  await expect(form).toBeHidden();
  await expect(dialog.getByTestId('schedule-conflicts')).toContainText('Aiko Tanaka has two shifts at the same time');
  await expect(blocks.and(page.locator('[data-conflict]'))).toHaveCount(2);

  expect(app.log).not.toContain('Error');
});

/** A one-off shift saved through the contract, as another desk would. */
function oneOff(id: string, agentId: string, timeZone: string, startDate: string, start: string, durationMinutes: number) {
  return { id, agentId, timeZone, startDate, start, durationMinutes, rrule: null, exceptions: [], region: null, note: null, version: 0, updatedAt: 0 };
}

/** Local date and time of an instant in a zone ('YYYY-MM-DD', 'HH:MM'). */
function localParts(time: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(time);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

test('a night shift is split at midnight; the header names who is on shift now; My shifts shows both zones', async ({ app, inbox, page }) => {
  void inbox;
  await clearSchedule(app);
  const { self } = await app.call<{ self: { id: string; timeZone: string } }>('getWorkspace');
  // Running now (from an hour ago, for two hours) in Riga, for Laura.
  const hourAgo = localParts(Date.now() - 60 * 60_000, 'Europe/Riga');
  await app.call('saveShift', oneOff('now', 'demo-agent-laura', 'Europe/Riga', hourAgo.date, hourAgo.time, 120));
  await expect(page.getByTestId('on-shift')).toHaveAccessibleName(/On shift now: Laura Ozola until (\w{3}, \w{3} \d{1,2}, )?\d/);
  await expect(page.getByTestId('on-shift')).toContainText('Laura Ozola until');
  await page.screenshot({ path: `${ARTIFACTS}/schedule-header.png`, clip: { x: 0, y: 0, width: 1440, height: 60 } });
  // 22:00-06:00 in Riga on Wednesday 25 November, for Priya (whose home is Kolkata).
  await app.call('saveShift', oneOff('night', 'demo-agent-priya', 'Europe/Riga', '2026-11-25', '22:00', 8 * 60));
  // Tomorrow 10:00-18:00 in this desk's agent's home zone.
  const tomorrow = localParts(Date.now() + 24 * 3600_000, self.timeZone);
  await app.call('saveShift', oneOff('mine', self.id, self.timeZone, tomorrow.date, '10:00', 8 * 60));

  const dialog = await openSchedule(page);
  await showWeekOf(dialog, '2026-11-23');
  const pieces = dialog.getByTestId('shift-block').and(page.locator('[data-agent="demo-agent-priya"]'));
  await expect(pieces).toHaveCount(2);
  await expect(pieces.nth(0).locator('xpath=..')).toHaveAttribute('data-date', '2026-11-25');
  await expect(pieces.nth(1).locator('xpath=..')).toHaveAttribute('data-date', '2026-11-26');
  expect(await minutesFromMidnight(pieces.nth(0))).toBe(22 * 60);
  expect(await minutesFromMidnight(pieces.nth(1))).toBe(0);
  await expect(pieces.nth(0)).toHaveAccessibleName('Priya Nair, 10:00 PM–6:00 AM');
  // In Priya's zone (UTC+05:30) it is 01:30-09:30 on Thursday: one block, at a half hour.
  await dialog.getByText(/^Priya Nair: Asia\/Kolkata/).click();
  await expect(pieces).toHaveCount(1);
  await expect(pieces.first().locator('xpath=..')).toHaveAttribute('data-date', '2026-11-26');
  expect(await minutesFromMidnight(pieces.first())).toBe(90);

  await dialog.getByRole('tab', { name: 'My shifts' }).click();
  const mine = dialog.getByRole('table', { name: 'My coming shifts' });
  await expect(mine.getByRole('row')).toHaveCount(2);
  if (self.timeZone !== 'Europe/Riga') await expect(mine.getByRole('columnheader', { name: 'This computer (Europe/Riga)' })).toBeVisible();
  await expect(mine.getByRole('row').nth(1)).toContainText('10:00 AM – 6:00 PM');
  await page.screenshot({ path: `${ARTIFACTS}/schedule-mine.png` });
});

test('dragging on an empty part of a day opens the form there; a dragged shift moves', async ({ app, inbox, page }) => {
  void inbox;
  await clearSchedule(app);
  const dialog = await openSchedule(page);
  await showWeekOf(dialog, '2026-11-23');
  const tuesday = dialog.locator('[data-date="2026-11-24"]');
  await tuesday.scrollIntoViewIfNeeded();
  const box = (await tuesday.boundingBox())!;
  const y = (minutes: number) => box.y + (minutes / 60) * HOUR_PX;
  await page.mouse.move(box.x + 20, y(10 * 60 + 2));
  await page.mouse.down();
  await page.mouse.move(box.x + 20, y(12 * 60), { steps: 4 });
  await page.mouse.move(box.x + 20, y(14 * 60 + 3), { steps: 4 });
  await page.mouse.up();
  const form = page.getByRole('dialog', { name: 'New shift' });
  await expect(form.getByLabel('First date')).toHaveValue('2026-11-24');
  await expect(form.getByLabel('Starts at')).toHaveValue('10:00');
  await expect(form.getByLabel('Ends at')).toHaveValue('14:00');
  await expect(form.getByRole('combobox', { name: 'Worked in time zone' })).toHaveValue(/^Europe\/Riga/);
  await form.getByRole('combobox', { name: 'Agent' }).click();
  await page.getByRole('option', { name: 'Jonas Becker', exact: true }).click();
  await form.getByRole('button', { name: 'Save shift' }).click();
  await expect(form).toBeHidden();

  const block = dialog.getByTestId('shift-block').and(page.locator('[data-agent="demo-agent-jonas"]'));
  await expect(block).toHaveAccessibleName('Jonas Becker, 10:00 AM–2:00 PM');
  // Drag it one day on and two hours later.
  const from = (await block.boundingBox())!;
  await page.mouse.move(from.x + 10, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + 10 + box.width / 2, from.y + 10 + HOUR_PX, { steps: 4 });
  await page.mouse.move(from.x + 10 + box.width, from.y + 10 + 2 * HOUR_PX, { steps: 4 });
  await page.mouse.up();
  await expect(block).toHaveAccessibleName('Jonas Becker, 12:00 PM–4:00 PM');
  await expect(block.locator('xpath=..')).toHaveAttribute('data-date', '2026-11-25');

  // By keyboard: Alt+Down a quarter of an hour later, Alt+Left a day earlier.
  await block.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(block).toHaveAccessibleName('Jonas Becker, 12:15 PM–4:15 PM');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(block.locator('xpath=..')).toHaveAttribute('data-date', '2026-11-24');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(block.locator('xpath=..')).toHaveAttribute('data-date', '2026-11-25');
  await expect(block).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(block).toHaveAccessibleName('Jonas Becker, 12:00 PM–4:00 PM');

  // Click (or Enter) to edit; remove asks first.
  await block.focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit shift' });
  await expect(edit.getByLabel('Starts at')).toHaveValue('12:00');
  await expect(edit.getByLabel('First date')).toHaveValue('2026-11-25');
  await edit.getByRole('button', { name: 'Remove shift' }).click();
  await expect(edit).toContainText('Remove this shift and all its repeats?');
  await edit.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(edit).toBeHidden();
  await expect(block).toHaveCount(0);
});
