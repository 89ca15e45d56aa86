// Page model of the SLA settings (a dialog opened from the queue rail: policies and business
// calendars) and of the VIP mark in the customer panel, found by the names a person and a screen
// reader use.
import { expect, type Locator, type Page } from '@playwright/test';

export interface NewCalendar {
  name: string;
  /** Typed into the zone search; the option starting with `zone` is picked. */
  zone: string;
  /** Open days with one interval each; the other days are closed. */
  hours?: { from: string; to: string };
  ics?: { name: string; text: string };
}

export interface NewPolicy {
  name: string;
  platforms?: string[];
  vip?: 'Anyone' | 'VIP only' | 'Not VIP';
  firstResponse?: { amount: number; unit: 'minutes' | 'hours' | 'days' };
  calendar?: string;
}

export class SlaPage {
  readonly rail: Locator;
  readonly open: Locator;
  readonly dialog: Locator;
  readonly policies: Locator;
  readonly calendars: Locator;
  readonly notice: Locator;
  readonly error: Locator;
  readonly customerPanel: Locator;
  readonly vipToggle: Locator;

  constructor(readonly page: Page) {
    this.rail = page.getByRole('navigation', { name: 'Queues' });
    this.open = this.rail.getByRole('button', { name: 'SLA settings' });
    this.dialog = page.getByRole('dialog');
    this.policies = this.dialog.getByRole('list', { name: 'SLA policies, in the order they are tried' });
    this.calendars = this.dialog.getByRole('list', { name: 'Business calendars' });
    this.notice = page.getByTestId('sla-notice');
    this.error = page.getByTestId('sla-error');
    this.customerPanel = page.getByRole('complementary', { name: 'Customer' });
    this.vipToggle = this.customerPanel.getByRole('switch', { name: 'VIP customer' });
  }

  async openSettings(): Promise<void> {
    await this.open.click();
    await expect(this.page.getByRole('dialog', { name: 'SLA settings' })).toBeVisible();
    await expect(this.policies).toBeVisible();
  }

  tab(name: 'Policies' | 'Business calendars'): Locator {
    return this.dialog.getByRole('tab', { name });
  }

  policy(name: string): Locator {
    return this.policies.getByRole('listitem', { name, exact: true });
  }

  calendar(name: string): Locator {
    return this.calendars.getByRole('listitem', { name, exact: true });
  }

  /** The policies' names, top to bottom. */
  async policyOrder(): Promise<string[]> {
    return this.policies.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  }

  /** Fills in the Add business calendar form (left open, for a look before saving). */
  async fillCalendar(calendar: NewCalendar): Promise<void> {
    await this.tab('Business calendars').click();
    await this.dialog.getByRole('button', { name: 'Add calendar' }).click();
    await expect(this.page.getByRole('dialog', { name: 'Add business calendar' })).toBeVisible();
    await this.dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(calendar.name);
    const zone = this.dialog.getByRole('combobox', { name: 'Time zone' });
    await zone.click();
    await zone.fill(calendar.zone.split('/').pop()!);
    await this.page.getByRole('option', { name: new RegExp(`^${calendar.zone.replace(/\//g, '\\/')} `) }).click();
    await expect(zone).toHaveValue(new RegExp(`^${calendar.zone}`));
    if (calendar.hours) {
      await this.dialog.getByRole('textbox', { name: 'Monday, hours 1: opens at' }).fill(calendar.hours.from);
      await this.dialog.getByRole('textbox', { name: 'Monday, hours 1: closes at' }).fill(calendar.hours.to);
      await this.dialog.getByRole('button', { name: 'Copy Monday to weekdays' }).click();
    }
    if (calendar.ics) {
      await this.dialog.getByLabel('Import holidays from an .ics file').setInputFiles({
        name: calendar.ics.name,
        mimeType: 'text/calendar',
        buffer: Buffer.from(calendar.ics.text, 'utf8'),
      });
    }
  }

  async save(label: string): Promise<void> {
    await this.dialog.getByRole('button', { name: label, exact: true }).click();
    await expect(this.page.getByRole('dialog', { name: 'SLA settings' })).toBeVisible();
  }

  /** Fills in the Add SLA policy form (left open). */
  async fillPolicy(policy: NewPolicy): Promise<void> {
    await this.tab('Policies').click();
    await this.dialog.getByRole('button', { name: 'Add policy' }).click();
    await expect(this.page.getByRole('dialog', { name: 'Add SLA policy' })).toBeVisible();
    await this.dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(policy.name);
    for (const platform of policy.platforms ?? []) {
      await this.dialog.getByRole('combobox', { name: 'Platforms' }).click();
      await this.page.getByRole('option', { name: platform, exact: true }).click();
    }
    if (policy.vip) await this.dialog.getByRole('radio', { name: policy.vip }).check();
    if (policy.firstResponse) {
      await this.dialog.getByRole('textbox', { name: /^First response/ }).fill(String(policy.firstResponse.amount));
      await this.dialog.getByRole('combobox', { name: 'Unit of First response' }).selectOption(policy.firstResponse.unit);
    }
    if (policy.calendar) await this.dialog.getByRole('combobox', { name: /^Business hours/ }).selectOption({ label: policy.calendar });
  }

  async move(name: string, direction: 'up' | 'down', times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.dialog.getByRole('button', { name: `Move ${name} ${direction}` }).click();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toHaveCount(0);
  }
}
