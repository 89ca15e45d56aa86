// Page model of social listening: the Listening queue in the rail, a listening hit's controls in
// the thread, and the Listening streams dialog, found by the names a person and a screen reader use.
import { expect, type Locator, type Page } from '@playwright/test';

export class ListeningPage {
  readonly rail: Locator;
  readonly queue: Locator;
  readonly manage: Locator;
  readonly thread: Locator;
  readonly take: Locator;
  readonly dismiss: Locator;
  readonly note: Locator;
  readonly dialog: Locator;
  readonly streams: Locator;
  readonly addStream: Locator;
  readonly account: Locator;
  readonly name: Locator;
  readonly query: Locator;
  readonly submit: Locator;
  /** What the list says happened last ("Added the stream …"). */
  readonly notice: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.rail = page.getByRole('navigation', { name: 'Queues' });
    this.queue = this.rail.getByRole('link', { name: 'Listening', exact: true });
    this.manage = this.rail.getByRole('button', { name: 'Manage listening streams' });
    this.thread = page.getByRole('region', { name: 'Conversation' });
    this.take = this.thread.getByRole('button', { name: 'Take into inbox' });
    this.dismiss = this.thread.getByRole('button', { name: 'Dismiss' });
    this.note = this.thread.getByRole('note').filter({ hasText: 'Found by listening: this person did not write to you' });
    this.dialog = page.getByRole('dialog', { name: 'Listening streams' });
    this.streams = this.dialog.getByRole('group', { name: 'Listening streams' });
    this.addStream = this.dialog.getByRole('button', { name: 'Add stream' });
    this.account = page.getByRole('dialog').getByRole('combobox', { name: /^Account/ });
    this.name = page.getByRole('dialog').getByRole('textbox', { name: /^Name/ });
    this.query = page.getByRole('dialog').getByRole('textbox', { name: /^Search query/ });
    this.submit = page.getByRole('dialog').getByRole('button', { name: 'Add stream' });
    this.notice = page.getByTestId('listening-notice');
    this.error = page.getByTestId('listening-error');
  }

  /** How many hits wait in the Listening queue, as the rail says it. */
  async waiting(): Promise<number> {
    const description = (await this.queue.getAttribute('aria-describedby')) ?? '';
    if (!description) return 0;
    const text = (await this.page.locator(`[id="${description}"]`).textContent()) ?? '';
    const match = /([\d,]+) waiting/.exec(text);
    return match ? Number(match[1]!.replace(/,/g, '')) : 0;
  }

  async openStreams(): Promise<void> {
    await this.manage.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.streams).toBeVisible();
  }

  /** One stream in the list, by its name (within an account's section when given). */
  stream(name: string, accountLabel?: string): Locator {
    const scope = accountLabel ? this.dialog.getByRole('list', { name: `Streams of ${accountLabel}` }) : this.dialog;
    return scope.getByRole('listitem', { name, exact: true });
  }

  async add(stream: { account: string; name: string; query: string; intent?: 'Support' | 'Sales opportunities' }): Promise<void> {
    await this.addStream.click();
    await expect(this.page.getByRole('dialog', { name: 'Add listening stream' })).toBeVisible();
    await this.account.selectOption({ label: stream.account });
    await this.name.fill(stream.name);
    await this.query.fill(stream.query);
    if (stream.intent) await this.page.getByRole('dialog').getByRole('radio', { name: stream.intent }).check();
    await this.submit.click();
  }

  async remove(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Remove stream ${name}` }).click();
    const confirm = this.page.getByRole('dialog', { name: 'Remove listening stream' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Remove stream' }).click();
  }
}
