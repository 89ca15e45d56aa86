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
  const tags = inbox.list.getByLabel(/^Latvian · (tagged by the platform|recognised by its script|detected), \d{1,3}% sure$/);
  await expect.poll(() => tags.count()).toBe(rows);
  await expect(tags.first()).toHaveText('lv');
  await expect(inbox.list.getByText(/^(en|de|ja)$/)).toHaveCount(0);
  // Each customer message in the thread carries its own detection.
  await inbox.openFirstConversation();
  await expect(inbox.messages.first().getByLabel(/^Latvian · .+, \d{1,3}% sure$/)).toBeVisible();
  await inbox.screenshot(join(ARTIFACTS, 'language-queue.png'));
});
