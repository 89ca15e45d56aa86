// E-mail: IMAP (imapflow) for incoming mail with a UID cursor guarded by UIDVALIDITY, SMTP
// (nodemailer) for replies, mailparser for MIME. Conversations follow Message-ID, In-Reply-To
// and References. A reply's Message-ID is derived from its idempotency key and a copy goes to
// the Sent folder, so a resend first checks whether the reply already went out.
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { htmlToText } from '@shared/htmlText';
import {
  AuthError,
  MalformedPayloadError,
  readBackProgress,
  RejectedError,
  TransientError,
  type Connector,
  type InboundItem,
  type PullControl,
  type PullResult,
  type SendRequest,
} from '../connector';

export interface EmailConfig {
  /** The support address replies are sent from. */
  address: string;
  /** Display name on replies. */
  fromName?: string;
  imapHost: string;
  imapPort: number;
  /** TLS from the first byte (993); false means STARTTLS is required, except on loopback. */
  imapTls: boolean;
  smtpHost: string;
  smtpPort: number;
  smtpTls: boolean;
  /** Login name (default: the address). */
  username?: string;
  mailbox?: string;
  sentMailbox?: string;
  backfillDays?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const MAX_MESSAGES_PER_PULL = 200;
const IDLE_RECONNECT_MS = 30_000;

interface EmailCursor {
  uidValidity: string;
  lastUid: number;
}

function readCursor(cursor: string | null): EmailCursor | null {
  if (!cursor) return null;
  try {
    const c = JSON.parse(cursor) as Partial<EmailCursor>;
    return typeof c.uidValidity === 'string' && typeof c.lastUid === 'number' ? { uidValidity: c.uidValidity, lastUid: c.lastUid } : null;
  } catch {
    return null;
  }
}

/** The first address of a header, if any. */
function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value).find((v) => v.address) ?? null;
}

const bracket = (id: string) => (id.startsWith('<') ? id : `<${id}>`);

function references(mail: ParsedMail): string[] {
  const refs = mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : mail.references.split(/\s+/);
  return refs.filter(Boolean).map(bracket);
}

/** Turns a parsed message into an item; null when it has no sender we can answer. */
export function mailToItem(mail: ParsedMail, ownAddress: string, fallbackId: string): InboundItem | null {
  const from = firstAddress(mail.from);
  if (!from?.address) return null;
  const messageId = mail.messageId ? bracket(mail.messageId) : fallbackId;
  const refs = references(mail);
  const inReplyTo = mail.inReplyTo ? bracket(mail.inReplyTo.split(/\s+/)[0]!) : null;
  const outgoing = from.address.toLowerCase() === ownAddress.toLowerCase();
  const text = (mail.text ?? (typeof mail.html === 'string' ? htmlToText(mail.html) : '')).trim();
  return {
    platformId: messageId,
    // The thread's first message names the conversation; a reply to a message we have joins it.
    conversation: { platformId: refs[0] ?? inReplyTo ?? messageId, kind: 'email', subject: mail.subject ?? null },
    replyTo: inReplyTo,
    author: { platformId: from.address.toLowerCase(), handle: from.address.toLowerCase(), displayName: from.name || from.address },
    direction: outgoing ? 'out' : 'in',
    body: text || '(no text)',
    createdAt: (mail.date ?? new Date()).getTime(),
    language: null,
  };
}

function classify(error: unknown, label: string): Error {
  const e = error as { authenticationFailed?: boolean; responseCode?: number; code?: string; message?: string };
  if (e.authenticationFailed || e.code === 'EAUTH' || e.responseCode === 535) return new AuthError(`${label} refused the login`);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return new RejectedError(`${label} refused the message: ${e.message ?? e.responseCode}`);
  return new TransientError(`Cannot reach ${label}${e.message ? ` (${e.message})` : ''}`);
}

export function createEmailConnector(config: EmailConfig, password: string): Connector {
  const mailbox = config.mailbox ?? 'INBOX';
  const sentMailbox = config.sentMailbox ?? 'Sent';
  const username = config.username ?? config.address;
  const imapLabel = `the mail server (${config.imapHost})`;
  const smtpLabel = `the outgoing mail server (${config.smtpHost})`;
  const imapOptions: ImapFlowOptions = {
    host: config.imapHost,
    port: config.imapPort,
    secure: config.imapTls,
    // Plain connections only to a server on this machine; elsewhere STARTTLS is required.
    doSTARTTLS: config.imapTls ? undefined : !LOOPBACK.has(config.imapHost),
    auth: { user: username, pass: password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 15_000,
  };
  const transport = nodemailer.createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpTls,
    requireTLS: !config.smtpTls && !LOOPBACK.has(config.smtpHost),
    ignoreTLS: !config.smtpTls && LOOPBACK.has(config.smtpHost),
    auth: { user: username, pass: password },
    connectionTimeout: 15_000,
  });

  /** One IMAP session per call: short, and never left half-open across a network change. */
  async function withImap<T>(run: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow(imapOptions);
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      throw classify(error, imapLabel);
    }
    try {
      return await run(client);
    } catch (error) {
      if (error instanceof Error && 'kind' in error) throw error;
      throw classify(error, imapLabel);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  return {
    // One IMAP login per pull.
    pollIntervalMs: 30_000,
    watch(onNews: () => void): () => void {
      let stopped = false;
      let client: ImapFlow | null = null;
      let retry: ReturnType<typeof setTimeout> | null = null;
      // One long-lived session in IDLE on the mailbox; new mail ("exists") means pull now. If the
      // session drops, it comes back after a pause and asks for a pull in case mail arrived meanwhile.
      const run = async () => {
        if (stopped) return;
        client = new ImapFlow(imapOptions);
        client.on('error', () => {});
        client.on('exists', () => onNews());
        client.on('close', () => {
          if (!stopped) retry = setTimeout(() => void run().then(onNews), IDLE_RECONNECT_MS);
        });
        try {
          await client.connect();
          await client.mailboxOpen(mailbox, { readOnly: true });
          while (!stopped && client.usable) await client.idle();
        } catch {
          client.close();
        }
      };
      void run();
      return () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        void client?.logout().catch(() => client?.close());
      };
    },

    async verify() {
      await withImap(async (client) => void (await client.mailboxOpen(mailbox, { readOnly: true })));
      await transport.verify().catch((error: unknown) => {
        throw classify(error, smtpLabel);
      });
      return { handle: config.address, name: config.fromName ?? config.address };
    },

    backfillDays: config.backfillDays ?? 14,

    async pull(cursor: string | null, control?: PullControl): Promise<PullResult> {
      return withImap(async (client) => {
        const lock = await client.getMailboxLock(mailbox, { readOnly: true });
        try {
          const box = client.mailbox;
          if (!box) throw new TransientError(`${imapLabel} did not open ${mailbox}`);
          const uidValidity = String(box.uidValidity);
          const state = readCursor(cursor);
          // A new UIDVALIDITY means the old UIDs mean nothing: read the window again (ingest
          // skips what it already has, by Message-ID).
          let uids: number[];
          if (state && state.uidValidity === uidValidity) {
            uids = ((await client.search({ uid: `${state.lastUid + 1}:*` }, { uid: true })) || []).filter((u) => u > state.lastUid);
          } else {
            const since = new Date(Date.now() - (config.backfillDays ?? 14) * 86_400_000);
            uids = (await client.search({ since }, { uid: true })) || [];
          }
          uids.sort((a, b) => a - b);
          // The agent stopped the first sync: the rest of the window is skipped.
          const batch = control?.signal.aborted ? [] : uids.slice(0, MAX_MESSAGES_PER_PULL);
          const items: InboundItem[] = [];
          let lastUid = state && state.uidValidity === uidValidity ? state.lastUid : 0;
          if (control?.signal.aborted) {
            lastUid = Math.max(lastUid, Number(box.uidNext) - 1);
          } else if (batch.length) {
            for await (const message of client.fetch(batch.join(','), { uid: true, source: true }, { uid: true })) {
              if (!message.source) throw new MalformedPayloadError(`${imapLabel} returned message ${message.uid} without content`);
              const parsed = await simpleParser(message.source);
              const item = mailToItem(parsed, config.address, `<uid-${uidValidity}-${message.uid}@${config.imapHost}>`);
              if (item) items.push(item);
              lastUid = Math.max(lastUid, message.uid);
            }
          } else if (!state || state.uidValidity !== uidValidity) {
            lastUid = Math.max(0, Number(box.uidNext) - 1);
          }
          if (control && items.length) {
            // Oldest first: the newest message read tells how far through the window it is.
            const since = Date.now() - (config.backfillDays ?? 14) * 86_400_000;
            const reached = Math.max(...items.map((i) => i.createdAt));
            control.progress(uids.length > batch.length ? 1 - readBackProgress(since, reached, Date.now()) : 1);
          }
          return {
            items,
            cursor: JSON.stringify({ uidValidity, lastUid } satisfies EmailCursor),
            more: !control?.signal.aborted && uids.length > batch.length,
          };
        } finally {
          lock.release();
        }
      });
    },

    async send(req: SendRequest) {
      const messageId = `<${req.idempotencyKey}@shiftdesk.invalid>`;
      if (req.attempt > 1) {
        const already = await withImap(async (client) => {
          const lock = await client.getMailboxLock(sentMailbox, { readOnly: true });
          try {
            return ((await client.search({ header: { 'message-id': messageId } }, { uid: true })) || []).length > 0;
          } finally {
            lock.release();
          }
        }).catch(() => false);
        if (already) return { platformId: messageId, sentAt: Date.now() };
      }
      if (!req.customerHandle) throw new RejectedError('This conversation has no address to reply to');
      const inReplyTo = req.inReplyToPlatformId ?? undefined;
      // A message that answers nothing starts a thread (a conversation moved here from social).
      const threadRoot = inReplyTo ? req.conversationPlatformId : undefined;
      const subject = req.subject ?? 'your message';
      const mail = {
        from: config.fromName ? { name: config.fromName, address: config.address } : config.address,
        to: req.customerHandle,
        subject: !inReplyTo || /^re:/i.test(subject) ? subject : `Re: ${subject}`,
        text: req.body,
        messageId,
        inReplyTo,
        references: [...new Set([threadRoot, inReplyTo].filter((v): v is string => Boolean(v)))],
      };
      try {
        await transport.sendMail(mail);
      } catch (error) {
        throw classify(error, smtpLabel);
      }
      // Keep a copy in Sent: the customer's thread stays whole in any mail client, and a resend can find it.
      const raw = await new MailComposer(mail).compile().build();
      await withImap((client) => client.append(sentMailbox, raw, ['\\Seen'])).catch(() => undefined);
      return { platformId: messageId, sentAt: Date.now() };
    },
  };
}
