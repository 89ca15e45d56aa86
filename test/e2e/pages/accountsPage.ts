// Page model of the accounts screen (a dialog opened from the queue rail), found by the names a
// person and a screen reader use.
import { expect, type Locator, type Page } from '@playwright/test';

export interface ServerFields {
  group: Locator;
  host: Locator;
  port: Locator;
  tls: Locator;
}

export interface EmailFields {
  address: Locator;
  fromName: Locator;
  username: Locator;
  imap: ServerFields;
  smtp: ServerFields;
}

export class AccountsPage {
  readonly rail: Locator;
  readonly dialog: Locator;
  readonly platform: Locator;
  readonly instance: Locator;
  readonly token: Locator;
  /** The secret of an e-mail (password) or Bluesky (app password) account. */
  readonly password: Locator;
  readonly email: EmailFields;
  readonly bluesky: { handle: Locator; serviceUrl: Locator };
  readonly name: Locator;
  readonly backfillDays: Locator;
  readonly testConnection: Locator;
  readonly add: Locator;
  readonly cancel: Locator;
  /** The live regions of the open form: success (status) and failure (alert). */
  readonly formStatus: Locator;
  readonly formError: Locator;
  /** Signing in in the browser (Mastodon): start, the code the instance shows, finish, and whose account it is. */
  readonly browserSignIn: Locator;
  readonly code: Locator;
  readonly finishSignIn: Locator;
  readonly signInStatus: Locator;
  /** What the list says happened last ("Removed …"). */
  readonly notice: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.rail = page.getByRole('navigation', { name: 'Queues' });
    this.dialog = page.getByRole('dialog');
    this.platform = this.dialog.getByRole('combobox', { name: 'Platform' });
    this.instance = this.dialog.getByRole('textbox', { name: /^Instance address/ });
    // A password field has no ARIA role: by its label (not the "Show the access token" toggle).
    this.token = this.dialog.getByLabel(/^(New )?access token/i).and(page.locator('input'));
    this.password = this.dialog.getByLabel(/^(New )?(app )?password/i).and(page.locator('input'));
    const server = (legend: string) => {
      const group = this.dialog.getByRole('group', { name: legend });
      return { group, host: group.getByRole('textbox', { name: /^Server/ }), port: group.getByRole('textbox', { name: /^Port/ }), tls: group.getByRole('switch', { name: 'Use TLS' }) };
    };
    this.email = {
      address: this.dialog.getByRole('textbox', { name: /^Support address/ }),
      fromName: this.dialog.getByRole('textbox', { name: /^Name on replies/ }),
      username: this.dialog.getByRole('textbox', { name: /^Login name/ }),
      imap: server('Incoming mail (IMAP)'),
      smtp: server('Outgoing mail (SMTP)'),
    };
    this.bluesky = {
      handle: this.dialog.getByRole('textbox', { name: /^Handle/ }),
      serviceUrl: this.dialog.getByRole('textbox', { name: /^PDS address/ }),
    };
    this.name = this.dialog.getByRole('textbox', { name: /^Display name/ });
    this.backfillDays = this.dialog.getByRole('textbox', { name: /^First sync window/ });
    this.testConnection = this.dialog.getByRole('button', { name: 'Test connection' });
    this.add = this.dialog.getByRole('button', { name: 'Add account', exact: true });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel', exact: true });
    this.browserSignIn = this.dialog.getByRole('button', { name: /^Sign in with / });
    this.code = this.dialog.getByRole('textbox', { name: /^Authorization code/ });
    this.finishSignIn = this.dialog.getByRole('button', { name: 'Finish sign-in' });
    this.signInStatus = this.dialog.getByTestId('browser-sign-in-status');
    this.formStatus = this.dialog.getByTestId('account-form-status');
    this.formError = this.dialog.getByRole('alert');
    this.notice = this.dialog.getByTestId('accounts-notice');
    this.list = this.dialog.getByRole('list', { name: 'Connected accounts' });
  }

  async openAdd(): Promise<void> {
    await this.rail.getByRole('button', { name: 'Add account' }).click();
    await expect(this.page.getByRole('dialog', { name: 'Add account' })).toBeVisible();
  }

  async openManage(): Promise<void> {
    await this.rail.getByRole('button', { name: 'Manage accounts' }).click();
    await expect(this.page.getByRole('dialog', { name: 'Manage accounts' })).toBeVisible();
  }

  /** Picks the platform of the account being added, by its name in the list. */
  async choosePlatform(name: 'Mastodon' | 'X' | 'Facebook' | 'Email' | 'Bluesky'): Promise<void> {
    await this.platform.selectOption({ label: name });
    await expect(this.platform.locator('option:checked')).toHaveText(name);
  }

  /** How a Mastodon account signs in. */
  signInMethod(name: 'In your browser (recommended)' | 'Paste an access token'): Locator {
    return this.dialog.getByRole('radio', { name });
  }

  async useAccessToken(): Promise<void> {
    await this.signInMethod('Paste an access token').check();
    await expect(this.token).toBeVisible();
  }

  role(name: 'Support' | 'Sales' | 'Brand'): Locator {
    return this.dialog.getByRole('radio', { name });
  }

  /** An account in the list, by its name. */
  item(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
