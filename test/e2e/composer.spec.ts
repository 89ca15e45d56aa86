/// <reference lib="dom" />
// The reply box with the canned-response library, against the demo workspace in browser mode:
// /shortcut in a Latvian customer's conversation inserts the Latvian variant, filled; the reply
// is measured the way the platform counts and is not sent while too long or with a gap.
import { join } from 'node:path';
import type { ConversationSummary } from '../../src/shared/domain';
import { ARTIFACTS, expect, test } from './fixtures';

async function conversationIn(app: { call<T>(m: string, p?: unknown): Promise<T> }, test: (c: ConversationSummary) => boolean): Promise<ConversationSummary> {
  for (let i = 0; i < 50; i++) {
    const list = await app.call<ConversationSummary[]>('listConversations', { queue: 'all', limit: 200 });
    const found = list.find(test);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no such conversation in the demo');
}

test('typing /bag in a Latvian conversation inserts the Latvian variant, filled from the conversation', async ({ app, inbox, page }) => {
  const conversation = await conversationIn(app, (c) => c.language === 'lv');
  await inbox.goToConversation(conversation.id);
  await inbox.composer.click();
  await inbox.composer.pressSequentially('/ba');
  const menu = page.getByTestId('canned-menu');
  await expect(menu.getByRole('listbox', { name: 'Canned responses' })).toBeVisible();
  const option = menu.getByRole('option', { name: /Delayed bag/ });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(inbox.composer).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  // The preview: the customer's language, the platform's short form where there is one, filled.
  const preview = page.getByTestId('canned-preview');
  await expect(preview.getByTestId('canned-variant')).toContainText(/^Latvian variant/);
  const firstName = conversation.customerName.split(/\s+/)[0]!;
  await expect(preview).toContainText(`Sveiki, ${firstName}!`);
  await expect(preview).not.toContainText('{{');
  await inbox.screenshot(join(ARTIFACTS, 'canned-menu.png'));
  await inbox.composer.press('Enter');
  await expect(menu).toBeHidden();
  const text = await inbox.composer.inputValue();
  expect(text).toMatch(new RegExp(`^Sveiki, ${firstName}! .*— .+, Aurora Air`, 's'));
  expect(text).not.toContain('{{');
  await expect(page.getByTestId('reply-length')).toBeVisible();
  // Combined with a second response after it.
  await inbox.composer.press('End');
  await inbox.composer.pressSequentially(' /refu');
  await expect(menu.getByRole('option', { name: /Refund/ })).toBeVisible();
  await inbox.composer.press('Tab');
  await expect(inbox.composer).toHaveValue(/Atmaksa tiek ieskaitīta/);
  await inbox.send.click();
  await expect(inbox.messages.last()).toContainText(`Sveiki, ${firstName}!`);
});

test('the length meter counts the way X counts and a reply that is too long is not sent', async ({ app, inbox, page }) => {
  const conversation = await conversationIn(app, (c) => c.platform === 'x');
  await inbox.goToConversation(conversation.id);
  const meter = page.getByTestId('reply-length-count');
  await inbox.composer.fill(`Details: https://example.com/${'a'.repeat(200)}`);
  await expect(meter).toHaveText('32 / 280');
  await inbox.composer.fill('😀'.repeat(141));
  await expect(meter).toHaveText('282 / 280');
  await expect(page.getByRole('alert').filter({ hasText: '2 characters too long for X' })).toBeVisible();
  await expect(inbox.send).toBeDisabled();
  await inbox.composer.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Not sent' })).toBeVisible();
  await inbox.screenshot(join(ARTIFACTS, 'reply-too-long.png'));
});

test('a variable that cannot be filled stays marked and blocks sending until the agent fills it', async ({ app, inbox, page }) => {
  const conversation = await conversationIn(app, (c) => c.platform === 'bluesky');
  await inbox.goToConversation(conversation.id);
  await inbox.composer.fill('Your order {{custom.order_id}} is on its way');
  await expect(page.getByTestId('reply-unfilled')).toHaveText('Fill in or remove {{custom.order_id}} before sending.');
  await expect(inbox.send).toBeDisabled();
  await inbox.composer.fill('Your order AB123 is on its way');
  await expect(page.getByTestId('reply-unfilled')).toBeHidden();
  await expect(inbox.send).toBeEnabled();
  // The Responses button opens the library at the caret; Escape closes it without leaving the box.
  await page.getByRole('button', { name: 'Responses', exact: true }).click();
  await expect(page.getByTestId('canned-menu')).toBeVisible();
  await inbox.composer.press('Escape');
  await expect(page.getByTestId('canned-menu')).toBeHidden();
  await expect(inbox.composer).toBeFocused();
});

test("the reply box underlines what goes against the account's brand voice before sending", async ({ app, inbox, page }) => {
  const conversation = await conversationIn(app, (c) => c.language === 'en');
  await app.call('saveBrandVoice', {
    accountId: conversation.accountId,
    guidelines: { bannedPhrases: ['unfortunately'], requiredSignOff: '^AA', slangAndIdioms: { en: ['no worries'] }, toneHints: ['Warm and brief', 'Say what happens next'] },
  });
  await inbox.goToConversation(conversation.id);
  await inbox.composer.fill('No worries! Unfortunately the flight is late.');
  const findings = page.getByRole('list', { name: 'Brand voice' });
  await expect(findings.getByRole('listitem')).toHaveText([
    '“no worries” is slang or an idiom that translates badly',
    'End with the sign-off “^AA”',
    '“unfortunately” is not in our brand voice',
  ]);
  const underlines = page.getByTestId('reply-underlines');
  await expect(underlines.locator('[data-tone="warning"]')).toHaveText(['No worries', 'Unfortunately']);
  // The account's tone hints, where the agent writes.
  await expect(page.getByRole('list', { name: 'Tone of voice' }).getByRole('listitem')).toHaveText(['Warm and brief', 'Say what happens next']);
  // Advice, not a block: the reply can still be sent.
  await expect(inbox.send).toBeEnabled();
  await inbox.screenshot(join(ARTIFACTS, 'brand-voice.png'));
  await inbox.composer.fill('Sorry, the flight is late. ^AA');
  await expect(findings).toBeHidden();
  await expect(underlines).toBeHidden();
});

test('the command palette (Ctrl+K) inserts a response into the open reply, filled', async ({ app, inbox, page }) => {
  const conversation = await conversationIn(app, (c) => c.language === 'es');
  await inbox.goToConversation(conversation.id);
  await inbox.composer.fill('Gracias por escribir.');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+k');
  const search = page.getByRole('textbox', { name: 'Command palette' });
  await expect(search).toBeFocused();
  await search.fill('refund');
  await page.getByRole('button', { name: /Refund: when the money arrives/ }).click();
  await expect(inbox.composer).toHaveValue(/^Gracias por escribir\. Hola, .+: los reembolsos llegan/);
  await expect(inbox.composer).toBeFocused();
});
