// Page model of the Urgency rules dialog (from the gear next to INBOX in the queue rail) and of
// My notifications (from the bell in the header), found by the names a person and a screen
// reader use.
import { expect, type Locator, type Page } from '@playwright/test';

export class UrgencyRulesPage {
  readonly open: Locator;
  readonly dialog: Locator;
  readonly save: Locator;
  readonly cancel: Locator;
  readonly keywords: Locator;
  readonly followers: Locator;
  readonly vip: Locator;
  readonly spikes: Locator;
  /** The core's refusal, in its words. */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.open = page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Urgency rules' });
    this.dialog = page.getByRole('dialog', { name: 'Urgency rules' });
    this.save = this.dialog.getByRole('button', { name: 'Save rules' });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel' });
    this.keywords = this.dialog.getByRole('group', { name: 'Keywords and phrases' });
    this.followers = this.dialog.getByRole('group', { name: 'Authors with many followers' });
    this.vip = this.dialog.getByRole('group', { name: 'VIP customers' });
    this.spikes = this.dialog.getByRole('group', { name: 'Spikes become incidents' });
    this.error = page.getByTestId('urgency-rules-error');
  }

  async show(): Promise<void> {
    await this.open.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.save).toBeVisible();
  }

  mustInterrupt(section: Locator): Locator {
    return section.getByRole('switch', { name: 'Must interrupt (even in quiet mode)' });
  }

  /** The terms input of one language, by its name ("Spanish"). */
  terms(language: string): Locator {
    return this.keywords.getByRole('combobox', { name: `Terms in ${language}` });
  }

  /** The row of one language: its tag and its terms. */
  language(language: string): Locator {
    return this.keywords.getByRole('group', { name: `Keywords in ${language}` });
  }

  async addTerm(language: string, term: string): Promise<void> {
    await this.terms(language).fill(term);
    await this.terms(language).press('Enter');
    await expect(this.language(language)).toContainText(term);
  }

  vipCustomer(number: number): Locator {
    return this.vip.getByRole('group', { name: `VIP customer ${number}` });
  }
}

export class MyNotificationsPage {
  readonly open: Locator;
  readonly dialog: Locator;
  readonly hours: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.open = page.getByRole('banner').getByRole('button', { name: 'My notifications' });
    this.dialog = page.getByRole('dialog', { name: 'My notifications' });
    this.hours = this.dialog.getByRole('combobox', { name: /^Working hours/ });
    this.save = this.dialog.getByRole('button', { name: 'Save' });
  }

  role(name: 'Agent' | 'Lead'): Locator {
    return this.dialog.getByRole('radio', { name });
  }

  async show(): Promise<void> {
    await this.open.click();
    await expect(this.dialog).toBeVisible();
  }
}
