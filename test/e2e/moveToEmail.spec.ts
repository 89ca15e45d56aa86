/// <reference lib="dom" />
// Continuing a public conversation by e-mail, against the demo workspace in browser mode: the
// e-mail goes out from the demo e-mail account as a new thread, a note is posted where the
// customer wrote, and each conversation links to the other.
import { join } from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures';

test('continues an X conversation by e-mail: the e-mail goes out, a note is posted, the original is resolved', async ({ inbox, page, app }) => {
  await inbox.openQueue(/^X \(Aurora Air Support\)/);
  const original = await inbox.openFirstConversation();
  const customer = (await inbox.thread.getByRole('heading', { level: 2 }).textContent())!;

  await inbox.thread.getByRole('button', { name: 'Continue by e-mail' }).click();
  const dialog = page.getByRole('dialog', { name: 'Continue by e-mail' });
  const address = dialog.getByRole('textbox', { name: "Customer's e-mail address" });
  await expect(address).toBeFocused();
  await expect(dialog.getByRole('combobox', { name: 'From' })).toHaveValue('demo-email');
  await expect(dialog.getByRole('textbox', { name: 'Subject' })).toHaveValue('Your message to Aurora Air Support');
  await expect(dialog.getByRole('checkbox', { name: 'Post a note in the X conversation' })).toBeChecked();

  // Nothing written yet: each field says what it needs, and nothing is sent.
  await dialog.getByRole('button', { name: 'Send e-mail' }).click();
  await expect(address).toBeFocused();
  await expect(address).toHaveAccessibleDescription(/Enter the customer's e-mail address/);
  await address.fill('kim at example');
  await dialog.getByRole('button', { name: 'Send e-mail' }).click();
  await expect(address).toHaveAccessibleDescription(/This is not an e-mail address/);
  await expect(dialog.getByRole('textbox', { name: 'E-mail', exact: true })).toHaveAccessibleDescription(/Write the e-mail/);
  expect(app.platformPosts('demo-email')).toEqual([]);

  await address.fill('kim.traveller@example.com');
  await dialog.getByRole('textbox', { name: 'E-mail', exact: true }).fill('Hello, could you send us your booking reference and a photo of the bag tag?');
  await inbox.screenshot(join(ARTIFACTS, 'move-to-email.png'));
  await dialog.getByRole('button', { name: 'Send e-mail' }).click();
  await expect(dialog).toHaveCount(0);

  // The view follows the new e-mail, in the e-mail account's queue.
  await expect(page).toHaveURL(/#\/queue\/account%3Ademo-email\/conversation\/\d+$/);
  await expect(inbox.thread.getByRole('heading', { level: 2 })).toHaveText(customer);
  await expect(inbox.thread).toContainText('kim.traveller@example.com');
  await expect(inbox.thread).toContainText('Your message to Aurora Air Support');
  await expect(inbox.outgoing('could you send us your booking reference')).toHaveAttribute('data-status', 'sent');
  await expect(inbox.thread.getByTestId('moved-note')).toContainText('This e-mail continues a conversation from social media.');
  expect(app.platformPosts('demo-email').map((p) => p.body)).toEqual(['Hello, could you send us your booking reference and a photo of the bag tag?']);

  // Back to the original: resolved, its note sent, and a link to the e-mail.
  await inbox.thread.getByRole('button', { name: 'Open the original' }).click();
  await expect(inbox.thread).toHaveAttribute('data-conversation-id', String(original));
  await expect(inbox.thread.locator('[data-conversation-status="resolved"]')).toBeVisible();
  await expect(inbox.outgoing('We have sent you an e-mail')).toHaveAttribute('data-status', 'sent');
  await expect(inbox.thread.getByTestId('moved-note')).toContainText('This conversation was continued by e-mail.');
  await expect(inbox.thread.getByRole('button', { name: 'Continue by e-mail' })).toHaveCount(0);
  await expect.poll(() => app.platformPosts('demo-x').map((p) => p.body)).toEqual(['We have sent you an e-mail so we can look into this in more detail.']);
});
