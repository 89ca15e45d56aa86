/// <reference lib="dom" />
// The interface language, chosen by the agent in the header: Arabic turns the whole layout
// right to left and survives a reload (stored in the core), Malayalam renders in its script,
// and "Same as the system" goes back to the browser's language. Needs ar.json and ml.json.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { LocaleResource } from '../../src/shared/locales/localeCheck';
import { ARTIFACTS, expect, test } from './fixtures';

const localeStrings = (language: string) =>
  JSON.parse(readFileSync(resolve(__dirname, `../../src/shared/locales/${language}.json`), 'utf8')) as LocaleResource & {
    queues: { label: string; all: string };
  };

async function chooseLanguage(page: Page, name: string | RegExp): Promise<void> {
  await page.getByTestId('ui-language').click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

async function chooseSystemLanguage(page: Page): Promise<void> {
  await page.getByTestId('ui-language').click();
  await page.getByTestId('ui-language-system').click();
}

test('the agent switches the interface to Arabic (right to left), to Malayalam, and back to the system language', async ({ inbox, page, app }) => {
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'en-US');
  await expect(html).toHaveAttribute('dir', 'ltr');

  const ar = localeStrings('ar');
  await chooseLanguage(page, 'العربية');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('navigation', { name: ar.queues.label })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^${ar.queues.all}`) })).toBeVisible();
  // The layout mirrors: the queue rail sits on the right of the conversation list.
  const rail = await page.getByRole('navigation', { name: ar.queues.label }).boundingBox();
  const list = await page.getByRole('listbox').boundingBox();
  expect(rail!.x).toBeGreaterThan(list!.x);

  // Stored by the core, not only in this page: a reload without the page's own memory keeps it.
  expect(((await app.call('getWorkspace')) as { self: { uiLanguage: string | null } }).self.uiLanguage).toBe('ar');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('navigation', { name: ar.queues.label })).toBeVisible();
  await expect(page.getByRole('menuitem')).toHaveCount(0);

  // The page model's names are English: find the conversation by its row and the thread by its id.
  const first = page.getByRole('listbox').getByRole('option').first();
  const id = await first.getAttribute('data-conversation-id');
  await first.click();
  await expect(page.locator(`[role="region"][data-conversation-id="${id}"]`)).toBeVisible();
  await page.waitForTimeout(300);
  await inbox.screenshot(join(ARTIFACTS, 'ui-ar.png'));

  // The picker lists every language in its own name, the current one marked.
  await page.getByTestId('ui-language').click();
  await expect(page.getByRole('menuitem', { name: 'العربية', exact: true })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('menuitem', { name: '日本語', exact: true })).toHaveAttribute('lang', 'ja');
  await inbox.screenshot(join(ARTIFACTS, 'ui-ar-language-menu.png'));
  await page.keyboard.press('Escape');

  const ml = localeStrings('ml');
  await chooseLanguage(page, 'മലയാളം');
  await expect(html).toHaveAttribute('lang', 'ml');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('navigation', { name: ml.queues.label })).toBeVisible();
  await page.waitForTimeout(300);
  await inbox.screenshot(join(ARTIFACTS, 'ui-ml.png'));

  await chooseSystemLanguage(page);
  await expect(html).toHaveAttribute('lang', 'en-US');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(inbox.queues).toBeVisible();
  expect(((await app.call('getWorkspace')) as { self: { uiLanguage: string | null } }).self.uiLanguage).toBeNull();
});
