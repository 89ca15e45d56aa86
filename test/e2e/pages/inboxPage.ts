// Page model of the inbox: the names a person (and a screen reader) uses to find things.
import { expect, type Locator, type Page } from '@playwright/test';

export class InboxPage {
  readonly queues: Locator;
  readonly list: Locator;
  readonly thread: Locator;
  readonly messages: Locator;
  readonly composer: Locator;
  readonly send: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.queues = page.getByRole('navigation', { name: 'Queues' });
    this.list = page.getByRole('listbox', { name: 'Conversations' });
    this.thread = page.getByRole('region', { name: 'Conversation' });
    this.messages = this.thread.getByRole('list', { name: 'Messages' }).getByRole('listitem');
    this.composer = page.getByRole('textbox', { name: 'Reply' });
    this.send = page.getByRole('button', { name: 'Send', exact: true });
    this.status = page.getByRole('status', { name: 'Sync status' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.list.getByRole('option').first()).toBeVisible();
  }

  conversations(): Locator {
    return this.list.getByRole('option');
  }

  async openQueue(name: string | RegExp): Promise<void> {
    await this.queues.getByRole('link', { name }).click();
  }

  /** Opens the first conversation in the current list and returns its id. */
  async openFirstConversation(): Promise<number> {
    const row = this.conversations().first();
    const id = Number(await row.getAttribute('data-conversation-id'));
    await row.click();
    await expect(this.thread).toHaveAttribute('data-conversation-id', String(id));
    return id;
  }

  /** Opens a conversation by its address (it may be far down a long list). */
  async goToConversation(id: number): Promise<void> {
    await this.page.evaluate((cid) => (location.hash = `#/queue/all/conversation/${cid}`), id);
    await expect(this.thread).toHaveAttribute('data-conversation-id', String(id));
  }

  async openConversation(id: number): Promise<void> {
    await this.list.locator(`[data-conversation-id="${id}"]`).click();
    await expect(this.thread).toHaveAttribute('data-conversation-id', String(id));
  }

  outgoing(body: string): Locator {
    return this.messages.filter({ hasText: body }).and(this.page.locator('[data-direction="out"]'));
  }

  async reply(body: string): Promise<void> {
    await this.composer.fill(body);
    await this.send.click();
    await expect(this.outgoing(body)).toHaveCount(1);
  }

  async setOutage(target: string, down: boolean): Promise<void> {
    const toggle = this.page.getByRole('switch', { name: `Simulate outage: ${target}` });
    if (!(await toggle.isVisible())) await this.page.locator('#demo-controls-title').click();
    if ((await toggle.isChecked()) !== down) await toggle.click({ force: true });
    await (down ? expect(toggle).toBeChecked() : expect(toggle).not.toBeChecked());
  }

  accountHealth(accountId: string): Locator {
    return this.status.locator(`[data-account-id="${accountId}"]`);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: false });
  }
}
