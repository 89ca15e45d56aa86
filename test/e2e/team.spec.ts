// The Schedule's Team tab end to end: browser mode with the real core and SQLite. A lead edits a
// teammate's profile (kept after reopening), adds and imports time off, and downloads the team's
// shifts as iCalendar.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';

async function openTeam(page: Page) {
  await page.getByTestId('open-schedule').click();
  const dialog = page.getByRole('dialog', { name: 'Schedule' });
  await dialog.getByRole('tab', { name: 'Team' }).click();
  await expect(dialog.getByRole('table', { name: 'Agent profiles' })).toBeVisible();
  return dialog;
}

test('a teammate profile is edited and kept, time off is added and imported, team shifts export as .ics', async ({ inbox, page }) => {
  void inbox;
  let dialog = await openTeam(page);
  const profiles = dialog.getByRole('table', { name: 'Agent profiles' });
  const aiko = profiles.getByRole('row', { name: /Aiko Tanaka/ });
  await expect(aiko).toContainText('Asia/Tokyo');
  await expect(aiko).toContainText('Japanese');

  // Bad input: each field says what is wrong, nothing is saved and what was typed stays.
  await dialog.getByRole('button', { name: 'Edit the profile of Aiko Tanaka' }).click();
  const form = page.getByRole('dialog', { name: 'Profile of Aiko Tanaka' });
  const languages = form.getByRole('textbox', { name: 'Languages' });
  const capacity = form.getByRole('textbox', { name: 'Capacity' });
  await languages.fill('ja, en, korean!');
  await capacity.fill('-3');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByText("'korean!' is not a language tag such as en or pt-BR")).toBeVisible();
  await expect(form.getByText('A whole number from 0 to 500')).toBeVisible();
  await expect(languages).toHaveValue('ja, en, korean!');

  await languages.fill('ja, en, ko');
  await capacity.fill('7');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form).toBeHidden();
  await expect(aiko).toContainText('Korean');
  await expect(aiko.getByRole('cell').nth(4)).toHaveText('7');

  // Kept after closing and reopening the Schedule (read back from SQLite).
  await dialog.getByRole('button', { name: 'Close the schedule' }).click();
  await expect(dialog).toBeHidden();
  dialog = await openTeam(page);
  const aikoAgain = dialog.getByRole('table', { name: 'Agent profiles' }).getByRole('row', { name: /Aiko Tanaka/ });
  await expect(aikoAgain).toContainText('Korean');
  await expect(aikoAgain.getByRole('cell').nth(4)).toHaveText('7');
  await dialog.getByRole('button', { name: 'Edit the profile of Aiko Tanaka' }).click();
  await expect(page.getByRole('dialog', { name: 'Profile of Aiko Tanaka' }).getByRole('textbox', { name: 'Languages' })).toHaveValue('ja, en, ko');
  await page.getByRole('dialog', { name: 'Profile of Aiko Tanaka' }).getByRole('button', { name: 'Cancel' }).click();

  // Time off for Aiko: an end before the start is refused, then three whole days in Tokyo.
  await dialog.getByRole('button', { name: 'Show the time off of Aiko Tanaka' }).click();
  const timeOff = dialog.getByRole('region', { name: 'Time off of Aiko Tanaka' });
  await expect(timeOff.getByText('No time off from a month ago to a year ahead.')).toBeVisible();
  const add = timeOff.getByRole('form', { name: 'Add time off for Aiko Tanaka' });
  await add.getByLabel('First day off').fill('2026-12-24');
  await add.getByLabel('Last day off').fill('2026-12-20');
  await add.getByRole('textbox', { name: 'Reason' }).fill('Winter holidays');
  await add.getByRole('button', { name: 'Add time off' }).click();
  await expect(add.getByText('The last day cannot be before the first')).toBeVisible();
  await add.getByLabel('Last day off').fill('2026-12-26');
  await add.getByRole('button', { name: 'Add time off' }).click();
  const list = timeOff.getByRole('table', { name: 'Time off of Aiko Tanaka' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('Thursday, December 24, 2026 – Saturday, December 26, 2026');
  await expect(list).toContainText('Winter holidays');

  // Import .ics: a broken file names its line, a good one says how many were added.
  const ics = (start: string) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:dentist@test', `DTSTART;VALUE=DATE:${start}`, 'SUMMARY:Dentist', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  const importInput = timeOff.getByLabel('Import time off of Aiko Tanaka from an .ics file');
  await importInput.setInputFiles({ name: 'bad.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics('2027011')) });
  await expect(timeOff.getByRole('alert')).toContainText('DTSTART');
  await expect(list.getByRole('row')).toHaveCount(2);
  await importInput.setInputFiles({ name: 'dentist.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics('20270115')) });
  await expect(timeOff.getByRole('status')).toHaveText('1 period of time off imported.');
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(list).toContainText('Friday, January 15, 2027');
  await page.screenshot({ path: `${ARTIFACTS}/team.png` });

  // Removing it takes it off the list.
  await list.getByRole('button', { name: 'Remove time off Friday, January 15, 2027' }).click();
  await expect(list.getByRole('row')).toHaveCount(2);

  // Export the team's shifts: iCalendar with the zones' definitions.
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export team shifts (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('shiftdesk-shifts-team.ics');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toContain('BEGIN:VCALENDAR');
  expect(text).toContain('BEGIN:VTIMEZONE');
  expect(text).toContain('TZID:Asia/Tokyo');
});

test('saving a profile changed elsewhere meanwhile is refused in words and keeps what was typed', async ({ app, inbox, page }) => {
  void inbox;
  const dialog = await openTeam(page);
  await dialog.getByRole('button', { name: 'Edit the profile of Jonas Becker' }).click();
  const form = page.getByRole('dialog', { name: 'Profile of Jonas Becker' });
  await form.getByRole('textbox', { name: 'Skills' }).fill('baggage, sales, refunds');

  // Another desk saves Jonas's profile first.
  const { profiles } = await app.call<{ profiles: { agentId: string; capacity: number }[] }>('getSchedule', { from: Date.now(), to: Date.now() + 86400_000 });
  const jonas = profiles.find((p) => p.agentId === 'demo-agent-jonas')!;
  await app.call('saveAgentProfile', { ...jonas, capacity: 3 });
  await expect(dialog.getByRole('row', { name: /Jonas Becker/ }).getByRole('cell').nth(4)).toHaveText('3');

  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByRole('alert')).toContainText('was changed elsewhere');
  await expect(form.getByRole('textbox', { name: 'Skills' })).toHaveValue('baggage, sales, refunds');
  await expect(dialog.getByRole('row', { name: /Jonas Becker/ })).not.toContainText('refunds');
});
