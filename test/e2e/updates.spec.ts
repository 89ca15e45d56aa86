// The Updates dialog in browser mode (the real core and SQLite, no updater): the state says the
// desktop app manages updates, the settings save into the replica and survive a restart of the
// host, and a feed address that is not https is refused with the reason, changing nothing.
// Then the desktop app's states (electron-updater needs the Electron binary, absent here): the
// test stands in for the updater on the page's WebSocket, every other call reaching the real core.
import { join } from 'node:path';
import type { ConversationDetail } from '../../src/shared/domain';
import { EVENT_METHOD, type RpcRequest } from '../../src/shared/rpc';
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

test('desktop states: progress with its accessible label, "Update ready" in the header, and Restart saves the open draft before the core stops', async ({ app, page }) => {
  const UPDATER_METHODS = new Set(['getUpdateState', 'checkForUpdates', 'downloadUpdate', 'restartToUpdate']);
  let state: UpdateState = { status: 'idle' };
  let push: (next: UpdateState) => void = () => {};
  const restarts: Array<{ draft: string | null }> = [];
  let openConversation = 0;
  let refuseDrafts = false;
  await page.routeWebSocket(/\/rpc/, (ws) => {
    const server = ws.connectToServer();
    push = (next) => {
      state = next;
      ws.send(JSON.stringify({ jsonrpc: '2.0', method: EVENT_METHOD, params: { name: 'updateState', payload: next } }));
    };
    const answer = (id: RpcRequest['id'], result: unknown) => ws.send(JSON.stringify({ jsonrpc: '2.0', id, result }));
    ws.onMessage((message) => {
      const request = JSON.parse(String(message)) as RpcRequest;
      if (request.method === 'saveDraft' && refuseDrafts) {
        const data = { name: 'Unavailable', message: 'The database is busy' };
        return ws.send(JSON.stringify({ jsonrpc: '2.0', id: request.id, error: { code: -32000, message: data.message, data } }));
      }
      if (!UPDATER_METHODS.has(request.method)) return server.send(message);
      if (request.method === 'checkForUpdates') {
        push({ status: 'checking' });
        push({ status: 'available', version: '1.5.0', notes: 'Faster inbox.\n<b>Not markup</b>' });
        push({ status: 'downloading', version: '1.5.0', percent: 42.5, bytesPerSecond: 2_500_000, transferred: 34_000_000, total: 80_000_000 });
      }
      if (request.method === 'restartToUpdate') {
        // What the real core holds when it is asked to stop.
        void app.call<ConversationDetail>('getConversation', { id: openConversation }).then((detail) => {
          restarts.push({ draft: detail.draft?.body ?? null });
          answer(request.id, null);
        });
        return;
      }
      answer(request.id, state);
    });
  });
  const inbox = new InboxPage(page);
  await inbox.open(app.url);
  openConversation = await inbox.openFirstConversation();

  await inbox.queues.getByRole('button', { name: 'Updates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Updates' });
  await expect(dialog.getByTestId('update-status')).toHaveText('No check yet.');
  await dialog.getByRole('button', { name: 'Check now' }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Download of version 1.5.0' });
  await expect(progress).toHaveAttribute('aria-valuenow', '43');
  await expect(progress).toHaveAttribute('aria-valuetext', '43%: 34 MB of 80 MB, 2.5 MB/s');
  await expect(dialog.getByTestId('update-status')).toHaveText('Downloading version 1.5.0…');
  await expect(page.getByTestId('update-ready')).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'updates-downloading.png') });

  push({ status: 'ready', version: '1.5.0', notes: 'Faster inbox.\n<b>Not markup</b>' });
  await expect(dialog.getByTestId('update-status')).toContainText('Version 1.5.0 is downloaded and ready to install.');
  await expect(dialog.getByTestId('update-status')).toContainText('<b>Not markup</b>');
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Check now' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close updates' }).click();

  // A draft the core cannot take right now: no restart, and the agent is told why.
  refuseDrafts = true;
  const draft = 'Sorry for the wait: your bag is on the next flight, I am checking its tag now.';
  await inbox.composer.fill(draft);
  const indicator = page.getByRole('button', { name: 'Update ready' });
  await page.screenshot({ path: join(ARTIFACTS, 'updates-ready-header.png') });
  await indicator.click();
  await dialog.getByRole('button', { name: 'Restart to update' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Your open draft could not be saved, so Shiftdesk did not restart.');
  expect(restarts).toEqual([]);

  // Once it can be saved, Restart saves it first: the core holds it when asked to stop.
  refuseDrafts = false;
  await dialog.getByRole('button', { name: 'Restart to update' }).click();
  await expect.poll(() => restarts).toEqual([{ draft }]);
});
