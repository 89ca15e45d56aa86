/// <reference lib="dom" />
// Customers' languages against the demo workspace in browser mode: a queue per language in the
// rail, named in the UI language, and each conversation's language tag saying how it was found.
import { join } from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures';

test('the Languages group lists a queue per language; one filters the list and its tags say how sure the detection is', async ({ inbox, page }) => {
  const group = inbox.queues.getByRole('group', { name: 'Languages' });
  await expect(group).toBeVisible();
  const latvian = group.getByRole('link', { name: 'Latvian' });
  await expect(latvian).toHaveAccessibleDescription(/^\d+ open/);
  await latvian.click();
  await expect(latvian).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(/#\/queue\/language%3Alv/);
  await expect.poll(() => inbox.conversations().count()).toBeGreaterThan(0);
  const rows = await inbox.conversations().count();
  // The tag shows the code and says in words (for screen readers too) how it was found.
  const tags = inbox.list.getByText(/^Latvian · (tagged by the platform|recognised by its script|detected), \d{1,3}% sure$/);
  await expect.poll(() => tags.count()).toBe(rows);
  await expect(tags.first().locator('xpath=..')).toContainText(/^lv/);
  await expect(inbox.list.getByText(/^(en|de|ja)$/)).toHaveCount(0);
  // Each customer message in the thread carries its own detection.
  await inbox.openFirstConversation();
  await expect(inbox.messages.first().getByText(/^Latvian · .+, \d{1,3}% sure$/)).toHaveCount(1);
  await inbox.screenshot(join(ARTIFACTS, 'language-queue.png'));
});
