/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The walking skeleton end to end: the real core, SQLite and demo simulator behind browser
// mode, driven in Chromium.
import { join } from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures';

test('the inbox loads the demo workspace, sorted by SLA deadline', async ({ inbox }) => {
  await expect(inbox.queues.getByRole('link', { name: /^All open/ })).toHaveAttribute('aria-current', 'page');
  // The list is virtualized: only the rows on screen exist in the DOM.
  await expect.poll(() => inbox.conversations().count()).toBeGreaterThan(8);
  await expect(inbox.queues.getByRole('link', { name: /^All open/ })).toHaveAccessibleDescription(/^(\d\d|[2-9]\d) open/);
  for (const name of ['Mine', 'Unassigned', 'Urgent', 'X (Aurora Air Support)', 'Email (Aurora Air Help Desk)']) {
    await expect(inbox.queues.getByRole('link', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })).toBeVisible();
  }
  await expect(inbox.conversations().first().locator('[data-sla]')).toBeVisible();
  await expect(inbox.accountHealth('demo-x')).toHaveAttribute('data-health', 'online');
  await inbox.screenshot(join(ARTIFACTS, 'inbox.png'));
});

test('opening a conversation shows the thread and the customer; a reply is queued, then sent', async ({ inbox, app }) => {
  await inbox.openQueue(/^X \(Aurora Air Support\)/);
  await inbox.openFirstConversation();
  await expect(inbox.messages.first()).toBeVisible();
  await expect(inbox.page.getByRole('complementary', { name: /customer/i })).toBeVisible();
  await inbox.reply('Thanks for reaching out, we are checking your booking now.');
  await expect(inbox.outgoing('Thanks for reaching out')).toHaveAttribute('data-status', 'sent');
  expect(app.platformPosts('demo-x').map((p) => p.body)).toEqual(['Thanks for reaching out, we are checking your booking now.']);
  await inbox.screenshot(join(ARTIFACTS, 'thread.png'));
});

test('keyboard: j/k move, Enter opens, r replies, e resolves', async ({ inbox, page }) => {
  const first = await inbox.conversations().nth(0).getAttribute('data-conversation-id');
  const second = await inbox.conversations().nth(1).getAttribute('data-conversation-id');
  await page.locator('body').click({ position: { x: 700, y: 5 } });
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(inbox.thread).toHaveAttribute('data-conversation-id', second!);
  await page.keyboard.press('r');
  await expect(inbox.composer).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('e');
  await expect(inbox.list.locator(`[data-conversation-id="${second}"]`)).toHaveCount(0);
  await expect(inbox.list.locator(`[data-conversation-id="${first}"]`)).toHaveCount(1);
});

test('offline: replies queue and drafts survive a reload; back online, each reply is delivered once', async ({ inbox, app, page }) => {
  await inbox.openQueue(/^X \(Aurora Air Support\)/);
  await expect.poll(() => inbox.conversations().count()).toBeGreaterThan(1);
  const replyTo = Number(await inbox.conversations().nth(0).getAttribute('data-conversation-id'));
  const draftIn = Number(await inbox.conversations().nth(1).getAttribute('data-conversation-id'));

  await inbox.setOutage('X (Aurora Air Support)', true);
  await inbox.openConversation(replyTo);
  await inbox.reply('Written during the outage: your refund is on its way.');
  await expect(inbox.outgoing('Written during the outage')).toHaveAttribute('data-status', 'queued');
  await expect(inbox.accountHealth('demo-x')).toHaveAttribute('data-health', 'offline');
  await expect(inbox.status).toContainText(/X \(Aurora Air Support\): offline/);
  await expect(inbox.status.getByTestId('queued-replies')).toContainText('1');

  await inbox.openConversation(draftIn);
  await inbox.composer.fill('A draft I am still thinking about');
  await expect(page.locator('[data-draft-state="saved"]')).toBeVisible();
  await inbox.screenshot(join(ARTIFACTS, 'offline.png'));

  await page.reload();
  await expect(inbox.thread).toHaveAttribute('data-conversation-id', String(draftIn));
  // The outage switch shows what the core says, not what this tab remembers.
  await expect(page.getByRole('switch', { name: 'Simulate outage: X (Aurora Air Support)' })).toBeChecked();
  await expect(inbox.composer).toHaveValue('A draft I am still thinking about');
  await inbox.openConversation(replyTo);
  await expect(inbox.outgoing('Written during the outage')).toHaveAttribute('data-status', 'queued');
  expect(app.platformPosts('demo-x')).toEqual([]);

  await inbox.setOutage('X (Aurora Air Support)', false);
  await expect(inbox.outgoing('Written during the outage')).toHaveAttribute('data-status', 'sent');
  await expect(inbox.accountHealth('demo-x')).toHaveAttribute('data-health', 'online');
  // Give any duplicate delivery a chance to happen before counting.
  await page.waitForTimeout(1500);
  expect(app.platformPosts('demo-x').map((p) => p.body)).toEqual(['Written during the outage: your refund is on its way.']);
  await expect(inbox.outgoing('Written during the outage')).toHaveCount(1);
});

test('a draft survives a crash of the app', async ({ inbox, app, page }) => {
  const id = await inbox.openFirstConversation();
  await inbox.composer.fill('Typed just before the power went out');
  await expect(page.locator('[data-draft-state="saved"]')).toBeVisible();
  await app.crash();
  const url = await app.start();
  await page.evaluate(() => localStorage.clear());
  await inbox.open(url);
  await inbox.openConversation(id);
  await expect(inbox.composer).toHaveValue('Typed just before the power went out');
});

test.describe('notifications', () => {
  // Late enough that the start-up notifications (a digest of what was already overdue) and
  // their grouping window are over, so this breach is shown on its own.
  test.use({ webEnv: { SHIFTDESK_DEMO_BREACH_SECONDS: '25' } });

  test('a first-response breach shows a notification that opens the conversation', async ({ inbox, page, context, app }) => {
    // The demo assigns new conversations to whoever is on shift at the hour the test runs, and a
    // breach in a teammate's conversation goes to their desk; a lead hears every breach.
    await app.call('setMyPreferences', { role: 'lead', workingCalendarId: null, quietUntil: null });
    await context.grantPermissions(['notifications']);
    await page.evaluate(() => {
      const shown: string[] = [];
      (window as unknown as { shown: string[] }).shown = shown;
      const Original = window.Notification;
      class Recording extends Original {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(title);
        }
      }
      Object.defineProperty(window, 'Notification', { value: Recording, configurable: true });
    });
    const toast = page.getByRole('alert').filter({ hasText: 'SLA breached' }).first();
    await expect(toast).toBeVisible({ timeout: 45_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { shown: string[] }).shown.some((t) => t.startsWith('SLA breached')))).toBe(true);
    await inbox.screenshot(join(ARTIFACTS, 'breach-notification.png'));
    await toast.getByRole('button', { name: /^Open the conversation/ }).click();
    await expect(inbox.thread).toBeVisible();
    await expect(inbox.thread.locator('[data-sla="overdue"]').first()).toBeVisible();
  });
});
