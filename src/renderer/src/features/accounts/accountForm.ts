// The account screen's rules, kept out of the components: what an account allows, how its
// health reads, and the add form's presets, checks and the draft it sends (the core checks again).
import { ACCOUNT_CONNECTORS, ACCOUNT_CONNECTOR_INFO, type AccountConnector } from '@shared/accountConnectors';
import type { Account, AccountHealth, AccountRole } from '@shared/domain';

export const ROLES: readonly AccountRole[] = ['support', 'sales', 'brand'];
export const DEFAULT_BACKFILL_DAYS = 7;
/** How far back a first sync reads unless the agent says otherwise (e-mail: two weeks of mail). */
const BACKFILL_DEFAULTS: Partial<Record<string, number>> = { email: 14 };
/** How far back a first sync can read (the core's limits): 90 days unless the platform says less. */
const BACKFILL_LIMITS: Partial<Record<string, number>> = { x: 7 };
export const maxBackfillDays = (connector: string): number => BACKFILL_LIMITS[connector] ?? 90;
export const defaultBackfillDays = (connector: string): number => Math.min(BACKFILL_DEFAULTS[connector] ?? DEFAULT_BACKFILL_DAYS, maxBackfillDays(connector));
export const MAX_NAME_LENGTH = 200;

/** IMAP: TLS from the first byte on 993, STARTTLS on 143. SMTP: 465 (TLS), 587 (submission, STARTTLS). */
export const defaultImapPort = (tls: boolean): number => (tls ? 993 : 143);
export const defaultSmtpPort = (tls: boolean): number => (tls ? 465 : 587);

export const isAccountConnector = (connector: string): connector is AccountConnector =>
  (ACCOUNT_CONNECTORS as readonly string[]).includes(connector);

/** The settings this form knows how to ask for. */
const FORM_FIELDS = [
  'instanceUrl',
  'address',
  'fromName',
  'username',
  'imapHost',
  'imapPort',
  'imapTls',
  'smtpHost',
  'smtpPort',
  'smtpTls',
  'handle',
  'serviceUrl',
  'backfillDays',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
const fieldsOf = (connector: AccountConnector): readonly string[] => ACCOUNT_CONNECTOR_INFO[connector].fields;
export const hasField = (connector: AccountConnector, field: FormField): boolean => fieldsOf(connector).includes(field);

/** The connectors whose settings this form can collect (a connector with other settings needs its own). */
export const ADDABLE_CONNECTORS: readonly AccountConnector[] = ACCOUNT_CONNECTORS.filter((c) =>
  fieldsOf(c).every((f) => (FORM_FIELDS as readonly string[]).includes(f)),
);

export interface AccountAbilities {
  /** Credentials can be renewed (Sign in again). */
  signIn: boolean;
  remove: boolean;
  /** Part of the built-in demo workspace: rename only. */
  demo: boolean;
}

/** Only accounts of a connector the agent can add can be signed in again or removed. */
export function accountAbilities(account: Pick<Account, 'connector'>): AccountAbilities {
  const real = isAccountConnector(account.connector);
  return { signIn: real, remove: real, demo: !real };
}

export type HealthKey = AccountHealth | 'unknown';

/** Fields the form fills in itself (guesses and defaults) until the agent types in them. */
export type PresetField = 'imapHost' | 'smtpHost' | 'imapPort' | 'smtpPort' | 'backfillDays';
const PRESET_FIELDS: readonly string[] = ['imapHost', 'smtpHost', 'imapPort', 'smtpPort', 'backfillDays'] satisfies PresetField[];

/** How the agent signs in: in the browser (OAuth, where the platform offers it) or with a secret they paste. */
export type SignInMethod = 'browser' | 'secret';

/** Whether a connector's accounts can sign in in the browser. */
export const offersBrowserSignIn = (connector: string): boolean => isAccountConnector(connector) && ACCOUNT_CONNECTOR_INFO[connector].browserSignIn === true;
/** In the browser where the platform offers it: no token to create and copy by hand. */
export const defaultSignInMethod = (connector: string): SignInMethod => (offersBrowserSignIn(connector) ? 'browser' : 'secret');

export interface AddAccountValues {
  connector: AccountConnector;
  signInMethod: SignInMethod;
  /** The secret (access token, password or app password): only ever in this state and the keychain. */
  token: string;
  role: AccountRole;
  name: string;
  backfillDays: number | string;
  // Mastodon
  instanceUrl: string;
  // E-mail
  address: string;
  fromName: string;
  username: string;
  imapHost: string;
  imapPort: number | string;
  imapTls: boolean;
  smtpHost: string;
  smtpPort: number | string;
  smtpTls: boolean;
  // Bluesky
  handle: string;
  serviceUrl: string;
  /** Preset fields the agent has filled in: guesses and defaults leave them alone. */
  edited: readonly PresetField[];
}

export type EditableValues = Omit<AddAccountValues, 'edited'>;

export const emptyAddAccountValues = (connector: AccountConnector = ADDABLE_CONNECTORS[0] ?? ACCOUNT_CONNECTORS[0]): AddAccountValues => ({
  connector,
  signInMethod: defaultSignInMethod(connector),
  token: '',
  role: 'support',
  name: '',
  backfillDays: defaultBackfillDays(connector),
  instanceUrl: '',
  address: '',
  fromName: '',
  username: '',
  imapHost: '',
  imapPort: defaultImapPort(true),
  imapTls: true,
  smtpHost: '',
  smtpPort: defaultSmtpPort(true),
  smtpTls: true,
  handle: '',
  serviceUrl: '',
  edited: [],
});

/** The changes a connection test speaks of (not the role, the name or the first-sync window). */
export const affectsConnection = (key: keyof EditableValues): boolean => key !== 'role' && key !== 'name' && key !== 'backfillDays';

const blank = (value: unknown) => (typeof value === 'string' ? value.trim() === '' : value === null || value === undefined);

/** The mail domain of an address as a host name (IDN in ASCII), or '' while there is none yet. */
export function mailDomain(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '';
  const domain = address
    .slice(at + 1)
    .trim()
    .replace(/\.+$/, '');
  if (!domain || /[\s/\\?#@:[\]]/.test(domain)) return '';
  try {
    const host = new URL(`http://${domain}`).hostname;
    return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) ? host : '';
  } catch {
    return '';
  }
}

/**
 * One field changed by the agent, with what follows from it: the address guesses the servers
 * (imap.<domain>, smtp.<domain>), TLS picks the usual port, the platform its first-sync window;
 * each only while the agent has not typed in that field (emptying it hands it back). Another
 * platform drops the secret typed for the last one.
 */
export function updateAddAccount<K extends keyof EditableValues>(values: AddAccountValues, key: K, value: EditableValues[K]): AddAccountValues {
  const next: AddAccountValues = { ...values, [key]: value };
  const edited = new Set(values.edited);
  if (PRESET_FIELDS.includes(key)) {
    if (blank(value)) edited.delete(key as PresetField);
    else edited.add(key as PresetField);
  }
  const samePort = (port: number | string, expected: number) => String(port).trim() === String(expected);
  switch (key) {
    case 'connector':
      // One platform's secret means nothing to another: it is not carried over.
      if (value !== values.connector) {
        next.token = '';
        next.signInMethod = defaultSignInMethod(value as AccountConnector);
      }
      if (!edited.has('backfillDays')) next.backfillDays = defaultBackfillDays(value as AccountConnector);
      break;
    case 'address': {
      const domain = mailDomain(value as string);
      if (!edited.has('imapHost')) next.imapHost = domain && `imap.${domain}`;
      if (!edited.has('smtpHost')) next.smtpHost = domain && `smtp.${domain}`;
      break;
    }
    case 'imapTls':
      if (!edited.has('imapPort') || samePort(values.imapPort, defaultImapPort(values.imapTls))) next.imapPort = defaultImapPort(value as boolean);
      break;
    case 'smtpTls':
      if (!edited.has('smtpPort') || samePort(values.smtpPort, defaultSmtpPort(values.smtpTls))) next.smtpPort = defaultSmtpPort(value as boolean);
      break;
  }
  next.edited = [...edited];
  return next;
}

/** The fields the add form checks, in the order they are shown (the first with a problem gets the focus). */
export const ADD_ACCOUNT_FIELDS = [
  'instanceUrl',
  'signIn',
  'address',
  'username',
  'imapHost',
  'imapPort',
  'smtpHost',
  'smtpPort',
  'handle',
  'serviceUrl',
  'token',
  'backfillDays',
] as const;
export type AddAccountField = (typeof ADD_ACCOUNT_FIELDS)[number];
/** Each a key under accounts.form ('required.secret': the secret's own wording). */
export type AddAccountError =
  | 'required.instanceUrl'
  | 'required.signIn'
  | 'required.secret'
  | 'required.address'
  | 'required.host'
  | 'required.handle'
  | 'invalid.address'
  | 'invalid.host'
  | 'invalid.handle'
  | 'invalid.serviceUrl'
  | 'portRange'
  | 'backfillRange';
export type AddAccountErrors = Partial<Record<AddAccountField, AddAccountError>>;

/** The first field with a problem, in the order the form shows them. */
export const firstError = (errors: AddAccountErrors): AddAccountField | null => ADD_ACCOUNT_FIELDS.find((f) => errors[f] !== undefined) ?? null;

function wholeNumber(value: number | string): number {
  return typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
}

function backfill(value: number | string, connector: AccountConnector): number | null {
  const n = wholeNumber(value);
  return Number.isInteger(n) && n >= 0 && n <= maxBackfillDays(connector) ? n : null;
}

/** A TCP port, 1 to 65535, or null. */
export function parsePort(value: number | string): number | null {
  const n = wholeNumber(value);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
/** What the core takes as a server name (a name, IPv4 or a bracketed IPv6 address). */
const HOST = /^[a-z0-9.:[\]-]+$/i;
const HANDLE = /^[a-z0-9.-]+\.[a-z0-9-]+$/;

/** "@Aurora.bsky.social " → "aurora.bsky.social". */
export const normalizeHandle = (handle: string): string => handle.trim().toLowerCase().replace(/^@/, '');

/** A PDS address: https (or http on this computer), with or without the scheme, no user name. */
export function isServiceUrl(value: string): boolean {
  const input = value.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    return (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) && !url.username && !url.password && url.hostname !== '';
  } catch {
    return false;
  }
}

function checkHost(value: string): AddAccountError | undefined {
  const host = value.trim();
  if (!host) return 'required.host';
  return host.length <= 253 && HOST.test(host) ? undefined : 'invalid.host';
}

/**
 * Checks what can be checked here; only the fields the connector asks for. Signing in in the
 * browser, the sign-in must be finished (signedIn) instead of a secret typed.
 */
export function validateAddAccount(values: AddAccountValues, { signedIn = false }: { signedIn?: boolean } = {}): AddAccountErrors {
  const errors: AddAccountErrors = {};
  const asks = (field: FormField) => hasField(values.connector, field);
  if (asks('instanceUrl') && !values.instanceUrl.trim()) errors.instanceUrl = 'required.instanceUrl';
  if (asks('address')) {
    const address = values.address.trim();
    if (!address) errors.address = 'required.address';
    else if (!ADDRESS.test(address)) errors.address = 'invalid.address';
  }
  if (asks('imapHost')) errors.imapHost = checkHost(values.imapHost);
  if (asks('imapPort') && parsePort(values.imapPort) === null) errors.imapPort = 'portRange';
  if (asks('smtpHost')) errors.smtpHost = checkHost(values.smtpHost);
  if (asks('smtpPort') && parsePort(values.smtpPort) === null) errors.smtpPort = 'portRange';
  if (asks('handle')) {
    const handle = normalizeHandle(values.handle);
    if (!handle) errors.handle = 'required.handle';
    else if (!HANDLE.test(handle)) errors.handle = 'invalid.handle';
  }
  if (asks('serviceUrl') && values.serviceUrl.trim() && !isServiceUrl(values.serviceUrl)) errors.serviceUrl = 'invalid.serviceUrl';
  if (usesBrowserSignIn(values)) {
    if (!signedIn) errors.signIn = 'required.signIn';
  } else if (!values.token.trim()) errors.token = 'required.secret';
  if (asks('backfillDays') && backfill(values.backfillDays, values.connector) === null) errors.backfillDays = 'backfillRange';
  for (const field of ADD_ACCOUNT_FIELDS) if (errors[field] === undefined) delete errors[field];
  return errors;
}

/** The host of an instance address as typed ("mastodon.social", "https://mastodon.social/"), or null. */
export function instanceHost(value: string): string | null {
  const input = value.trim();
  if (!input) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`);
    return url.host || null;
  } catch {
    return null;
  }
}

/** Signing in in the browser: chosen, and offered by the platform. */
export const usesBrowserSignIn = (values: Pick<AddAccountValues, 'connector' | 'signInMethod'>): boolean =>
  values.signInMethod === 'browser' && offersBrowserSignIn(values.connector);

/** What addAccount receives after a sign-in in the browser: the settings and the sign-in, no secret. */
export function toSignedInDraft(values: AddAccountValues, signInId: string) {
  const { connector, config } = toAccountDraft(values);
  return { connector, config, signInId };
}

/** What testAccountConnection and addAccount receive: only the settings the connector takes. */
export function toAccountDraft(values: AddAccountValues) {
  const config: Record<string, unknown> = {};
  const asks = (field: FormField) => hasField(values.connector, field);
  const optional = (field: 'fromName' | 'username' | 'serviceUrl') => {
    const value = values[field].trim();
    if (asks(field) && value) config[field] = value;
  };
  if (asks('instanceUrl')) config.instanceUrl = values.instanceUrl.trim();
  if (asks('address')) config.address = values.address.trim();
  optional('fromName');
  // Empty: the core signs in with the address.
  optional('username');
  if (asks('imapHost')) config.imapHost = values.imapHost.trim();
  if (asks('imapPort')) config.imapPort = parsePort(values.imapPort) ?? defaultImapPort(values.imapTls);
  if (asks('imapTls')) config.imapTls = values.imapTls;
  if (asks('smtpHost')) config.smtpHost = values.smtpHost.trim();
  if (asks('smtpPort')) config.smtpPort = parsePort(values.smtpPort) ?? defaultSmtpPort(values.smtpTls);
  if (asks('smtpTls')) config.smtpTls = values.smtpTls;
  if (asks('handle')) config.handle = normalizeHandle(values.handle);
  // Empty: Bluesky's own PDS.
  optional('serviceUrl');
  if (asks('backfillDays')) config.backfillDays = backfill(values.backfillDays, values.connector) ?? defaultBackfillDays(values.connector);
  // A mailbox password is taken as typed (spaces can be part of it); tokens are trimmed.
  const secret = ACCOUNT_CONNECTOR_INFO[values.connector].secret === 'password' ? values.token : values.token.trim();
  return { connector: values.connector, config, secret };
}
