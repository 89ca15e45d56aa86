// Machine translation end to end: browser mode with the real core and SQLite, and a
// LibreTranslate-compatible server on 127.0.0.1 (test/support/fakes/translationFake.ts).
import type { ConversationDetail, ConversationSummary, Message } from '../../src/shared/domain';
import { TranslationFake } from '../support/fakes/translationFake';
import { expect, test, type WebApp } from './fixtures';
import type { InboxPage } from './pages/inboxPage';

const DRAFT = 'We are sorry: we have rebooked you on the next flight.';

/** A demo conversation with a customer message in a language other than English. */
async function foreignConversation(app: WebApp): Promise<{ id: number; message: Message; language: string }> {
  const rows = await app.call<ConversationSummary[]>('listConversations', { queue: 'all', limit: 500 });
  for (const row of rows) {
    if (!row.language || row.language.startsWith('en')) continue;
    const detail = await app.call<ConversationDetail>('getConversation', { id: row.id });
    const message = detail.messages.find((m) => m.direction === 'in' && m.language && !m.language.startsWith('en'));
    const language = detail.customer.language ?? row.language;
    if (message && !language.startsWith('en')) return { id: row.id, message, language };
  }
  throw new Error('The demo workspace has no conversation in another language than English');
}

async function openConversation(inbox: InboxPage, id: number) {
  await inbox.page.evaluate((conversationId) => (window.location.hash = `#/queue/all/conversation/${conversationId}`), id);
  await expect(inbox.thread).toHaveAttribute('data-conversation-id', String(id));
}

test('with no provider, translation is hidden, not broken', async ({ app, inbox, page }) => {
  const { id, message } = await foreignConversation(app);
  await openConversation(inbox, id);
  await expect(inbox.messages.filter({ hasText: message.body.slice(0, 30) })).toBeVisible();
  await inbox.composer.fill(DRAFT);
  await expect(page.getByTestId('translate-message')).toHaveCount(0);
  await expect(page.getByTestId('translate-draft')).toHaveCount(0);
  // Where it is turned on.
  await expect(inbox.queues.getByRole('button', { name: 'Translation' })).toBeVisible();
});

test('LibreTranslate: set up and tested in the settings; a customer message and a draft translated; Undo brings the draft back', async ({ app, inbox, page }) => {
  const fake = new TranslationFake();
  await fake.start();
  try {
    const { id, message, language } = await foreignConversation(app);
    const lang = language.split('-')[0]!;
    // Hostile text comes back as text, never as markup.
    const translated = 'My flight was cancelled <b>and</b> <img src=x onerror="window.pwned=1"> nobody answers.';
    fake.phrases.unshift({ lang, text: message.body, translations: { en: translated } });
    fake.phrases.unshift({ lang: 'en', text: DRAFT, translations: { [lang]: `(${lang}) Lamentamos: remarcamos você no próximo voo.` } });

    await inbox.queues.getByRole('button', { name: 'Translation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Translation settings' });
    await dialog.getByRole('radio', { name: 'LibreTranslate' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('textbox', { name: /Server address/ })).toHaveAccessibleDescription(/Enter the address of the LibreTranslate server/);
    await dialog.getByRole('textbox', { name: /Server address/ }).fill(`${fake.url}/nothing-here`);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('alert')).toContainText('no translation service at this address (HTTP 404)');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The translation settings were not saved');
    await dialog.getByRole('textbox', { name: /Server address/ }).fill(fake.url);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByTestId('translation-settings-feedback')).toHaveText('Connected: translates into 12 languages.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    expect(await app.call('getTranslationSettings')).toEqual({ provider: 'libretranslate', url: fake.url, hasApiKey: false });

    await openConversation(inbox, id);
    const item = inbox.messages.filter({ hasText: message.body.slice(0, 30) }).first();
    await item.getByTestId('translate-message').click();
    const translation = item.getByRole('group', { name: /^Machine translation from .+ to .*English$/ });
    await expect(translation).toContainText(translated);
    await expect(translation.locator('b, img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    // Both stay visible.
    await expect(item).toContainText(message.body);

    // Asked again (the conversation reopened), it comes from the cache.
    const calls = fake.translations().length;
    await page.evaluate(() => (window.location.hash = '#/queue/all'));
    await openConversation(inbox, id);
    await inbox.messages.filter({ hasText: message.body.slice(0, 30) }).first().getByTestId('translate-message').click();
    await expect(inbox.messages.getByRole('group', { name: /^Machine translation/ }).first()).toContainText(translated);
    expect(fake.translations()).toHaveLength(calls);

    await inbox.composer.fill(DRAFT);
    await expect(page.getByTestId('translate-draft')).toHaveText(/^Translate draft to /);
    await page.getByTestId('translate-draft').click();
    await expect(inbox.composer).toHaveValue(`(${lang}) Lamentamos: remarcamos você no próximo voo.`);
    await expect(page.getByTestId('draft-translated')).toContainText(/Machine-translated to /);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(inbox.composer).toHaveValue(DRAFT);

    // The provider fails: the agent's draft stays as it was.
    fake.mode = 'server-error';
    await page.getByTestId('translate-draft').click();
    await expect(page.getByRole('alert').filter({ hasText: 'The draft was not translated' })).toBeVisible();
    await expect(inbox.composer).toHaveValue(DRAFT);
  } finally {
    await fake.close();
  }
});
