/// <reference lib="dom" />
// SLA settings end to end, against the demo workspace in browser mode: the default policies in
// the order they are tried; a business calendar for Riga (Mon–Fri 09:00–17:00, a holiday imported
// from an .ics file); a policy for VIP customers on X counting in it, moved to the top; a customer
// marked VIP, whose conversation is re-timed by that policy; the core refusing to remove a
// calendar a policy counts in.
import { join } from 'node:path';
import { addBusinessTime, type BusinessCalendar } from '../../src/shared/businessHours';
import { ARTIFACTS, expect, test } from './fixtures';
import { SlaPage } from './pages/slaPage';

const ZONE = 'Europe/Riga';
/** Today's date in Riga, as an .ics DATE (20261123) and as ISO. */
function rigaToday(): { ics: string; iso: string } {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
  return { iso, ics: iso.replace(/-/g, '') };
}
/** The SLA countdown's tooltip ("Reply due …", "Reply was due …"), as the browser (en-US, Europe/Riga) writes it. */
const dueLabel = (dueAt: number) => {
  const at = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short', timeZone: ZONE }).format(dueAt);
  return new RegExp(`^Reply (was )?due ${at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
};

test('admins define a business calendar and a VIP policy; marking a customer VIP re-times their conversation', async ({ inbox, page, app }) => {
  const sla = new SlaPage(page);
  await sla.openSettings();

  // The defaults, in the order they are tried, each summarised.
  expect(await sla.policyOrder()).toEqual(['Urgent', 'E-mail', 'Social']);
  await expect(sla.dialog.getByText('the first one whose conditions match a conversation sets its deadlines')).toBeVisible();
  await expect(sla.policy('Urgent').getByTestId('policy-conditions')).toHaveText('Urgent');
  await expect(sla.policy('Urgent').getByTestId('policy-first-response')).toHaveText('15 min');
  await expect(sla.policy('E-mail').getByTestId('policy-conditions')).toHaveText('Email');
  await expect(sla.policy('E-mail').getByTestId('policy-first-response')).toHaveText('4 hr');
  await expect(sla.policy('Social').getByTestId('policy-conditions')).toHaveText('All conversations');
  await expect(sla.policy('Social').getByTestId('policy-calendar')).toHaveText('Around the clock');
  await expect(sla.policy('Social').getByTestId('policy-warn')).toHaveText('75% of the target');
  // While the dialog is open the inbox's keys do nothing.
  const url = page.url();
  await page.keyboard.press('j');
  expect(page.url()).toBe(url);
  await inbox.screenshot(join(ARTIFACTS, 'sla-policies.png'));

  // A business calendar for Riga: Mon–Fri 09:00–17:00, today a holiday from an .ics file.
  const today = rigaToday();
  await sla.fillCalendar({
    name: 'Riga office',
    zone: ZONE,
    hours: { from: '09:00', to: '17:00' },
    ics: {
      name: 'riga-holidays.ics',
      text: ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Shiftdesk e2e//EN', 'BEGIN:VEVENT', 'UID:e2e-1', `DTSTART;VALUE=DATE:${today.ics}`, 'SUMMARY:Office closed', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
    },
  });
  await expect(page.getByTestId('ics-import-status')).toHaveText('Read 1 holiday from riga-holidays.ics. 1 new date added.');
  const holidays = sla.dialog.getByRole('list', { name: 'Holidays' });
  await expect(holidays.getByRole('listitem')).toHaveCount(1);
  await expect(holidays.getByRole('textbox', { name: 'Date of holiday 1' })).toHaveValue(today.iso);
  await expect(holidays.getByRole('textbox', { name: 'Name of holiday 1' })).toHaveValue('Office closed');
  for (const day of ['Tuesday', 'Friday']) await expect(sla.dialog.getByRole('textbox', { name: `${day}, hours 1: closes at` })).toHaveValue('17:00');
  await expect(sla.dialog.getByRole('switch', { name: 'Open on Saturday' })).not.toBeChecked();
  // Today is a holiday: closed now, opening on a later day.
  await expect(page.getByTestId('calendar-open-now')).toContainText('Closed now');
  await expect(page.getByTestId('calendar-open-now')).toContainText(/Opens \w{3} 9:00\sAM \(Europe\/Riga\)/);
  await inbox.screenshot(join(ARTIFACTS, 'sla-calendar-form.png'));
  await sla.dialog.getByRole('button', { name: 'Add calendar', exact: true }).scrollIntoViewIfNeeded();
  await inbox.screenshot(join(ARTIFACTS, 'sla-calendar-form-holidays.png'));
  // A bad file is refused with its line, and changes nothing.
  await sla.dialog.getByLabel('Import holidays from an .ics file').setInputFiles({ name: 'broken.ics', mimeType: 'text/calendar', buffer: Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n') });
  await expect(page.getByTestId('ics-import-error')).toContainText('broken.ics could not be imported');
  await expect(page.getByTestId('ics-import-error')).toContainText('Line 3: DTSTART: expected a date like 20261224');
  await expect(holidays.getByRole('listitem')).toHaveCount(1);
  await sla.save('Add calendar');
  await expect(sla.notice).toHaveText('Added the calendar Riga office.');
  const riga = sla.calendar('Riga office');
  await expect(riga.getByTestId('calendar-zone')).toHaveText(ZONE);
  await expect(riga.getByTestId('calendar-hours')).toHaveText('Mon–Fri 9:00 AM–5:00 PM');
  await expect(riga.getByTestId('calendar-holidays')).toHaveText('1 holiday');
  await expect(riga.getByTestId('calendar-used-by')).toHaveText('No policy');
  const stored = app.slaSettings().calendars.find((c) => c.name === 'Riga office')!;
  expect(stored.calendar).toEqual({
    zone: ZONE,
    alwaysOpen: false,
    weekly: { ...Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])), sat: [], sun: [] },
    holidays: [{ date: today.iso, name: 'Office closed' }],
  });
  await inbox.screenshot(join(ARTIFACTS, 'sla-calendars.png'));

  // A policy for VIP customers on X: first response in 5 minutes of Riga's open hours.
  await sla.fillPolicy({ name: 'VIP on X', platforms: ['X'], vip: 'VIP only', firstResponse: { amount: 5, unit: 'minutes' }, calendar: 'Riga office' });
  await inbox.screenshot(join(ARTIFACTS, 'sla-policy-form.png'));
  await sla.save('Add policy');
  await expect(sla.notice).toContainText('Added the policy VIP on X. It is tried last');
  expect(await sla.policyOrder()).toEqual(['Urgent', 'E-mail', 'Social', 'VIP on X']);
  // Below Social, which matches everything, it could never apply.
  await expect(sla.policy('VIP on X')).toContainText('Never applies');
  await expect(sla.policy('VIP on X').getByTestId('policy-conditions')).toHaveText('X · VIP');
  await expect(sla.policy('VIP on X').getByTestId('policy-first-response')).toHaveText('5 min');
  await expect(sla.policy('VIP on X').getByTestId('policy-calendar')).toHaveText('Riga office');
  await sla.move('VIP on X', 'up', 3);
  await expect.poll(() => sla.policyOrder()).toEqual(['VIP on X', 'Urgent', 'E-mail', 'Social']);
  await expect(sla.notice).toHaveText('Moved VIP on X to position 1.');
  await expect(sla.policy('VIP on X')).not.toContainText('Never applies');
  // At the top, Move up is off and the focus stays on the policy's controls.
  await expect(sla.dialog.getByRole('button', { name: 'Move VIP on X up' })).toBeDisabled();
  await expect(sla.dialog.getByRole('button', { name: 'Move VIP on X down' })).toBeFocused();
  await expect.poll(() => app.slaSettings().policies.map((p) => p.name)).toEqual(['VIP on X', 'Urgent', 'E-mail', 'Social']);
  const policyId = app.slaSettings().policies[0]!.id;
  await inbox.screenshot(join(ARTIFACTS, 'sla-policies-vip.png'));
  await sla.close();

  // A customer of an X conversation awaiting its first response is marked VIP.
  const [waiting] = app.awaitingFirstResponse('demo-x');
  expect(waiting, 'the demo has an X conversation awaiting its first response').toBeDefined();
  const before = waiting!;
  await page.evaluate((hash) => (location.hash = hash), `#/queue/account%3Ademo-x/conversation/${before.id}`);
  await expect(inbox.thread).toHaveAttribute('data-conversation-id', String(before.id));
  await expect(inbox.thread.locator('[data-sla]')).toHaveAttribute('title', dueLabel(before.dueAt));
  await expect(inbox.thread.getByTestId('vip-badge')).toHaveCount(0);
  await expect(sla.vipToggle).not.toBeChecked();
  // By keyboard: the demo's breach notifications may lie over the panel.
  await sla.vipToggle.focus();
  await page.keyboard.press('Space');
  await expect(sla.vipToggle).toBeChecked();
  await expect(inbox.thread.getByTestId('vip-badge')).toHaveText('VIP');

  // Its deadline is now the VIP policy's: 5 minutes of Riga's open hours after the customer wrote.
  await expect.poll(() => app.conversationSla(before.id).policyId).toBe(policyId);
  const after = app.conversationSla(before.id);
  const expected = addBusinessTime(stored.calendar as BusinessCalendar, before.awaitingSince!, 5 * 60_000);
  expect(after.dueAt).toBe(expected);
  expect(after.dueAt).not.toBe(before.dueAt);
  // Today is a holiday in Riga: the earliest it can fall is 09:05 on a later day.
  expect(rigaDate(after.dueAt) > today.iso).toBe(true);
  await expect(inbox.thread.locator('[data-sla]')).toHaveAttribute('title', dueLabel(expected));
  const row = inbox.list.locator(`[data-conversation-id="${before.id}"]`);
  if (await row.isVisible()) await expect(row.locator('[data-sla]')).toHaveAttribute('title', dueLabel(expected));
  // The breach digest the demo raises would cover the customer panel in the picture.
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none }' });
  await inbox.screenshot(join(ARTIFACTS, 'sla-vip-customer.png'));

  // The calendar cannot go while VIP on X counts in it: the core's reason is shown.
  await sla.openSettings();
  await sla.tab('Business calendars').click();
  await expect(sla.calendar('Riga office').getByTestId('calendar-used-by')).toHaveText('VIP on X');
  await sla.dialog.getByRole('button', { name: 'Remove calendar Riga office' }).click();
  await expect(page.getByRole('dialog', { name: 'Remove business calendar' })).toBeVisible();
  await sla.dialog.getByRole('button', { name: 'Remove calendar', exact: true }).click();
  await expect(sla.error).toContainText('The calendar was not removed');
  await expect(sla.error).toContainText('This calendar is used by VIP on X: choose another calendar for them first');
  await inbox.screenshot(join(ARTIFACTS, 'sla-calendar-remove-refused.png'));
  await sla.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(sla.calendar('Riga office')).toBeVisible();
  expect(app.slaSettings().calendars.map((c) => c.name)).toEqual(['Riga office']);

  // Editing shows what was saved, and saves what is changed.
  await sla.dialog.getByRole('button', { name: 'Edit calendar Riga office' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit business calendar' })).toBeVisible();
  await expect(sla.dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Riga office');
  await expect(sla.dialog.getByRole('combobox', { name: 'Time zone' })).toHaveValue(/^Europe\/Riga/);
  await expect(sla.dialog.getByRole('textbox', { name: 'Name of holiday 1' })).toHaveValue('Office closed');
  await expect(page.getByText('Saving re-times the open conversations of VIP on X.')).toBeVisible();
  await sla.dialog.getByRole('button', { name: 'Cancel' }).click();
  await sla.tab('Policies').click();
  await sla.dialog.getByRole('button', { name: 'Edit Social' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit SLA policy' })).toBeVisible();
  await expect(sla.dialog.getByRole('textbox', { name: /^First response/ })).toHaveValue('1');
  await expect(sla.dialog.getByRole('combobox', { name: 'Unit of First response' })).toHaveValue('hours');
  await sla.dialog.getByRole('textbox', { name: /^First response/ }).fill('90');
  await sla.dialog.getByRole('combobox', { name: 'Unit of First response' }).selectOption('minutes');
  await sla.save('Save policy');
  await expect(sla.notice).toHaveText('Saved the policy Social. Open conversations are re-timed.');
  await expect(sla.policy('Social').getByTestId('policy-first-response')).toHaveText('1 hr 30 min');
  await expect(sla.dialog.getByRole('button', { name: 'Edit Social' })).toBeFocused();
});

const rigaDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

test('the policy form says what is wrong per field, and shows the core refusing a policy in its own words', async ({ inbox, page }) => {
  const sla = new SlaPage(page);
  // The form offers only calendars that exist: to hear the core refuse, the saved policy is made
  // to name one that does not, on its way to the real core.
  await page.routeWebSocket(/\/rpc/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { method?: string; params?: Record<string, unknown> };
      if (call.method === 'saveSlaPolicy' && call.params) call.params.calendarId = 'calendar-gone';
      server.send(JSON.stringify(call));
    });
  });
  await page.reload();
  await expect(inbox.list.getByRole('option').first()).toBeVisible();
  await sla.openSettings();
  await sla.fillPolicy({ name: ' ' });
  const form = sla.dialog;
  await form.getByRole('textbox', { name: /^First response/ }).fill('');
  await form.getByRole('textbox', { name: /^Next response/ }).fill('0.5');
  await form.getByRole('combobox', { name: 'Unit of Next response' }).selectOption('minutes');
  await form.getByRole('textbox', { name: /^Warn agents at/ }).fill('99');
  await form.getByRole('combobox', { name: 'Languages' }).fill('spanish!');
  await form.getByRole('combobox', { name: 'Languages' }).press('Enter');
  await form.getByRole('switch', { name: /^Send an automatic acknowledgement/ }).check({ force: true });
  await form.getByRole('textbox', { name: 'Message in English (en)' }).fill('');
  await form.getByRole('button', { name: 'Add policy' }).click();

  const name = form.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription(/Name the policy/);
  await expect(form.getByRole('textbox', { name: /^First response/ })).toHaveAccessibleDescription('Enter a target');
  await expect(form.getByRole('textbox', { name: /^Next response/ })).toHaveAccessibleDescription('At least one minute');
  await expect(form.getByRole('combobox', { name: 'Languages' })).toHaveAccessibleDescription(/Use language tags such as es, pt or pt-BR/);
  await expect(form.getByRole('textbox', { name: /^Warn agents at/ })).toHaveAccessibleDescription(/Enter a share from 10% to 95%/);
  await expect(form.getByRole('textbox', { name: 'Message in English (en)' })).toHaveAccessibleDescription(
    "Write the message in English: it is sent when the customer's language has none",
  );
  await inbox.screenshot(join(ARTIFACTS, 'sla-policy-form-errors.png'));
  await form.getByRole('button', { name: 'Add a language' }).scrollIntoViewIfNeeded();
  await inbox.screenshot(join(ARTIFACTS, 'sla-policy-form-acknowledgement.png'));

  // Put right, the core has the last word.
  await name.fill('Refused');
  await form.getByRole('textbox', { name: /^First response/ }).fill('10');
  await form.getByRole('textbox', { name: /^Next response/ }).fill('30');
  await form.getByRole('textbox', { name: /^Warn agents at/ }).fill('80');
  // Backspace in the empty tag input takes the last tag off.
  await form.getByRole('combobox', { name: 'Languages' }).press('Backspace');
  await expect(form.getByText('spanish!')).toHaveCount(0);
  await form.getByRole('textbox', { name: 'Message in English (en)' }).fill('Hi {{customer}}, we will answer within {{expected}}.');
  await form.getByRole('button', { name: 'Add policy' }).click();
  await expect(sla.error).toContainText('The policy was not saved');
  await expect(sla.error).toContainText('Business calendar calendar-gone was not found');
  await expect(page.getByRole('dialog', { name: 'Add SLA policy' })).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();
  expect(await sla.policyOrder()).toEqual(['Urgent', 'E-mail', 'Social']);
});
