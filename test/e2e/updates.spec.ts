// The Updates dialog in browser mode (the real core and SQLite, no updater): the state says the
// desktop app manages updates, the settings save into the replica and survive a restart of the
// host, and a feed address that is not https is refused with the reason, changing nothing.
import { join } from 'node:path';
import type { UpdateSettings, UpdateState } from '../../src/shared/updates';
import { ARTIFACTS, expect, test } from './fixtures';
import { InboxPage } from './pages/inboxPage';

test('browser mode: updates are the desktop app’s; channel and feed saved; a plain-http feed refused with the reason', async ({ app, inbox, page }) => {
  expect(await app.call<UpdateState>('getUpdateState', {})).toEqual({ status: 'unsupported', reason: 'browser-mode' });

  await inbox.queues.getByRole('button', { name: 'Updates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Updates' });
  await expect(dialog.getByTestId('update-status')).toContainText('Updates are managed by the desktop app');
  await expect(dialog.getByRole('button', { name: 'Check now' })).toHaveCount(0);
  await expect(dialog.getByRole('radio', { name: 'Stable' })).toBeChecked();
  await expect(dialog.getByRole('switch', { name: 'Download updates automatically' })).toBeChecked();

  const feed = dialog.getByRole('textbox', { name: 'Update feed address' });
  await dialog.getByRole('radio', { name: 'Beta' }).check();
  await feed.fill('http://updates.example.com/shiftdesk');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(feed).toHaveAccessibleDescription(/Use https:\/\/ for an update feed \(plain http:\/\/ only for 127\.0\.0\.1 or localhost\)/);
  await expect(feed).toBeFocused();
  await page.screenshot({ path: join(ARTIFACTS, 'updates-refused-feed.png') });
  // Nothing reached the core.
  expect(await app.call<UpdateSettings>('getUpdateSettings', {})).toMatchObject({ channel: 'stable', feedUrl: null, autoDownload: true });
  // The core refuses it too, with the same reason, for any caller.
  await expect(app.call('saveUpdateSettings', { channel: 'beta', feedUrl: 'http://updates.example.com/', autoDownload: true })).rejects.toThrow(/Use https:\/\/ for an update feed/);

  await feed.fill('https://updates.example.com/shiftdesk');
  await dialog.getByRole('switch', { name: 'Download updates automatically' }).uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Update settings saved' })).toBeVisible();
  expect(await app.call<UpdateSettings>('getUpdateSettings', {})).toEqual({
    channel: 'beta',
    feedUrl: 'https://updates.example.com/shiftdesk',
    builtInFeedUrl: null,
    autoDownload: false,
  });
  await page.screenshot({ path: join(ARTIFACTS, 'updates-browser-mode.png') });

  // Kept in the replica: the host restarts on the same data folder and the form shows them.
  await app.stop();
  await app.start();
  const again = new InboxPage(page);
  await again.open(app.url);
  await again.queues.getByRole('button', { name: 'Updates' }).click();
  const reopened = page.getByRole('dialog', { name: 'Updates' });
  await expect(reopened.getByRole('radio', { name: 'Beta' })).toBeChecked();
  await expect(reopened.getByRole('textbox', { name: 'Update feed address' })).toHaveValue('https://updates.example.com/shiftdesk');
  await expect(reopened.getByRole('switch', { name: 'Download updates automatically' })).not.toBeChecked();
  await expect(reopened.getByTestId('update-status')).toContainText('Updates are managed by the desktop app');
  // No update is ever "ready" here: no indicator in the header.
  await expect(page.getByTestId('update-ready')).toHaveCount(0);
});
