// Page model of the canned-response library (a dialog opened from the queue rail's SETTINGS
// group: responses with search, the form with its variants, sharing, and the brand voice), found
// by the names a person and a screen reader use.
import { expect, type Locator, type Page } from '@playwright/test';

export interface NewVariant {
  language: string;
  platform?: string;
  body: string;
}

export class LibraryPage {
  readonly open: Locator;
  readonly dialog: Locator;
  readonly search: Locator;
  readonly list: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.open = page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Canned responses' });
    this.dialog = page.getByRole('dialog');
    this.search = this.dialog.getByRole('searchbox', { name: 'Search the library' });
    this.list = this.dialog.getByTestId('library-list');
    this.notice = page.getByTestId('library-notice');
  }

  async openLibrary(): Promise<void> {
    await this.open.click();
    await expect(this.page.getByRole('dialog', { name: 'Canned responses' })).toBeVisible();
    await expect(this.search).toBeVisible();
  }

  response(title: string): Locator {
    return this.dialog.getByRole('listitem', { name: title, exact: true });
  }

  variant(n: number): Locator {
    return this.dialog.getByRole('group', { name: `Variant ${n}` });
  }

  async fillVariant(n: number, variant: NewVariant): Promise<void> {
    const row = this.variant(n);
    await row.getByRole('textbox', { name: `Language of variant ${n}` }).fill(variant.language);
    await row.getByRole('combobox', { name: `Platform of variant ${n}` }).selectOption({ label: variant.platform ?? 'Any platform' });
    await row.getByRole('textbox', { name: `Text of variant ${n}` }).fill(variant.body);
  }

  tab(name: 'Responses' | 'Brand voice'): Locator {
    return this.dialog.getByRole('tab', { name });
  }
}
