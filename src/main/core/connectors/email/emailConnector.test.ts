// Against real Dovecot (IMAP) and Postfix (SMTP) started in a temporary folder on 127.0.0.1.
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { makeRepos, SELF_ID } from '../../../../../test/support/coreFixtures';
import { MAIL_DOMAIN, mailServersUnavailable, startMailServers, type MailServers } from '../../../../../test/support/mailServers';
import { AuthError, type Connector, type SendRequest } from '../connector';
import { ingestPage } from '../../sync/ingest';
import { createEmailConnector, type EmailConfig } from './emailConnector';

const unavailable = mailServersUnavailable();
const required = process.env.SHIFTDESK_REQUIRE_MAIL_SERVERS === '1';
const support = `help@${MAIL_DOMAIN}`;
const customer = `ana@${MAIL_DOMAIN}`;

let servers: MailServers;
let config: EmailConfig;

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(v).slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The customer's side: their own mail client on the same servers. */
async function customerInbox() {
  const client = new ImapFlow({ host: '127.0.0.1', port: servers.imapPort, secure: false, doSTARTTLS: false, auth: { user: customer, pass: 'ana-pw' }, logger: false });
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  const mails = [];
  try {
    for await (const m of client.fetch('1:*', { source: true })) mails.push(await simpleParser(m.source!));
  } catch {
    // empty mailbox
  } finally {
    lock.release();
    await client.logout();
  }
  return mails;
}

function customerSends(mail: { subject: string; text: string; messageId: string; inReplyTo?: string; references?: string[] }) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: servers.smtpPort, secure: false, ignoreTLS: true });
  return transport.sendMail({ from: { name: 'Ana Costa', address: customer }, to: support, ...mail });
}

async function pullAll(connector: Connector, repos: ReturnType<typeof makeRepos>) {
  let total = 0;
  for (let i = 0; i < 10; i++) {
    const page = await connector.pull(repos.syncState.get('acc-x').cursor);
    total += ingestPage(repos, 'acc-x', page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now()).newMessages;
    if (!page.more) break;
  }
  return total;
}

describe.runIf(!unavailable || required)('e-mail connector (real Dovecot and Postfix)', () => {
  beforeAll(async () => {
    servers = await startMailServers();
    servers.addUser(support, 'help-pw');
    servers.addUser(customer, 'ana-pw');
    config = { address: support, fromName: 'Aurora Air Help Desk', imapHost: '127.0.0.1', imapPort: servers.imapPort, imapTls: false, smtpHost: '127.0.0.1', smtpPort: servers.smtpPort, smtpTls: false };
  }, 30_000);
  afterAll(() => servers?.stop());

  it('logs in, and says so clearly when the password is wrong', async () => {
    await expect(createEmailConnector(config, 'help-pw').verify()).resolves.toEqual({ handle: support, name: 'Aurora Air Help Desk' });
    await expect(createEmailConnector(config, 'nope').verify()).rejects.toBeInstanceOf(AuthError);
  });

  it('pulls new mail once, answers in the thread, and threads the answer to our reply', async () => {
    const connector = createEmailConnector(config, 'help-pw');
    const repos = makeRepos();
    await customerSends({ subject: 'Lost bag on AU 123', text: 'My bag did not arrive in Riga.\n\nAna', messageId: '<q1@mail.example>' });
    await waitFor(() => pullAll(connector, repos), (n) => n === 1);
    expect(await pullAll(connector, repos)).toBe(0);
    const conversation = repos.conversations.stateByPlatformId('acc-x', '<q1@mail.example>')!;
    expect(conversation).toMatchObject({ kind: 'email', subject: 'Lost bag on AU 123' });
    expect(repos.db.prepare('SELECT body FROM messages').pluck().get()).toBe('My bag did not arrive in Riga.\n\nAna');

    const request: SendRequest = {
      idempotencyKey: '3f0c8e52-6d1b-4b55-9a53-7e8e1d0a4c11',
      conversationPlatformId: conversation.platformId,
      kind: 'email',
      inReplyToPlatformId: '<q1@mail.example>',
      customerHandle: customer,
      subject: conversation.subject,
      body: 'We found your bag; it arrives tomorrow.',
      attempt: 1,
      queuedAt: Date.now(),
    };
    const sent = await connector.send(request);
    expect(sent.platformId).toBe('<3f0c8e52-6d1b-4b55-9a53-7e8e1d0a4c11@shiftdesk.invalid>');
    const inbox = await waitFor(customerInbox, (m) => m.length === 1);
    expect(inbox[0]).toMatchObject({ subject: 'Re: Lost bag on AU 123', inReplyTo: '<q1@mail.example>', messageId: sent.platformId });
    expect(inbox[0]!.text?.trim()).toBe('We found your bag; it arrives tomorrow.');

    // A resend after a crash finds the reply in Sent and does not mail the customer again.
    await connector.send({ ...request, attempt: 2 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await customerInbox()).toHaveLength(1);

    // Our reply is in the replica with its Message-ID; the customer's answer joins the thread.
    repos.db
      .prepare("INSERT INTO messages (conversation_id, account_id, platform_id, direction, agent_id, body, created_at, status) VALUES (?, 'acc-x', ?, 'out', ?, ?, ?, 'sent')")
      .run(conversation.id, sent.platformId, SELF_ID, request.body, Date.now());
    await customerSends({ subject: 'Re: Lost bag on AU 123', text: 'Thank you!', messageId: '<q2@mail.example>', inReplyTo: sent.platformId, references: ['<q1@mail.example>', sent.platformId] });
    await waitFor(() => pullAll(connector, repos), (n) => n >= 1);
    const threads = repos.db.prepare('SELECT COUNT(*) FROM conversations').pluck().get();
    expect(threads).toBe(1);
    expect(repos.db.prepare("SELECT COUNT(*) FROM messages WHERE direction = 'in'").pluck().get()).toBe(2);
  });

  it('starts a new thread for a conversation moved here from social media; the answer joins it', async () => {
    const connector = createEmailConnector(config, 'help-pw');
    const repos = makeRepos();
    const before = (await customerInbox()).length;
    const sent = await connector.send({
      idempotencyKey: '9b2d7a4e-0c3f-4e8a-b1d6-2f5e7c9a0b13',
      conversationPlatformId: 'moved:9b2d7a4e-0c3f-4e8a-b1d6-2f5e7c9a0b13',
      kind: 'email',
      inReplyToPlatformId: null,
      customerHandle: customer,
      subject: 'Your booking with Aurora Air',
      body: 'Could you send us your booking reference?',
      attempt: 1,
      queuedAt: Date.now(),
    });
    const inbox = await waitFor(customerInbox, (m) => m.length === before + 1);
    const mail = inbox.find((m) => m.messageId === sent.platformId)!;
    // Not "Re:", and no references to a thread the customer has never seen.
    expect(mail.subject).toBe('Your booking with Aurora Air');
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.references).toBeUndefined();

    const account = repos.workspace.accounts()[0]!.id;
    const customerId = repos.conversations.upsertCustomer({ accountId: account, platformId: customer, handle: customer, displayName: 'Ana', language: null, followers: 0, verified: false, profileUrl: null, updatedAt: Date.now() });
    const moved = repos.conversations.insert({ status: 'open', intent: null, accountId: account, platformId: 'moved:9b2d7a4e-0c3f-4e8a-b1d6-2f5e7c9a0b13', kind: 'email', customerId, subject: 'Your booking with Aurora Air', priority: 'normal', language: null, createdAt: Date.now(), dueAt: Number.MAX_SAFE_INTEGER });
    repos.db
      .prepare("INSERT INTO messages (conversation_id, account_id, platform_id, direction, agent_id, body, created_at, status) VALUES (?, ?, ?, 'out', ?, 'x', ?, 'sent')")
      .run(moved, account, sent.platformId, SELF_ID, Date.now());
    repos.syncState.put(account, null, Date.now());
    await pullAll(connector, repos);
    await customerSends({ subject: 'Re: Your booking with Aurora Air', text: 'It is XYZ123', messageId: '<r1@mail.example>', inReplyTo: sent.platformId, references: [sent.platformId] });
    await waitFor(
      () => pullAll(connector, repos).then(() => repos.db.prepare("SELECT conversation_id FROM messages WHERE body = 'It is XYZ123'").pluck().get()),
      (id) => id !== undefined,
    );
    expect(repos.db.prepare("SELECT conversation_id FROM messages WHERE body = 'It is XYZ123'").pluck().get()).toBe(moved);
  });

  it('hears about new mail at once through IMAP IDLE', async () => {
    const connector = createEmailConnector(config, 'help-pw');
    let news = 0;
    const stop = connector.watch!(() => news++);
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const before = news;
      const sentAt = Date.now();
      await customerSends({ subject: 'Quick one', text: 'Is Wi-Fi free on board?', messageId: '<q3@mail.example>' });
      await waitFor(async () => news, (n) => n > before, 10_000);
      expect(Date.now() - sentAt).toBeLessThan(10_000);
    } finally {
      stop();
    }
  });

  it('a stopped first sync skips the rest of the window and goes on with new mail; a full one reaches its end', async () => {
    await customerSends({ subject: 'Seat upgrade', text: 'Can I upgrade?', messageId: '<upgrade-1@example.test>' });
    const connector = createEmailConnector(config, 'help-pw');
    const full: number[] = [];
    const everything = await waitFor(
      () => connector.pull(null, { signal: new AbortController().signal, progress: (f) => full.push(f) }),
      (page) => page.items.some((i) => i.body.includes('Can I upgrade?')),
    );
    expect(everything.more).toBe(false);
    expect(full).toEqual([1]);
    expect(connector.backfillDays).toBe(14);

    const repos = makeRepos();
    const stopped = new AbortController();
    stopped.abort();
    const page = await connector.pull(null, { signal: stopped.signal, progress: () => {} });
    expect(page).toMatchObject({ items: [], more: false });
    ingestPage(repos, 'acc-x', page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now());
    await customerSends({ subject: 'Seat upgrade', text: 'Any news?', messageId: '<upgrade-2@example.test>', inReplyTo: '<upgrade-1@example.test>' });
    let got = 0;
    await waitFor(async () => (got += await pullAll(connector, repos)), (n) => n >= 1);
    expect(got).toBe(1);
    expect(repos.db.prepare('SELECT body FROM messages').pluck().all()).toEqual([expect.stringContaining('Any news?')]);
  });

  it('reads the window again when UIDVALIDITY changes, without duplicating anything', async () => {
    const connector = createEmailConnector(config, 'help-pw');
    const repos = makeRepos();
    await pullAll(connector, repos);
    const before = repos.db.prepare('SELECT COUNT(*) FROM messages').pluck().get();
    const cursor = JSON.parse(repos.syncState.get('acc-x').cursor!) as { uidValidity: string; lastUid: number };
    repos.syncState.put('acc-x', JSON.stringify({ ...cursor, uidValidity: '1' }), Date.now());
    expect(await pullAll(connector, repos)).toBe(0);
    expect(repos.db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(before);
    expect(JSON.parse(repos.syncState.get('acc-x').cursor!)).toEqual(cursor);
  });
});

if (unavailable && !required) {
  describe('e-mail connector (real Dovecot and Postfix)', () => {
    it.skip(`cannot run here: ${unavailable}`, () => {});
  });
}
