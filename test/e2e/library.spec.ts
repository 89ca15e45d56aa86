/// <reference lib="dom" />
// The canned-response library end to end, against the demo workspace in browser mode: a response
// with an English and a Latvian variant and a shortcut, found by a word of its Latvian text,
// edited; the library exported as JSON; a CSV with a bad row refused with the row named (nothing
// imported); the demo account's brand voice saved and read back after the dialog is reopened.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures';
import { LibraryPage } from './pages/libraryPage';

test('agents build the canned-response library, share it, and set an account’s brand voice', async ({ app, inbox, page }) => {
  const library = new LibraryPage(page);
  // From an empty library: the demo's own responses are removed first.
  const demo = await app.call<{ response: { id: string } }[]>('searchCannedResponses', { query: '', limit: 500 });
  for (const { response } of demo) await app.call('removeCannedResponse', { id: response.id });
  // Reachable by keyboard: L opens it from the inbox.
  await page.keyboard.press('l');
  await expect(page.getByRole('dialog', { name: 'Canned responses' })).toBeVisible();
  await expect(library.search).toBeFocused();
  await expect(library.dialog.getByTestId('library-empty')).toHaveText('The library is empty. Add a response, or import one from a file.');

  // A new response: the form checks the shortcut and the variants before the core sees them.
  await library.dialog.getByRole('button', { name: 'Add response' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a canned response' })).toBeVisible();
  await library.dialog.getByRole('textbox', { name: 'Title' }).fill('Delayed baggage');
  await library.dialog.getByRole('textbox', { name: 'Shortcut' }).fill('bag delay');
  await library.dialog.getByRole('combobox', { name: 'Folder' }).fill('Baggage');
  await library.fillVariant(1, { language: 'en', body: 'Hi {{customer.first_name}}, we are tracing your bag {{custom.bag_tag}} and will reply {{sla.expected_response}}. {{agnt.name}}' });
  await library.dialog.getByRole('button', { name: 'Add variant' }).click();
  await expect(library.variant(2).getByRole('textbox', { name: 'Language of variant 2' })).toBeFocused();
  await library.fillVariant(2, { language: 'lv', platform: 'X', body: 'Sveiki, {{customer.first_name}}! Mēs meklējam jūsu bagāžu.' });
  await library.dialog.getByRole('button', { name: 'Add response', exact: true }).click();
  await expect(library.dialog.getByRole('textbox', { name: 'Shortcut' })).toBeFocused();
  await expect(library.dialog.getByText('Use only letters, digits, - and _ (no spaces).')).toBeVisible();
  await library.dialog.getByRole('textbox', { name: 'Shortcut' }).fill('bag-delay');

  // The live preview fills variables from a sample conversation and flags what stays unfilled.
  const english = library.variant(1).getByTestId('variant-preview');
  await expect(english.getByTestId('variant-preview-text')).toContainText('Hi Alex, we are tracing your bag {{custom.bag_tag}} and will reply within 2 hours.');
  await expect(english.getByTestId('variant-missing')).toHaveText('No value for {{custom.bag_tag}} here: it stays visible until the agent fills it in.');
  await expect(english.getByTestId('variant-unknown')).toHaveText('{{agnt.name}} is not a variable and is sent as written.');
  await expect(english.getByTestId('variant-lengths')).toContainText('X');
  await expect(english.getByTestId('variant-over-limit')).toHaveCount(0);
  // The Latvian variant is for X only: measured as X counts, warned when over 280.
  const latvian = library.variant(2);
  await expect(latvian.getByTestId('variant-lengths').getByRole('listitem')).toHaveText(['X 39/280']);
  await latvian.getByRole('textbox', { name: 'Text of variant 2' }).fill(`Sveiki! ${'Mēs meklējam jūsu bagāžu. '.repeat(12)}`);
  await expect(latvian.getByTestId('variant-over-limit')).toHaveText('Too long for X: shorten it, or add a variant for that platform.');
  await inbox.screenshot(join(ARTIFACTS, 'library-form.png'));
  await latvian.getByRole('textbox', { name: 'Text of variant 2' }).fill('Sveiki, {{customer.first_name}}! Mēs meklējam jūsu bagāžu.');
  await library.dialog.getByRole('button', { name: 'Add response', exact: true }).click();
  await expect(library.notice).toHaveText('Added Delayed baggage.');

  const item = library.response('Delayed baggage');
  await expect(item.getByTestId('response-shortcut')).toHaveText('/bag-delay');
  await expect(item.getByTestId('response-languages')).toHaveText('English, Latvian');
  await expect(item.getByTestId('response-usage')).toHaveText('Not used yet');
  await expect(library.dialog.getByRole('region', { name: 'Folder Baggage' })).toBeVisible();

  // Search as you type, in every variant's text: a word of the Latvian body finds it.
  await library.search.fill('bagāžu');
  await expect(library.list.getByRole('listitem')).toHaveCount(1);
  await expect(item).toBeVisible();
  await library.search.fill('refund');
  await expect(library.dialog.getByTestId('library-empty')).toHaveText('No response matches your search.');
  await library.search.fill('meklējam');
  await expect(item).toBeVisible();

  // Edited: a tag added, the title changed.
  await item.getByRole('button', { name: 'Edit Delayed baggage' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit canned response' })).toBeVisible();
  await library.dialog.getByRole('textbox', { name: 'Title' }).fill('Delayed or lost baggage');
  await library.dialog.getByRole('combobox', { name: 'Tags' }).fill('baggage');
  await library.dialog.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await library.dialog.getByRole('button', { name: 'Save response' }).click();
  await expect(library.notice).toHaveText('Saved Delayed or lost baggage.');
  await library.search.fill('');
  await expect(library.response('Delayed or lost baggage')).toContainText('#baggage');

  // Export JSON: the file downloaded holds the response with both variants.
  const download = page.waitForEvent('download');
  await library.dialog.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^shiftdesk-library-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as { format: string; responses: { title: string; shortcut: string; tags: string[]; variants: { language: string; platform: string | null }[] }[] };
  expect(exported.format).toBe('shiftdesk.canned-responses');
  expect(exported.responses).toHaveLength(1);
  expect(exported.responses[0]).toMatchObject({ title: 'Delayed or lost baggage', shortcut: 'bag-delay', tags: ['baggage'] });
  expect(exported.responses[0]!.variants.map((v) => [v.language, v.platform])).toEqual([['en', null], ['lv', 'x']]);

  // Import a CSV with a bad row: the row is named and nothing is imported.
  const csv = ['title,shortcut,language,body', 'Refund,refund,en,Your refund is on its way.', 'Upgrade,up grade,en,Enjoy the upgrade!', ''].join('\r\n');
  await library.dialog.getByLabel('Import responses from a JSON or CSV file').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const error = page.getByTestId('library-share-error');
  await expect(error).toContainText('team.csv could not be imported');
  await expect(error).toContainText("Row 3: shortcut 'up grade' may only contain letters, digits, - and _");
  await expect(error).toContainText('Nothing was imported.');
  await expect(library.list.getByRole('listitem')).toHaveCount(1);
  // Fixed, the same file imports.
  await library.dialog
    .getByLabel('Import responses from a JSON or CSV file')
    .setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace('up grade', 'upgrade')) });
  await expect(page.getByTestId('library-import-status')).toHaveText('Imported 2 responses from team.csv.');
  await expect(error).toBeEmpty();
  await expect(library.list.getByRole('listitem')).toHaveCount(3);
  await expect(library.dialog.getByRole('region', { name: 'Folder No folder' })).toBeVisible();
  await inbox.screenshot(join(ARTIFACTS, 'library.png'));

  // Delete, after confirming.
  await library.response('Upgrade').getByRole('button', { name: 'Delete Upgrade' }).click();
  await expect(library.dialog.getByText('Delete Upgrade?')).toBeVisible();
  await library.dialog.getByRole('button', { name: 'Delete response' }).click();
  await expect(library.notice).toHaveText('Deleted Upgrade.');
  await expect(library.list.getByRole('listitem')).toHaveCount(2);

  // Brand voice for the demo X account.
  await library.tab('Brand voice').click();
  await library.dialog.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'X (Aurora Air Support)' });
  const form = library.dialog.getByTestId('brand-voice-form');
  await form.getByRole('textbox', { name: 'Banned phrases' }).fill('no problem\nper my last message');
  await form.getByRole('textbox', { name: 'Required sign-off' }).fill('^Ana');
  await form.getByRole('textbox', { name: 'Tone hints' }).fill('Warm, short sentences');
  await form.getByRole('button', { name: 'Add language' }).click();
  await form.getByRole('textbox', { name: 'Language of slang list 1' }).fill('lv');
  await form.getByRole('button', { name: 'Save brand voice' }).click();
  await expect(form.getByText('Enter at least one phrase, or remove this list.')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Phrases of slang list 1' })).toBeFocused();
  await form.getByRole('textbox', { name: 'Phrases of slang list 1' }).fill('nav ne vainas');
  await form.getByRole('button', { name: 'Save brand voice' }).click();
  await expect(page.getByTestId('brand-voice-notice')).toHaveText('Saved the brand voice of X (Aurora Air Support).');
  await inbox.screenshot(join(ARTIFACTS, 'library-brand-voice.png'));

  // Reopened: read back from the core.
  await page.keyboard.press('Escape');
  await expect(library.dialog).toBeHidden();
  await library.openLibrary();
  await library.tab('Brand voice').click();
  await library.dialog.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'X (Aurora Air Support)' });
  const reread = library.dialog.getByTestId('brand-voice-form');
  await expect(reread.getByRole('textbox', { name: 'Banned phrases' })).toHaveValue('no problem\nper my last message');
  await expect(reread.getByRole('textbox', { name: 'Required sign-off' })).toHaveValue('^Ana');
  await expect(reread.getByRole('textbox', { name: 'Tone hints' })).toHaveValue('Warm, short sentences');
  await expect(reread.getByRole('textbox', { name: 'Language of slang list 1' })).toHaveValue('lv');
  await expect(reread.getByRole('textbox', { name: 'Phrases of slang list 1' })).toHaveValue('nav ne vainas');
});
