/// <reference lib="dom" />
// Social listening end to end, against the demo workspace in browser mode: hits of the demo's
// listening streams wait in the Listening queue without a deadline until an agent takes one into
// the inbox (its response deadline starts then) or dismisses it; streams are managed in a dialog.
import { join } from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures';
import { ListeningPage } from './pages/listeningPage';

test('listening hits wait with their intent; taking one moves it to its account queue with a deadline', async ({ inbox, page }) => {
  const listening = new ListeningPage(page);
  // After Urgent, before the accounts.
  const links = inbox.queues.getByRole('link');
  const names = await links.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  expect(names.indexOf('Listening')).toBe(names.indexOf('Urgent') + 1);
  await expect(listening.queue).toHaveAccessibleDescription(/^[1-9]\d* waiting$/);
  const before = await listening.waiting();

  await listening.queue.click();
  await expect(listening.queue).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => inbox.conversations().count()).toBeGreaterThan(0);
  const rows = inbox.conversations();
  for (let i = 0; i < (await rows.count()); i++) {
    await expect(rows.nth(i).locator('[data-intent]')).toHaveText(/^(Support|Sales opportunity)$/);
    // No deadline runs while a hit waits.
    await expect(rows.nth(i).locator('[data-sla]')).toHaveCount(0);
  }

  const id = await inbox.openFirstConversation();
  await expect(listening.note).toBeVisible();
  await expect(inbox.thread.locator('[data-conversation-status="listening"]')).toBeVisible();
  await expect(inbox.thread.locator('[data-sla]')).toHaveCount(0);
  await expect(page.getByTestId('composer-listening-notice')).toHaveText(/Sending takes this conversation into the inbox/);
  await inbox.screenshot(join(ARTIFACTS, 'listening.png'));

  await listening.take.click();
  // The view follows it to its account's queue, where its response deadline now runs.
  await expect(page).toHaveURL(/#\/queue\/account%3Ademo-[a-z]+\/conversation\/\d+$/);
  const row = inbox.list.locator(`[data-conversation-id="${id}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row.locator('[data-sla]')).toBeVisible();
  await expect(row.locator('[data-intent]')).toBeVisible();
  await expect(inbox.thread.locator('[data-conversation-status="open"]')).toBeVisible();
  await expect(inbox.thread.locator('[data-sla]')).toBeVisible();
  await expect(inbox.thread.getByRole('button', { name: 'Resolve' })).toBeVisible();
  await expect(listening.take).toHaveCount(0);
  await expect.poll(() => listening.waiting()).toBe(before - 1);

  await listening.queue.click();
  await expect(inbox.list.locator(`[data-conversation-id="${id}"]`)).toHaveCount(0);
});

test('keyboard in the Listening queue: j opens a hit, t takes it, e dismisses one; replying takes it first', async ({ inbox, page, app }) => {
  const listening = new ListeningPage(page);
  await expect(listening.queue).toHaveAccessibleDescription(/^([3-9]|\d\d+) waiting$/);
  await listening.queue.click();
  await expect.poll(() => inbox.conversations().count()).toBeGreaterThan(2);

  await page.locator('body').click({ position: { x: 700, y: 5 } });
  await page.keyboard.press('j');
  await expect(inbox.thread).toHaveAttribute('data-conversation-id', /^\d+$/);
  const first = Number(await inbox.thread.getAttribute('data-conversation-id'));
  await expect(listening.take).toHaveAttribute('aria-keyshortcuts', 'T');
  await page.keyboard.press('t');
  await expect(inbox.thread.locator('[data-conversation-status="open"]')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/queue/account%3A[\\w-]+/conversation/${first}$`));

  // Back to the Listening queue: e dismisses the open hit.
  await page.goBack();
  await expect(listening.queue).toHaveAttribute('aria-current', 'page');
  await inbox.openFirstConversation();
  const dismissed = Number(await inbox.thread.getAttribute('data-conversation-id'));
  await page.locator('body').click({ position: { x: 700, y: 5 } });
  await page.keyboard.press('e');
  await expect(inbox.list.locator(`[data-conversation-id="${dismissed}"]`)).toHaveCount(0);
  await expect(inbox.thread.locator('[data-conversation-status="resolved"]')).toBeVisible();

  // Replying to a hit takes it into the inbox first, then sends.
  const replyTo = await inbox.openFirstConversation();
  await expect(page).toHaveURL(new RegExp(`#/queue/listening/conversation/${replyTo}$`));
  await inbox.reply('Glad you flew with us! Anything we can help with?');
  await expect(page).toHaveURL(new RegExp(`#/queue/account%3A[\\w-]+/conversation/${replyTo}$`));
  await expect(inbox.thread.locator('[data-conversation-status="open"]')).toBeVisible();
  await expect(inbox.outgoing('Glad you flew with us')).toHaveAttribute('data-status', 'sent');
  const account = /account%3A([\w-]+)/.exec(page.url())![1]!;
  expect(app.platformPosts(account).map((p) => p.body)).toEqual(['Glad you flew with us! Anything we can help with?']);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /T\s*Take the open listening hit into the inbox/ })).toBeVisible();
});

test('listening streams: the demo streams per account; add one on the X account, then remove it', async ({ inbox, page }) => {
  const listening = new ListeningPage(page);
  await expect(inbox.list).toBeVisible();
  await listening.openStreams();
  const x = 'X (Aurora Air Support)';
  const bluesky = 'Bluesky (Aurora Air)';
  await expect(listening.stream('Brand named without the handle', x)).toBeVisible();
  await expect(listening.stream('Brand named without the handle', x).getByTestId('stream-query')).toHaveText('#AuroraAir OR "Aurora Air"');
  await expect(listening.stream('Purchase intent', bluesky)).toHaveAttribute('data-intent', 'sales');
  // Both have run by now.
  await expect(listening.stream('Brand named without the handle', x).getByTestId('stream-last-run')).not.toHaveText('Not run yet');

  await listening.addStream.click();
  // Only accounts whose platform can search.
  await expect(listening.account.locator('option')).toHaveText([x, bluesky]);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await listening.add({ account: x, name: 'Miles', query: 'miles', intent: 'Sales opportunities' });
  await expect(listening.notice).toHaveText('Added the stream Miles.');
  const miles = listening.stream('Miles', x);
  await expect(miles).toBeVisible();
  await expect(miles.getByTestId('stream-query')).toHaveText('miles');
  await expect(miles).toHaveAttribute('data-intent', 'sales');
  await inbox.screenshot(join(ARTIFACTS, 'listening-streams.png'));

  await listening.remove('Miles');
  await expect(listening.notice).toHaveText('Removed the stream Miles.');
  await expect(listening.stream('Miles')).toHaveCount(0);
  await expect(listening.stream('Brand named without the handle', x)).toBeVisible();

  // Still gone after the dialog is opened again (the core's list, not this tab's).
  await page.keyboard.press('Escape');
  await expect(listening.dialog).toHaveCount(0);
  await listening.openStreams();
  await expect(listening.stream('Purchase intent', bluesky)).toBeVisible();
  await expect(listening.stream('Miles')).toHaveCount(0);
});

test('adding a stream the core refuses shows its reason', async ({ inbox, page }) => {
  const listening = new ListeningPage(page);
  // The form offers only accounts that can listen: to hear the core refuse, the call is made for
  // an Instagram account on its way to the real core.
  await page.routeWebSocket(/\/rpc/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { method?: string; params?: Record<string, unknown> };
      if (call.method === 'addListeningStream' && call.params) call.params.accountId = 'demo-instagram';
      server.send(JSON.stringify(call));
    });
  });
  await page.reload();
  await expect(inbox.list.getByRole('option').first()).toBeVisible();
  await listening.openStreams();
  await listening.addStream.click();
  // Empty fields are caught before any call.
  await listening.submit.click();
  await expect(listening.name).toBeFocused();
  await expect(listening.name).toHaveAccessibleDescription(/Name the stream/);
  await expect(listening.query).toHaveAccessibleDescription(/Enter what to listen for/);

  await listening.name.fill('Refused');
  await listening.query.fill('aurora');
  await listening.submit.click();
  await expect(listening.error).toContainText('The stream was not added');
  await expect(listening.error).toContainText('This platform offers no search to listen with');
  await expect(page.getByRole('dialog', { name: 'Add listening stream' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(listening.stream('Refused')).toHaveCount(0);
});
