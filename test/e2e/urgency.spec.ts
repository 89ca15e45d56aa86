/// <reference lib="dom" />
// Urgency as the agent sees it, against the demo workspace in browser mode: why a message is
// urgent, and quiet mode.
import { join } from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures';

test('an urgent message says why it is urgent', async ({ inbox, page }) => {
  await inbox.openQueue(/^Urgent/);
  await inbox.openFirstConversation();
  const badge = inbox.messages.getByTestId('urgent-badge').first();
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAccessibleDescription(/^(Mentions “.+” \(.+\)|The author has [\d,]+ followers)/);
  await badge.hover();
  await expect(page.getByRole('tooltip')).toContainText(/Mentions|followers/);
  await inbox.screenshot(join(ARTIFACTS, 'urgent-reasons.png'));
});

test('quiet mode: chosen from the header, shown until it ends, and ended', async ({ inbox, page }) => {
  await expect(inbox.list).toBeVisible();
  const quiet = page.getByTestId('quiet-mode');
  await expect(quiet).toHaveAccessibleName('Notifications on: choose a quiet time');
  await quiet.click();
  await page.getByRole('menuitem', { name: 'For 1 hour' }).click();
  await expect(quiet).toHaveText(/^Quiet until \d{1,2}:\d{2}/);
  await expect(quiet).toHaveAccessibleName(/^Quiet mode until .+: only must-interrupt notifications\. Change it$/);
  // Kept by the core: still on after a reload.
  await page.reload();
  await expect(quiet).toHaveText(/^Quiet until/);
  await quiet.click();
  await page.getByRole('menuitem', { name: 'End quiet mode' }).click();
  await expect(quiet).toHaveText('Notifications on');
});
