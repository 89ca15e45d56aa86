// Real accounts end to end through the UI: a Mastodon instance (the documented-API fake served
// over HTTP on 127.0.0.1, OAuth provider included) and a mailbox on real Dovecot + Postfix
// (127.0.0.1), the browser-mode host with its secrets in the OS keychain (gnome-keyring under
// `npm test`), Chromium. Add (a wrong token first), sync, reply in the thread, lose and renew the
// sign-in, remove; and the same with a sign-in in the browser (OAuth, out-of-band code).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import keytar from 'keytar';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { MastodonFake, OAUTH_ERRORS } from '../support/fakes/mastodonFake';
import { serveOnLoopback } from '../support/fakes/serveOnLoopback';
import { MAIL_DOMAIN, mailServersUnavailable, startMailServers } from '../support/mailServers';
import type { BrowserContext } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';

const KEYCHAIN_SERVICE = 'Shiftdesk';
const required = process.env.SHIFTDESK_REQUIRE_KEYCHAIN === '1';

async function keychainReachable(): Promise<boolean> {
  const probe = `e2e-probe-${randomUUID()}`;
  return keytar
    .setPassword(KEYCHAIN_SERVICE, probe, 'x')
    .then(() => keytar.deletePassword(KEYCHAIN_SERVICE, probe))
    .then(() => true)
    .catch(() => false);
}

test('adds a Mastodon account, answers its customer in the thread, renews its sign-in and removes it', async ({ inbox, accounts, page }) => {
  test.skip(!required && !(await keychainReachable()), 'needs a Secret Service: run `node scripts/test.mjs e2e`, which starts gnome-keyring under dbus');
  const fake = new MastodonFake();
  fake.token = `tok-${randomUUID()}`;
  const ana = fake.account('ana', 'Ana Costa');
  const mention = fake.mention(ana, 'my bag is lost, please help');
  const server = await serveOnLoopback(() => fake.handlers(), fake.origin);
  const host = new URL(server.url).host;
  try {
    // Add account, from the rail. Nothing filled in: each missing field says so.
    await accounts.openAdd();
    await expect(accounts.instance).toHaveAttribute('placeholder', 'mastodon.social');
    await expect(accounts.backfillDays).toHaveValue('7');
    await expect(accounts.role('Support')).toBeChecked();
    await expect(accounts.signInMethod('In your browser (recommended)')).toBeChecked();
    await accounts.add.click();
    await expect(accounts.instance).toHaveAccessibleDescription(/Enter the instance address/);
    await expect(accounts.instance).toBeFocused();
    await expect(accounts.browserSignIn).toHaveAccessibleDescription(/Sign in with your instance first, or paste an access token/);
    // This time with a token created on the instance.
    await accounts.useAccessToken();
    await accounts.add.click();
    await expect(accounts.token).toHaveAccessibleDescription(/Enter the access token/);

    // A wrong token: the core's reason is shown, in an alert.
    await accounts.instance.fill(server.url);
    await accounts.token.fill('not-the-token');
    await accounts.testConnection.click();
    await expect(accounts.formError).toContainText('Could not connect');
    await expect(accounts.formError).toContainText('refused the credentials');
    await expect(accounts.formStatus).toHaveText('');

    // The right one: whose account it is.
    await accounts.token.fill(fake.token);
    await expect(accounts.formError).toHaveText('');
    await accounts.testConnection.click();
    await expect(accounts.formStatus).toHaveText(`Connected as @brand@${host} (Aurora Air)`);
    await accounts.role('Support').check();
    await accounts.backfillDays.fill('3');
    await page.screenshot({ path: join(ARTIFACTS, 'add-account.png') });

    await accounts.add.click();
    await expect(accounts.dialog).toBeHidden();
    await expect(page.getByRole('alert').filter({ hasText: 'Account added' })).toContainText('Mastodon (Aurora Air) is syncing');
    const link = inbox.queues.getByRole('link', { name: 'Mastodon (Aurora Air)' });
    await expect(link).toHaveAttribute('aria-current', 'page');
    const accountId = decodeURIComponent((await link.getAttribute('href'))!).replace('#/queue/account:', '');
    // The token is in the OS keychain, and in no storage of the page.
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, `account:${accountId}`)).toBe(fake.token);
    const pageStorage = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
    expect(pageStorage).not.toContain(fake.token);

    // The customer's mention is in the account's queue; the reply goes out threaded.
    const row = inbox.conversations().filter({ hasText: 'my bag is lost' });
    await expect(row).toHaveCount(1);
    await row.click();
    await expect(inbox.thread).toContainText('Ana Costa');
    await inbox.reply('So sorry! We are tracing your bag now.');
    await expect(inbox.outgoing('So sorry!')).toHaveAttribute('data-status', 'sent');
    await expect.poll(() => fake.brandPosts().length).toBe(1);
    expect(fake.brandPosts()[0]).toMatchObject({ in_reply_to_id: mention.id, content: `<p>@ana@${host} So sorry! We are tracing your bag now.</p>` });
    await expect(inbox.accountHealth(accountId)).toHaveAttribute('data-health', 'online');

    // The token is revoked on the instance: the account says it needs a sign-in, and gets one.
    fake.token = `tok-${randomUUID()}`;
    await expect(inbox.accountHealth(accountId)).toHaveAttribute('data-health', 'needs-auth');
    await expect(link.getByTestId('needs-sign-in')).toBeVisible();
    await accounts.openManage();
    const item = accounts.item('Mastodon (Aurora Air)');
    await expect(item).toHaveAttribute('data-health', 'needs-auth');
    // What needs the agent comes first.
    await expect(accounts.list.getByRole('listitem').first()).toHaveAccessibleName('Mastodon (Aurora Air)');
    await expect(item).toContainText('Needs sign-in');
    await expect(item).toContainText('OS keychain');
    await expect(item).toContainText(`@brand@${host}`);
    await page.screenshot({ path: join(ARTIFACTS, 'manage-accounts.png') });
    await item.getByRole('button', { name: 'Sign in again: Mastodon (Aurora Air)' }).click();
    await expect(page.getByRole('dialog', { name: 'Sign in again' })).toBeVisible();
    await expect(accounts.browserSignIn).toBeFocused();
    await accounts.useAccessToken();
    await accounts.token.fill(fake.token);
    await page.screenshot({ path: join(ARTIFACTS, 'sign-in-again.png') });
    await accounts.dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(accounts.notice).toHaveText('Signed in again: Mastodon (Aurora Air) is syncing.');
    await expect(item).toHaveAttribute('data-health', 'online');
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, `account:${accountId}`)).toBe(fake.token);

    // Demo accounts: rename only, and the list says why.
    const demo = accounts.item('X (Aurora Air Support)');
    await expect(demo).toContainText('No credentials needed (demo)');
    await expect(demo.getByTestId('demo-badge')).toHaveAccessibleDescription(/cannot be removed/);
    await expect(accounts.dialog.getByTestId('demo-note')).toContainText('you can rename them, but they have no credentials to renew and cannot be removed');
    await expect(demo.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
    await expect(demo.getByRole('button', { name: /^Sign in again/ })).toHaveCount(0);
    await expect(demo.getByRole('button', { name: 'Edit X (Aurora Air Support)' })).toBeVisible();

    // Remove, after a confirmation that says what goes and what stays.
    await item.getByRole('button', { name: 'Remove Mastodon (Aurora Air)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove account' });
    await expect(confirm).toContainText(`Remove Mastodon (Aurora Air) (@brand@${host}) from Shiftdesk?`);
    await expect(confirm).toContainText('conversations, messages and drafts in this desk are deleted');
    await expect(confirm).toContainText('access token is deleted from the OS keychain');
    await expect(confirm).toContainText('Nothing is deleted on Mastodon');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.screenshot({ path: join(ARTIFACTS, 'remove-account.png') });
    await confirm.getByRole('button', { name: 'Remove account' }).click();
    await expect(accounts.notice).toHaveText('Removed Mastodon (Aurora Air).');
    await expect(accounts.item('Mastodon (Aurora Air)')).toHaveCount(0);
    await accounts.close();

    await expect(link).toHaveCount(0);
    await expect(inbox.queues.getByRole('link', { name: /^All open/ })).toHaveAttribute('aria-current', 'page');
    await expect(inbox.conversations().filter({ hasText: 'my bag is lost' })).toHaveCount(0);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, `account:${accountId}`)).toBeNull();
    // Nothing was deleted on the platform.
    expect(fake.brandPosts()).toHaveLength(1);
  } finally {
    await server.close();
  }
});

/** The code the instance's authorization page shows, read from the tab the app opened. */
async function codeFromAuthorizePage(context: BrowserContext, start: () => Promise<void>): Promise<string> {
  const opened = context.waitForEvent('page');
  await start();
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe('/oauth/authorize');
  const code = await tab.getByRole('textbox', { name: /Copy this authorization code/ }).inputValue();
  await tab.close();
  return code;
}

test('adds a Mastodon account by signing in in the browser, and signs it in again the same way', async ({ inbox, accounts, page, context }) => {
  test.skip(!required && !(await keychainReachable()), 'needs a Secret Service: run `node scripts/test.mjs e2e`, which starts gnome-keyring under dbus');
  const fake = new MastodonFake();
  fake.mention(fake.account('ana', 'Ana Costa'), 'is my flight on time?');
  const server = await serveOnLoopback(() => fake.handlers(), fake.origin);
  const host = new URL(server.url).host;
  // Every frame between the page and the core, to show that no token ever reaches the page.
  const frames: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => void frames.push(String(frame.payload)));
    socket.on('framereceived', (frame) => void frames.push(String(frame.payload)));
  });
  await page.reload();
  await expect(inbox.conversations().first()).toBeVisible();
  try {
    await accounts.openAdd();
    await expect(accounts.signInMethod('In your browser (recommended)')).toBeChecked();
    await expect(accounts.token).toHaveCount(0);
    await expect(accounts.testConnection).toHaveCount(0);
    await expect(accounts.browserSignIn).toHaveText('Sign in with your instance');
    await accounts.instance.fill(server.url);
    await expect(accounts.browserSignIn).toHaveText(`Sign in with ${host}`);
    await expect(accounts.browserSignIn).toHaveAccessibleDescription(/Opens your instance's sign-in page in your browser/);

    // The instance's authorization page opens in a new tab (in the desktop app: the system
    // browser), where the agent signs in, chooses Authorize and copies the code.
    const code = await codeFromAuthorizePage(context, () => accounts.browserSignIn.click());
    await expect(accounts.code).toBeFocused();
    await expect(accounts.code).toHaveAccessibleDescription(`The code ${host} shows after you choose “Authorize”. It works once, within 10 minutes.`);
    const again = accounts.dialog.getByRole('link', { name: 'Open the sign-in page again (in your browser)' });
    await expect(again).toHaveAttribute('target', '_blank');
    await expect(again).toHaveAttribute('rel', 'noopener noreferrer');
    expect(new URL((await again.getAttribute('href'))!).searchParams.get('code_challenge_method')).toBe('S256');

    // A wrong code: Mastodon's own words, and another try.
    await accounts.code.fill('not-the-code');
    await accounts.finishSignIn.click();
    await expect(accounts.formError).toContainText('Sign-in did not work');
    await expect(accounts.formError).toContainText(OAUTH_ERRORS.invalid_grant);
    await expect(accounts.code).toHaveAttribute('aria-invalid', 'true');
    await accounts.code.fill(code);
    await accounts.code.press('Enter');
    await expect(accounts.signInStatus).toHaveText(`Signed in as @brand@${host} (Aurora Air)`);
    await expect(accounts.dialog.getByRole('button', { name: 'Sign in with another account' })).toBeFocused();
    await expect(accounts.formError).toHaveText('');
    await expect(accounts.dialog).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, 'add-account-browser-sign-in.png') });

    await accounts.role('Brand').check();
    await accounts.add.click();
    await expect(accounts.dialog).toBeHidden();
    const link = inbox.queues.getByRole('link', { name: 'Mastodon (Aurora Air)' });
    await expect(link).toHaveAttribute('aria-current', 'page');
    const accountId = decodeURIComponent((await link.getAttribute('href'))!).replace('#/queue/account:', '');
    const [token] = fake.liveTokens();
    expect(fake.liveTokens()).toHaveLength(1);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, `account:${accountId}`)).toBe(token);
    await expect(inbox.conversations().filter({ hasText: 'is my flight on time?' })).toHaveCount(1);
    await expect(inbox.accountHealth(accountId)).toHaveAttribute('data-health', 'online');

    // The instance revokes the authorization: sign in again, in the browser, as the same account.
    fake.revokeIssuedTokens();
    await expect(inbox.accountHealth(accountId)).toHaveAttribute('data-health', 'needs-auth');
    await accounts.openManage();
    await accounts.item('Mastodon (Aurora Air)').getByRole('button', { name: 'Sign in again: Mastodon (Aurora Air)' }).click();
    await expect(page.getByRole('dialog', { name: 'Sign in again' })).toBeVisible();
    await expect(accounts.browserSignIn).toBeFocused();
    await expect(accounts.browserSignIn).toHaveText(`Sign in with ${host}`);
    await expect(accounts.browserSignIn).toHaveAccessibleDescription(`Opens the sign-in page of ${host} in your browser. Sign in there as @brand@${host} and choose “Authorize”.`);
    const code2 = await codeFromAuthorizePage(context, () => accounts.browserSignIn.click());
    await accounts.code.fill(code2);
    await page.screenshot({ path: join(ARTIFACTS, 'sign-in-again-browser.png') });
    await accounts.finishSignIn.click();
    await expect(accounts.notice).toHaveText('Signed in again: Mastodon (Aurora Air) is syncing.');
    await expect(accounts.item('Mastodon (Aurora Air)')).toHaveAttribute('data-health', 'online');
    const renewed = fake.liveTokens();
    expect(renewed).toHaveLength(1);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, `account:${accountId}`)).toBe(renewed[0]);

    // No token and no client secret ever reached the page: not in a frame, not in its storage.
    expect(frames.some((f) => f.includes('startMastodonSignIn'))).toBe(true);
    const pageStorage = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
    for (const secret of [token!, renewed[0]!, ...[...fake.apps.values()].map((a) => a.clientSecret)]) {
      expect(frames.join('\n')).not.toContain(secret);
      expect(pageStorage).not.toContain(secret);
    }
  } finally {
    await server.close();
  }
});

test("a new account's first sync shows how far it has come, and Stop keeps what was read", async ({ inbox, accounts, page, app }) => {
  test.skip(!required && !(await keychainReachable()), 'needs a Secret Service: run `node scripts/test.mjs e2e`, which starts gnome-keyring under dbus');
  const fake = new MastodonFake();
  fake.token = `tok-${randomUUID()}`;
  const eve = fake.account('eve', 'Eve Moreau');
  const now = Date.now();
  // Ten pages of mentions (40 each) over the last five days, on a slow instance: Stop comes long
  // before the last page, even on a busy machine.
  const MENTIONS = 400;
  for (let i = 0; i < MENTIONS; i++) fake.mention(eve, `question ${i}`, { at: now - (MENTIONS - i) * 1_080_000 });
  fake.notificationsDelayMs = 2_000;
  const server = await serveOnLoopback(() => fake.handlers(), fake.origin);
  try {
    await accounts.openAdd();
    await accounts.instance.fill(server.url);
    await accounts.useAccessToken();
    await accounts.token.fill(fake.token);
    await accounts.add.click();
    await expect(accounts.dialog).toBeHidden();

    const firstSync = page.getByTestId('first-sync');
    const bar = firstSync.getByRole('progressbar', { name: 'Fetching the last 7 days from Mastodon (Aurora Air)' });
    await expect(bar).toBeVisible();
    // After the first page: a share of the week, read back from now.
    await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
    await expect(bar).toHaveAttribute('aria-valuetext', /^\d+% read$/);
    await page.screenshot({ path: join(ARTIFACTS, 'first-sync.png') });

    await firstSync.getByRole('button', { name: 'Stop fetching earlier messages from Mastodon (Aurora Air)' }).click();
    await expect(firstSync).toHaveCount(0, { timeout: 10_000 });
    // What was read stays (the newest mentions, whole pages of them); nothing older is fetched.
    const link = inbox.queues.getByRole('link', { name: 'Mastodon (Aurora Air)' });
    const accountId = decodeURIComponent((await link.getAttribute('href'))!).replace('#/queue/account:', '');
    const stored = app.storedMessages(accountId);
    expect(stored.length % 40).toBe(0);
    expect(stored.length).toBeGreaterThanOrEqual(40);
    expect(stored.length).toBeLessThan(MENTIONS);
    expect(stored.at(-1)).toBe(`@brand question ${MENTIONS - 1}`);
    await link.click();
    await expect(inbox.conversations().first()).toBeVisible();

    // New mentions still come.
    fake.notificationsDelayMs = 0;
    fake.mention(eve, 'are you there?');
    await expect.poll(() => app.storedMessages(accountId).at(-1), { timeout: 15_000 }).toBe('@brand are you there?');
    expect(app.storedMessages(accountId)).toHaveLength(stored.length + 1);
  } finally {
    await server.close();
  }
});

test('a demo account can be renamed and given another role', async ({ inbox, accounts, page }) => {
  await accounts.openManage();
  await accounts.item('X (Aurora Air Support)').getByRole('button', { name: 'Edit X (Aurora Air Support)' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit account' })).toBeVisible();
  await expect(accounts.name).toBeFocused();
  await accounts.name.fill('Aurora Sales Desk');
  await accounts.role('Sales').check();
  await page.keyboard.press('Enter');
  await expect(accounts.notice).toHaveText('Saved X (Aurora Sales Desk).');
  const item = accounts.item('X (Aurora Sales Desk)');
  await expect(item).toHaveAttribute('data-role', 'sales');
  await expect(item.getByRole('button', { name: 'Edit X (Aurora Sales Desk)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(accounts.dialog).toBeHidden();
  await expect(inbox.queues.getByRole('link', { name: 'X (Aurora Sales Desk)' })).toBeVisible();
});

/** Every message in a mailbox's INBOX, read as its owner's mail client would. */
async function readInbox(port: number, user: string, pass: string): Promise<ParsedMail[]> {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user, pass }, logger: false });
  await client.connect();
  const mails: ParsedMail[] = [];
  const lock = await client.getMailboxLock('INBOX');
  try {
    if ((client.mailbox || { exists: 0 }).exists > 0) {
      for await (const message of client.fetch('1:*', { source: true })) mails.push(await simpleParser(message.source!));
    }
  } finally {
    lock.release();
    await client.logout();
  }
  return mails;
}

test('adds an e-mail account on real mail servers and answers a customer\'s e-mail in its thread', async ({ inbox, accounts, page }) => {
  const mailUnavailable = mailServersUnavailable();
  test.skip(mailUnavailable !== null && process.env.SHIFTDESK_REQUIRE_MAIL_SERVERS !== '1', `cannot run the mail servers here: ${mailUnavailable}`);
  test.skip(!required && !(await keychainReachable()), 'needs a Secret Service: run `node scripts/test.mjs e2e`, which starts gnome-keyring under dbus');
  const servers = await startMailServers();
  const support = `help@${MAIL_DOMAIN}`;
  const customer = { address: `ana@${MAIL_DOMAIN}`, password: 'ana-pw' };
  const supportPassword = `help-${randomUUID()}`;
  servers.addUser(support, supportPassword);
  servers.addUser(customer.address, customer.password);
  try {
    // The customer writes to the support address from their own mail client.
    const subject = 'Lost bag on AU 123';
    const messageId = `<${randomUUID()}@mail.example>`;
    await nodemailer
      .createTransport({ host: '127.0.0.1', port: servers.smtpPort, secure: false, ignoreTLS: true })
      .sendMail({ from: { name: 'Ana Costa', address: customer.address }, to: support, subject, text: 'My bag did not arrive in Riga.\n\nAna', messageId });

    // Add account → Email: the form asks for a mailbox and guesses its servers from the address.
    await accounts.openAdd();
    await accounts.choosePlatform('Email');
    const { address, fromName, username, imap, smtp } = accounts.email;
    await expect(accounts.instance).toHaveCount(0);
    await expect(imap.port).toHaveValue('993');
    await expect(imap.tls).toBeChecked();
    await expect(smtp.port).toHaveValue('465');
    await expect(smtp.tls).toBeChecked();
    await expect(accounts.backfillDays).toHaveValue('14');
    await accounts.add.click();
    await expect(address).toBeFocused();
    await expect(address).toHaveAccessibleDescription(/Enter the support address/);
    await expect(imap.host).toHaveAccessibleDescription(/Enter the server name/);
    await expect(accounts.password).toHaveAccessibleDescription(/Enter the password/);
    await address.fill(support);
    await expect(imap.host).toHaveValue(`imap.${MAIL_DOMAIN}`);
    await expect(smtp.host).toHaveValue(`smtp.${MAIL_DOMAIN}`);
    await expect(username).toHaveAttribute('placeholder', support);
    await fromName.fill('Aurora Air Baggage Desk');

    // The test servers listen on 127.0.0.1 without TLS: the form says what that means.
    for (const server of [imap, smtp]) {
      await server.host.fill('127.0.0.1');
      await server.tls.uncheck();
      await expect(server.tls).toHaveAccessibleDescription(/STARTTLS.*only to a server on this computer/);
    }
    await expect(imap.port).toHaveValue('143');
    await expect(smtp.port).toHaveValue('587');
    // Ports are checked before the core is asked.
    await imap.port.fill('70000');
    await accounts.password.fill(supportPassword);
    await accounts.testConnection.click();
    await expect(imap.port).toBeFocused();
    await expect(imap.port).toHaveAccessibleDescription(/Enter a port from 1 to 65535/);
    await expect(accounts.formStatus).toHaveText('');
    await imap.port.fill(String(servers.imapPort));
    await smtp.port.fill(String(servers.smtpPort));
    await accounts.testConnection.click();
    await expect(accounts.formStatus).toHaveText(`Connected as ${support} (Aurora Air Baggage Desk)`);
    // The whole form, for a look at its layout.
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: viewport.width, height: 1500 });
    await page.screenshot({ path: join(ARTIFACTS, 'add-email-account.png') });
    await page.setViewportSize(viewport);

    await accounts.add.click();
    await expect(accounts.dialog).toBeHidden();
    const link = inbox.queues.getByRole('link', { name: 'Email (Aurora Air Baggage Desk)' });
    await expect(link).toHaveAttribute('aria-current', 'page');
    const accountId = decodeURIComponent((await link.getAttribute('href'))!).replace('#/queue/account:', '');
    // The password is in the OS keychain, and in no storage of the page.
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, `account:${accountId}`)).toBe(supportPassword);
    const pageStorage = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
    expect(pageStorage).not.toContain(supportPassword);

    // The customer's e-mail is in the account's queue; opening it shows its subject.
    const row = inbox.conversations().filter({ hasText: 'My bag did not arrive in Riga.' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Ana Costa');
    await row.click();
    await expect(inbox.thread).toContainText(`Subject ${subject}`);
    await inbox.reply('We found your bag; it arrives on tomorrow\'s first flight.');
    await expect(inbox.outgoing('We found your bag')).toHaveAttribute('data-status', 'sent');
    await expect(inbox.accountHealth(accountId)).toHaveAttribute('data-health', 'online');

    // The customer's mailbox has the answer, threaded to their message.
    await expect.poll(async () => (await readInbox(servers.imapPort, customer.address, customer.password)).length).toBe(1);
    const [reply] = await readInbox(servers.imapPort, customer.address, customer.password);
    expect(reply).toMatchObject({ subject: `Re: ${subject}`, inReplyTo: messageId });
    expect(reply!.from?.value[0]).toMatchObject({ address: support, name: 'Aurora Air Baggage Desk' });
    expect(reply!.text?.trim()).toBe('We found your bag; it arrives on tomorrow\'s first flight.');
  } finally {
    servers.stop();
  }
});

test('the Bluesky form asks for a handle, an optional PDS and an app password', async ({ inbox, accounts, page }) => {
  const blueskyQueues = inbox.queues.getByRole('link', { name: /^Bluesky / });
  const before = await blueskyQueues.count();
  await accounts.openAdd();
  await accounts.choosePlatform('Bluesky');
  const { handle, serviceUrl } = accounts.bluesky;
  await expect(handle).toHaveAttribute('placeholder', 'aurora.bsky.social');
  await expect(serviceUrl).toHaveAttribute('placeholder', 'https://bsky.social');
  await expect(serviceUrl).toHaveAccessibleDescription(/Self-hosted PDSes work too/);
  await expect(accounts.password).toHaveAccessibleDescription(/Settings → Privacy and security → App passwords/);
  await expect(accounts.backfillDays).toHaveValue('7');
  // Nothing filled in: each missing field says so, and the first one has the focus.
  await accounts.add.click();
  await expect(handle).toBeFocused();
  await expect(handle).toHaveAccessibleDescription(/Enter the handle/);
  await expect(accounts.password).toHaveAccessibleDescription(/Enter the app password/);
  // A PDS must be reached over https (http only on this computer); the handle may start with @.
  await page.keyboard.type('@aurora.bsky.social');
  await serviceUrl.fill('http://pds.aurora.example');
  await accounts.password.fill('abcd-efgh-ijkl-mnop');
  await accounts.testConnection.click();
  await expect(serviceUrl).toBeFocused();
  await expect(serviceUrl).toHaveAccessibleDescription(/starts with https:\/\//);
  await expect(handle).not.toHaveAttribute('aria-invalid', 'true');
  await accounts.cancel.click();
  await expect(accounts.dialog).toBeHidden();
  await expect(blueskyQueues).toHaveCount(before);
});
