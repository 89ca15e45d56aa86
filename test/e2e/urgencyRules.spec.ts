/// <reference lib="dom" />
// Urgency rules and My notifications end to end, against the demo workspace in browser mode:
// the rules are edited in a dialog from the queue rail and kept by the core; a bad value is
// named at its field and nothing is saved; role and working hours are set from the header.
import { join } from 'node:path';
import type { Workspace } from '../../src/shared/domain';
import type { UrgencyRules } from '../../src/shared/urgency';
import { ARTIFACTS, expect, test } from './fixtures';
import { MyNotificationsPage, UrgencyRulesPage } from './pages/urgencyRulesPage';

const rulesOf = (rules: UrgencyRules) => ({
  keywords: rules.rules.find((r) => r.kind === 'keywords')!,
  followers: rules.rules.find((r) => r.kind === 'followers')!,
  vip: rules.rules.find((r) => r.kind === 'vip')!,
});

test('urgency rules: a Spanish phrase, must-interrupt keywords and a VIP handle are saved and kept', async ({ inbox, page, app }) => {
  const urgency = new UrgencyRulesPage(page);
  await expect(inbox.list).toBeVisible();
  await urgency.show();
  // Languages by name, every rule with its switches, numbers as the UI writes them.
  await expect(urgency.language('Spanish')).toBeVisible();
  await expect(urgency.language('Brazilian Portuguese')).toBeVisible();
  await expect(urgency.followers.getByRole('textbox', { name: 'Minimum followers' })).toHaveValue('100,000');
  await expect(urgency.mustInterrupt(urgency.keywords)).not.toBeChecked();
  await expect(urgency.spikes.getByRole('textbox', { name: 'Messages in a spike' })).toHaveValue('5');
  await expect(urgency.dialog.getByRole('slider', { name: 'How negative' })).toHaveAttribute('aria-valuetext', /^-0\.60: /);

  await urgency.addTerm('Spanish', 'equipaje perdido');
  await urgency.mustInterrupt(urgency.keywords).check();
  await urgency.language('Spanish').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'urgency-rules-keywords.png') });
  await urgency.vip.getByRole('button', { name: 'Add VIP customer' }).click();
  const vip = urgency.vipCustomer(1);
  await expect(vip.getByRole('textbox', { name: 'Handle' })).toBeFocused();
  await vip.getByRole('textbox', { name: 'Handle' }).fill('@lostbag_vip');
  await vip.getByRole('combobox', { name: 'Platform' }).selectOption({ label: 'X' });
  await vip.getByRole('textbox', { name: /^Label/ }).fill('Frequent flyer');
  await urgency.dialog.screenshot({ path: join(ARTIFACTS, 'urgency-rules-dialog.png') });
  await vip.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'urgency-rules-vip.png') });
  await urgency.spikes.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'urgency-rules-spikes.png') });
  await urgency.save.click();
  await expect(urgency.dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Urgency rules saved' })).toBeVisible();

  // The core has them.
  const saved = rulesOf(await app.call<UrgencyRules>('getUrgencyRules', {}));
  expect(saved.keywords.mustInterrupt).toBe(true);
  expect(saved.keywords.kind === 'keywords' && saved.keywords.terms.es).toContain('equipaje perdido');
  expect(saved.vip.kind === 'vip' && saved.vip.customers).toEqual([{ handle: '@lostbag_vip', platform: 'x', label: 'Frequent flyer' }]);

  // Reopened after a reload: read back from the core.
  await page.reload();
  await expect(inbox.list).toBeVisible();
  await urgency.show();
  await expect(urgency.language('Spanish')).toContainText('equipaje perdido');
  await expect(urgency.mustInterrupt(urgency.keywords)).toBeChecked();
  await expect(urgency.vipCustomer(1).getByRole('textbox', { name: 'Handle' })).toHaveValue('@lostbag_vip');
  await expect(urgency.vipCustomer(1).getByRole('combobox', { name: 'Platform' })).toHaveValue('x');
});

test('urgency rules: a negative follower threshold is named at its field and nothing is saved; Cancel discards', async ({ inbox, page, app }) => {
  const urgency = new UrgencyRulesPage(page);
  const before = await app.call<UrgencyRules>('getUrgencyRules', {});
  await expect(inbox.list).toBeVisible();
  await urgency.show();
  await urgency.addTerm('Spanish', 'maleta rota');
  const threshold = urgency.followers.getByRole('textbox', { name: 'Minimum followers' });
  await threshold.fill('-5');
  await urgency.save.click();

  await expect(threshold).toHaveAccessibleDescription(/Enter zero or more followers/);
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(threshold).toBeFocused();
  await expect(page.getByTestId('urgency-rules-summary')).toHaveText('1 field needs attention before saving.');
  await expect(urgency.dialog).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'urgency-rules-invalid.png') });
  expect(await app.call<UrgencyRules>('getUrgencyRules', {})).toEqual(before);

  // A bad language tag too, then Cancel: nothing kept, nothing saved.
  await urgency.keywords.getByRole('button', { name: 'Add language' }).click();
  const tag = urgency.language('New language').getByRole('textbox', { name: 'Language tag' });
  await expect(tag).toBeFocused();
  await tag.fill('spanish!');
  await urgency.save.click();
  await expect(urgency.language('spanish!').getByRole('textbox', { name: 'Language tag' })).toHaveAccessibleDescription(/Use a language tag such as en, es or pt-BR/);
  await urgency.cancel.click();
  await expect(urgency.dialog).toBeHidden();
  expect(await app.call<UrgencyRules>('getUrgencyRules', {})).toEqual(before);
  await urgency.show();
  await expect(threshold).toHaveValue('100,000');
  await expect(urgency.language('Spanish')).not.toContainText('maleta rota');
});

test('my notifications: role Lead and a working-hours calendar are saved, quiet mode is kept; back to Agent and Always', async ({ inbox, page, app }) => {
  await app.call('saveBusinessCalendar', {
    id: 'riga-office',
    name: 'Riga office hours',
    calendar: { zone: 'Europe/Riga', weekly: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] } },
  });
  const mine = new MyNotificationsPage(page);
  await expect(inbox.list).toBeVisible();
  // Quiet mode first: saving the preferences must not end it.
  const quiet = page.getByTestId('quiet-mode');
  await quiet.click();
  await page.getByRole('menuitem', { name: 'For 1 hour' }).click();
  await expect(quiet).toHaveText(/^Quiet until/);

  await mine.show();
  await expect(mine.role('Agent')).toBeChecked();
  await expect(mine.dialog).toContainText('also hear about everyone');
  await expect(mine.hours).toHaveValue('');
  await expect(mine.hours.locator('option')).toHaveText(['Always (no working hours)', 'Riga office hours']);
  await mine.role('Lead').check();
  await mine.hours.selectOption({ label: 'Riga office hours' });
  await page.screenshot({ path: join(ARTIFACTS, 'my-notifications.png') });
  await mine.save.click();
  await expect(mine.dialog).toBeHidden();

  const self = async () => (await app.call<Workspace>('getWorkspace', {})).self;
  await expect.poll(async () => (await self()).role).toBe('lead');
  expect((await self()).workingCalendarId).toBe('riga-office');
  expect((await self()).quietUntil).toBeGreaterThan(Date.now());
  await expect(quiet).toHaveText(/^Quiet until/);

  await page.reload();
  await expect(inbox.list).toBeVisible();
  await mine.show();
  await expect(mine.role('Lead')).toBeChecked();
  await expect(mine.hours).toHaveValue('riga-office');
  await mine.role('Agent').check();
  await mine.hours.selectOption({ label: 'Always (no working hours)' });
  await mine.save.click();
  await expect(mine.dialog).toBeHidden();
  await expect.poll(async () => (await self()).role).toBe('agent');
  expect((await self()).workingCalendarId).toBeNull();
});
