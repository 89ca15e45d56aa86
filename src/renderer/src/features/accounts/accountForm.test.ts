import { describe, expect, it } from 'vitest';
import {
  accountAbilities,
  ADDABLE_CONNECTORS,
  emptyAddAccountValues,
  firstError,
  instanceHost,
  isServiceUrl,
  offersBrowserSignIn,
  mailDomain,
  parsePort,
  toAccountDraft,
  toSignedInDraft,
  updateAddAccount,
  usesBrowserSignIn,
  validateAddAccount,
  type AddAccountValues,
  type EditableValues,
} from './accountForm';

/** The agent typing into the form, one field after another. */
function typed(values: AddAccountValues, ...changes: [keyof EditableValues, EditableValues[keyof EditableValues]][]): AddAccountValues {
  return changes.reduce((v, [key, value]) => updateAddAccount(v, key, value), values);
}

describe('account form', () => {
  it('asks for the instance and the token, and a first-sync window of 0 to 90 whole days', () => {
    const withToken = { ...emptyAddAccountValues(), signInMethod: 'secret' as const };
    expect(validateAddAccount(withToken)).toEqual({ instanceUrl: 'required.instanceUrl', token: 'required.secret' });
    const filled = { ...withToken, instanceUrl: 'mastodon.social', token: 'abc' };
    expect(validateAddAccount(filled)).toEqual({});
    for (const bad of [-1, 91, 2.5, '', 'x']) expect(validateAddAccount({ ...filled, backfillDays: bad })).toEqual({ backfillDays: 'backfillRange' });
    expect(validateAddAccount({ ...filled, backfillDays: '0' })).toEqual({});
    expect(validateAddAccount({ ...filled, token: '   ' })).toEqual({ token: 'required.secret' });
  });

  it('signs Mastodon in in the browser unless the agent pastes a token', () => {
    const values = emptyAddAccountValues();
    expect(values.signInMethod).toBe('browser');
    expect(validateAddAccount(values)).toEqual({ instanceUrl: 'required.instanceUrl', signIn: 'required.signIn' });
    expect(firstError(validateAddAccount({ ...values, instanceUrl: 'mastodon.social' }))).toBe('signIn');
    // Signed in: no token asked for, and none sent.
    const filled = { ...values, instanceUrl: 'mastodon.social', token: 'typed before' };
    expect(validateAddAccount(filled, { signedIn: true })).toEqual({});
    expect(toSignedInDraft(filled, 'sign-in-1')).toEqual({ connector: 'mastodon', config: { instanceUrl: 'mastodon.social', backfillDays: 7 }, signInId: 'sign-in-1' });
    // Only where the platform offers it; another platform starts from its own default.
    expect(offersBrowserSignIn('mastodon')).toBe(true);
    expect(ADDABLE_CONNECTORS.filter(offersBrowserSignIn)).toEqual(['mastodon']);
    const x = typed(values, ['connector', 'x']);
    expect(x.signInMethod).toBe('secret');
    expect(usesBrowserSignIn({ ...x, signInMethod: 'browser' })).toBe(false);
    expect(validateAddAccount(x)).toEqual({ token: 'required.secret' });
    expect(typed(x, ['signInMethod', 'secret'], ['connector', 'mastodon']).signInMethod).toBe('browser');
  });

  it('reads the host of an instance address as typed', () => {
    expect(instanceHost(' mastodon.social ')).toBe('mastodon.social');
    expect(instanceHost('https://Social.Example/')).toBe('social.example');
    expect(instanceHost('http://127.0.0.1:4000')).toBe('127.0.0.1:4000');
    expect(instanceHost('')).toBeNull();
    expect(instanceHost('not a host')).toBeNull();
  });

  it('knows each platform\'s fields and limits', () => {
    const x = { ...emptyAddAccountValues(), connector: 'x' as const, token: 'abc' };
    expect(validateAddAccount(x)).toEqual({});
    expect(validateAddAccount({ ...x, backfillDays: 8 })).toEqual({ backfillDays: 'backfillRange' });
    expect(toAccountDraft({ ...x, instanceUrl: 'ignored' })).toEqual({ connector: 'x', config: { backfillDays: 7 }, secret: 'abc' });
  });

  it('sends the settings as config and the token as the secret', () => {
    const values = { ...emptyAddAccountValues(), instanceUrl: ' mastodon.social ', token: ' tok ', backfillDays: '14' };
    expect(toAccountDraft(values)).toEqual({ connector: 'mastodon', config: { instanceUrl: 'mastodon.social', backfillDays: 14 }, secret: 'tok' });
  });

  it('offers every connector, Mastodon first', () => {
    expect(ADDABLE_CONNECTORS).toEqual(['mastodon', 'x', 'meta', 'email', 'bluesky']);
    expect(emptyAddAccountValues().connector).toBe('mastodon');
  });

  describe('e-mail', () => {
    const email = () => typed(emptyAddAccountValues(), ['connector', 'email']);
    const complete = () => typed(email(), ['address', 'help@aurora.example'], ['token', 'pw']);

    it('starts with TLS on the usual ports and two weeks of mail', () => {
      expect(email()).toMatchObject({ imapPort: 993, imapTls: true, smtpPort: 465, smtpTls: true, backfillDays: 14 });
      // Back to Mastodon: its own default window, unless the agent chose one.
      expect(typed(email(), ['connector', 'mastodon']).backfillDays).toBe(7);
      expect(typed(email(), ['backfillDays', 30], ['connector', 'bluesky']).backfillDays).toBe(30);
      // Another platform's secret is not carried over.
      expect(typed(email(), ['token', 'pw'], ['connector', 'bluesky']).token).toBe('');
    });

    it('guesses the servers from the address while the agent has not typed them', () => {
      let v = typed(email(), ['address', 'help@'], ['address', 'help@Aurora.example']);
      expect(v).toMatchObject({ imapHost: 'imap.aurora.example', smtpHost: 'smtp.aurora.example' });
      v = typed(v, ['smtpHost', 'mail.provider.example'], ['address', 'help@aurora.test']);
      expect(v).toMatchObject({ imapHost: 'imap.aurora.test', smtpHost: 'mail.provider.example' });
      // Emptied, the field is the form's to fill again.
      v = typed(v, ['smtpHost', ''], ['address', 'help@aurora.dev']);
      expect(v).toMatchObject({ imapHost: 'imap.aurora.dev', smtpHost: 'smtp.aurora.dev' });
      expect(typed(email(), ['address', 'not an address']).imapHost).toBe('');
      expect(typed(email(), ['address', 'help@bücher.example']).imapHost).toBe('imap.xn--bcher-kva.example');
    });

    it('reads the mail domain as a host name, or nothing while it is incomplete', () => {
      expect(mailDomain('help@desk.test')).toBe('desk.test');
      expect(mailDomain('help@desk.')).toBe('desk');
      for (const partial of ['', 'help', 'help@', 'help@de sk', 'help@desk/x', 'a@b@']) expect(mailDomain(partial)).toBe('');
    });

    it('switches to the usual port when TLS is switched, unless the agent chose another', () => {
      expect(typed(email(), ['smtpTls', false])).toMatchObject({ smtpPort: 587, smtpTls: false });
      expect(typed(email(), ['imapTls', false])).toMatchObject({ imapPort: 143, imapTls: false });
      expect(typed(email(), ['smtpTls', false], ['smtpTls', true]).smtpPort).toBe(465);
      expect(typed(email(), ['smtpPort', 2525], ['smtpTls', false]).smtpPort).toBe(2525);
      // A typed port that is the usual one follows the switch.
      expect(typed(email(), ['smtpPort', '465'], ['smtpTls', false]).smtpPort).toBe(587);
    });

    it('checks the address, the servers, the ports (1 to 65535) and the password before calling the core', () => {
      expect(validateAddAccount(email())).toEqual({ address: 'required.address', imapHost: 'required.host', smtpHost: 'required.host', token: 'required.secret' });
      expect(validateAddAccount(complete())).toEqual({});
      expect(validateAddAccount(typed(complete(), ['address', 'help@aurora']))).toEqual({ address: 'invalid.address' });
      expect(validateAddAccount(typed(complete(), ['imapHost', 'https://imap.aurora.example']))).toEqual({ imapHost: 'invalid.host' });
      for (const bad of [0, 65536, -1, 99.5, '', 'imap']) {
        expect(validateAddAccount(typed(complete(), ['imapPort', bad], ['smtpPort', bad]))).toEqual({ imapPort: 'portRange', smtpPort: 'portRange' });
      }
      expect(validateAddAccount(typed(complete(), ['imapPort', 1], ['smtpPort', '65535']))).toEqual({});
      expect(validateAddAccount(typed(complete(), ['backfillDays', 91]))).toEqual({ backfillDays: 'backfillRange' });
      expect(parsePort(' 587 ')).toBe(587);
    });

    it('focuses the first field with a problem, in the order the form shows them', () => {
      expect(firstError(validateAddAccount(email()))).toBe('address');
      expect(firstError({ token: 'required.secret', smtpPort: 'portRange' })).toBe('smtpPort');
      expect(firstError({})).toBeNull();
    });

    it('sends the settings the core takes: numbers for ports, booleans for TLS, optional fields only when given', () => {
      const v = typed(complete(), ['imapHost', '127.0.0.1'], ['imapTls', false], ['imapPort', '3143'], ['smtpHost', ' 127.0.0.1 '], ['smtpTls', false], ['token', ' pass word ']);
      expect(toAccountDraft(v)).toEqual({
        connector: 'email',
        config: { address: 'help@aurora.example', imapHost: '127.0.0.1', imapPort: 3143, imapTls: false, smtpHost: '127.0.0.1', smtpPort: 587, smtpTls: false, backfillDays: 14 },
        // A password is kept as typed.
        secret: ' pass word ',
      });
      const named = typed(v, ['fromName', ' Aurora Air Help Desk '], ['username', ' help ']);
      expect(toAccountDraft(named).config).toMatchObject({ fromName: 'Aurora Air Help Desk', username: 'help' });
    });
  });

  describe('Bluesky', () => {
    const bluesky = () => typed(emptyAddAccountValues(), ['connector', 'bluesky']);

    it('takes the handle with or without @ and an optional PDS', () => {
      expect(validateAddAccount(bluesky())).toEqual({ handle: 'required.handle', token: 'required.secret' });
      const v = typed(bluesky(), ['handle', ' @Aurora.bsky.social '], ['token', ' abcd-efgh-ijkl-mnop ']);
      expect(validateAddAccount(v)).toEqual({});
      expect(toAccountDraft(v)).toEqual({ connector: 'bluesky', config: { handle: 'aurora.bsky.social', backfillDays: 7 }, secret: 'abcd-efgh-ijkl-mnop' });
      const selfHosted = typed(v, ['serviceUrl', ' https://pds.aurora.example ']);
      expect(toAccountDraft(selfHosted).config).toEqual({ handle: 'aurora.bsky.social', serviceUrl: 'https://pds.aurora.example', backfillDays: 7 });
      expect(validateAddAccount(typed(v, ['handle', 'aurora']))).toEqual({ handle: 'invalid.handle' });
      expect(validateAddAccount(typed(v, ['serviceUrl', 'http://pds.aurora.example']))).toEqual({ serviceUrl: 'invalid.serviceUrl' });
    });

    it('accepts a PDS over https, or http on this computer', () => {
      for (const ok of ['https://bsky.social', 'bsky.social', 'http://127.0.0.1:2583', 'http://localhost:2583']) expect(isServiceUrl(ok)).toBe(true);
      for (const bad of ['http://bsky.social', 'ftp://bsky.social', 'https://user:pw@bsky.social', 'https://', '']) expect(isServiceUrl(bad)).toBe(false);
    });
  });

  it('lets demo accounts be renamed only', () => {
    expect(accountAbilities({ connector: 'simulator' })).toEqual({ signIn: false, remove: false, demo: true });
    expect(accountAbilities({ connector: 'mastodon' })).toEqual({ signIn: true, remove: true, demo: false });
  });
});
