// An in-process Mastodon instance for tests (msw), built from the documented REST payloads
// (docs.joinmastodon.org: Notification, Status, Account, Search; Link and X-RateLimit-* headers;
// Idempotency-Key on POST /api/v1/statuses; GET /api/v2/search and /api/v1/timelines/tag/:hashtag)
// and its OAuth 2.0 provider (Doorkeeper): POST /api/v1/apps, GET /oauth/authorize (the page that
// shows the code for the out-of-band redirect), POST /oauth/token (authorization codes with PKCE
// S256, as Mastodon 4.3+ checks them) and POST /oauth/revoke, with their error bodies.
import { createHash, randomBytes } from 'node:crypto';
import { http, HttpResponse } from 'msw';

export interface FakeAccount {
  id: string;
  acct: string;
  username: string;
  display_name: string;
  url: string;
  /** Mastodon always gives one (a default picture for accounts without their own). */
  avatar: unknown;
  followers_count: number;
  bot: boolean;
}

export interface FakeMention {
  id: string;
  username: string;
  acct: string;
  url: string;
}

export interface FakeStatus {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  language: string | null;
  content: string;
  spoiler_text: string;
  account: FakeAccount;
  uri: string;
  mentions: FakeMention[];
  tags: { name: string; url: string }[];
  reblog: FakeStatus | null;
}

export interface FakeApp {
  name: string;
  website: string | null;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scopes: string[];
}

interface FakeGrant {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  account: FakeAccount;
  expiresAt: number;
  used: boolean;
}

export interface FakeIssuedToken {
  token: string;
  clientId: string;
  account: FakeAccount;
  scopes: string[];
  revoked: boolean;
}

/** An OAuth error as Doorkeeper (Mastodon's OAuth provider) words it. */
export const OAUTH_ERRORS = {
  invalid_request: 'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  invalid_client: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  unsupported_response_type: 'The authorization server does not support this response type.',
  invalid_redirect_uri: "The requested redirect uri is malformed or doesn't match client redirect URI.",
  invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
  invalid_code_challenge_method: 'The code challenge method must be S256.',
  unauthorized_client: 'You are not authorized to revoke this token',
} as const;
type OAuthErrorCode = keyof typeof OAUTH_ERRORS;

/** Mastodon's scopes (and the granular ones under read and write that tests use). */
const KNOWN_SCOPES = new Set(['read', 'write', 'follow', 'push', 'profile', 'read:statuses', 'read:notifications', 'read:search', 'read:accounts', 'write:statuses']);
const splitScopes = (value: string | null | undefined) => (value ?? 'read').split(/[\s+]+/).filter(Boolean);
const CODE_TTL_MS = 10 * 60_000;
const oauthError = (error: OAuthErrorCode, status: number, description: string = OAUTH_ERRORS[error]) => HttpResponse.json({ error, error_description: description }, { status });

/** A POST body as Rails reads it: JSON, or an HTML form (urlencoded or multipart). */
async function formBody(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const json = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : String(v)]));
  }
  const form = await request.formData().catch(() => new FormData());
  return Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

type PostOptions = { inReplyTo?: string; visibility?: FakeStatus['visibility']; at?: number; mentions?: FakeAccount[] };

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** What full-text search matches against: the status's text without its markup. */
const plainText = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').toLowerCase();

export class MastodonFake {
  readonly origin: string;
  token = 'good-token';
  /** When set, every request answers 429 until this time. */
  rateLimitedUntil: number | null = null;
  readonly statuses = new Map<string, FakeStatus>();
  readonly notifications: { id: string; type: string; created_at: string; account: FakeAccount; status: FakeStatus | null }[] = [];
  /** Raw notification payloads to insert as they are (to test malformed data). */
  readonly rawNotifications: { id: string; payload: unknown }[] = [];
  /** Raw status payloads that every search and every tag timeline return as they are. */
  readonly rawStatuses: { id: string; payload: unknown }[] = [];
  /** Whether full-text status search works (Elasticsearch or OpenSearch configured). */
  searchBackend = true;
  /** The q of each search, in order. */
  readonly searches: string[] = [];
  /** Ids of the accounts the brand follows: it sees their followers-only statuses. */
  readonly following = new Set<string>();
  private readonly idempotency = new Map<string, string>();
  private nextId = 109_000_000_000_000_000n;
  requests: { method: string; url: string; headers: Headers; body?: unknown }[] = [];
  readonly brand: FakeAccount;

  /** configuration.statuses.max_characters of GET /api/v2/instance; null: the instance does not say. */
  maxCharacters: number | null = 500;

  /** A slow instance: each page of notifications takes this long. */
  notificationsDelayMs = 0;

  /** Apps registered through POST /api/v1/apps, by client id. */
  readonly apps = new Map<string, FakeApp>();
  /** Authorization codes shown on the authorize page. */
  private readonly grants = new Map<string, FakeGrant>();
  /** Access tokens issued through POST /oauth/token: each valid until revoked. */
  readonly issuedTokens: FakeIssuedToken[] = [];
  /** The form of each POST /oauth/token, in order. */
  readonly tokenRequests: Record<string, string>[] = [];
  /** Who is signed in on the instance in the agent's browser: whom the authorize page authorizes. */
  signedInAs: FakeAccount | null = null;

  constructor(host = 'social.example') {
    this.origin = `https://${host}`;
    this.brand = this.account('brand', 'Aurora Air');
  }

  account(username: string, displayName: string, followers = 12): FakeAccount {
    return {
      id: String(this.id()),
      acct: username,
      username,
      display_name: displayName,
      url: `${this.origin}/@${username}`,
      avatar: `${this.origin}/system/accounts/avatars/${username}.png`,
      followers_count: followers,
      bot: false,
    };
  }

  private id(): bigint {
    this.nextId += 1n + BigInt(Math.floor(Math.random() * 1000));
    return this.nextId;
  }

  /** A customer posts a status that mentions the brand; returns it. */
  mention(author: FakeAccount, text: string, options: Omit<PostOptions, 'mentions'> = {}): FakeStatus {
    const status = this.post(author, `<p><span class="h-card"><a href="${this.brand.url}" class="u-url mention">@<span>${this.brand.username}</span></a></span> ${text}</p>`, { ...options, mentions: [this.brand] });
    this.notifications.push({ id: String(this.id()), type: 'mention', created_at: status.created_at, account: author, status });
    return status;
  }

  /**
   * Someone posts a status (public unless said otherwise), rendered as Mastodon renders it:
   * #hashtags as tag links, mentioned accounts as h-cards before the text.
   */
  status(author: FakeAccount, text: string, options: PostOptions = {}): FakeStatus {
    const mentions = (options.mentions ?? []).map((a) => `<span class="h-card"><a href="${a.url}" class="u-url mention">@<span>${a.username}</span></a></span> `).join('');
    const body = escapeHtml(text).replace(/#([\p{L}\p{N}_]+)/gu, (_m, tag: string) => `<a href="${this.origin}/tags/${tag.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`);
    return this.post(author, `<p>${mentions}${body}</p>`, options);
  }

  /** A reblog (boost) of a status: a status of its own whose reblog is the original. */
  reblog(by: FakeAccount, original: FakeStatus): FakeStatus {
    const status = this.post(by, '', {});
    status.reblog = original;
    return status;
  }

  private post(author: FakeAccount, html: string, options: PostOptions): FakeStatus {
    const id = String(this.id());
    const status: FakeStatus = {
      id,
      created_at: new Date(options.at ?? Date.now()).toISOString(),
      in_reply_to_id: options.inReplyTo ?? null,
      visibility: options.visibility ?? 'public',
      language: 'en',
      content: html,
      spoiler_text: '',
      account: author,
      uri: `${this.origin}/users/${author.username}/statuses/${id}`,
      mentions: (options.mentions ?? []).map((a) => ({ id: a.id, username: a.username, acct: a.acct, url: a.url })),
      tags: [...plainText(html).matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => ({ name: m[1]!, url: `${this.origin}/tags/${m[1]!}` })),
      reblog: null,
    };
    this.statuses.set(id, status);
    return status;
  }

  /** Statuses the brand posted (what customers see). */
  brandPosts(): FakeStatus[] {
    return [...this.statuses.values()].filter((s) => s.account.id === this.brand.id);
  }

  /** Statuses and the raw ones, newest first (ids grow with time). */
  private newestFirst(statuses: FakeStatus[]): { id: string; payload: unknown }[] {
    const all = [...statuses.map((s) => ({ id: s.id, payload: s as unknown })), ...this.rawStatuses];
    return all.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1));
  }

  /** Tokens that work now: the pasted one and every issued one not revoked. */
  private accountOfToken(authorization: string | null): FakeAccount | null {
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null;
    if (bearer === null) return null;
    if (bearer === this.token) return this.brand;
    return this.issuedTokens.find((t) => t.token === bearer && !t.revoked)?.account ?? null;
  }

  /** The instance revokes every token it issued through OAuth (e.g. the user revoked the app). */
  revokeIssuedTokens(): void {
    for (const t of this.issuedTokens) t.revoked = true;
  }

  /** The issued tokens that still work. */
  liveTokens(): string[] {
    return this.issuedTokens.filter((t) => !t.revoked).map((t) => t.token);
  }

  /**
   * What GET /oauth/authorize does when the signed-in user (the brand unless signedInAs says
   * otherwise) chooses Authorize: a code for that user, or the error the page would show.
   */
  authorize(authorizeUrl: string | URL): { code: string } | { error: OAuthErrorCode; description: string } {
    const params = new URL(authorizeUrl).searchParams;
    const fail = (error: OAuthErrorCode) => ({ error, description: OAUTH_ERRORS[error] });
    const app = this.apps.get(params.get('client_id') ?? '');
    if (!app) return fail('invalid_client');
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!app.redirectUris.includes(redirectUri)) return fail('invalid_redirect_uri');
    if (params.get('response_type') !== 'code') return fail('unsupported_response_type');
    const scopes = splitScopes(params.get('scope'));
    if (!scopes.every((s) => app.scopes.includes(s))) return fail('invalid_scope');
    const codeChallenge = params.get('code_challenge');
    if (codeChallenge && params.get('code_challenge_method') !== 'S256') return fail('invalid_code_challenge_method');
    const code = randomBytes(32).toString('base64url');
    this.grants.set(code, { clientId: app.clientId, redirectUri, scopes, codeChallenge: codeChallenge || null, account: this.signedInAs ?? this.brand, expiresAt: Date.now() + CODE_TTL_MS, used: false });
    return { code };
  }

  /** The code the authorize page shows (as if the user chose Authorize); throws the page's error. */
  codeFor(authorizeUrl: string | URL): string {
    const result = this.authorize(authorizeUrl);
    if ('error' in result) throw new Error(`${result.error}: ${result.description}`);
    return result.code;
  }

  private oauthHandlers() {
    return [
      // Registering an app: client_name and redirect_uris are required; scopes default to read.
      http.post(`${this.origin}/api/v1/apps`, async ({ request }) => {
        this.requests.push({ method: request.method, url: request.url, headers: request.headers });
        const body = await formBody(request);
        this.requests.at(-1)!.body = body;
        if (!body.client_name?.trim()) return HttpResponse.json({ error: "Validation failed: Application name can't be blank" }, { status: 422 });
        const redirectUris = (body.redirect_uris ?? '').split(/\s+/).filter(Boolean);
        if (redirectUris.length === 0) return HttpResponse.json({ error: "Validation failed: Redirect URI can't be blank" }, { status: 422 });
        if (!redirectUris.every((u) => /^[a-z][a-z0-9+.-]*:/i.test(u))) return HttpResponse.json({ error: 'Validation failed: Redirect URI must be an absolute URI.' }, { status: 422 });
        const scopes = splitScopes(body.scopes);
        if (!scopes.every((s) => KNOWN_SCOPES.has(s))) return HttpResponse.json({ error: 'Validation failed: Scopes are invalid' }, { status: 422 });
        const app: FakeApp = {
          name: body.client_name,
          website: body.website || null,
          clientId: randomBytes(32).toString('base64url'),
          clientSecret: randomBytes(32).toString('base64url'),
          redirectUris,
          scopes,
        };
        this.apps.set(app.clientId, app);
        return HttpResponse.json({
          id: String(this.apps.size),
          name: app.name,
          website: app.website,
          scopes: app.scopes,
          redirect_uri: app.redirectUris.join('\n'),
          redirect_uris: app.redirectUris,
          vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
          client_id: app.clientId,
          client_secret: app.clientSecret,
          client_secret_expires_at: 0,
        });
      }),
      // The page the agent sees in the browser; signed in and choosing Authorize is taken as given.
      http.get(`${this.origin}/oauth/authorize`, ({ request }) => {
        const result = this.authorize(request.url);
        const page = (title: string, body: string) =>
          `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} - ${new URL(this.origin).host}</title></head><body><main>${body}</main></body></html>`;
        if ('error' in result) {
          return HttpResponse.html(page('An error has occurred', `<h1>An error has occurred</h1><p>${escapeAttribute(result.description)}</p>`), { status: 400 });
        }
        return HttpResponse.html(
          page(
            'Authorization code',
            `<h1>Authorization code</h1><label for="code">Copy this authorization code and paste it to the application.</label> <input id="code" class="oauth-code" readonly type="text" value="${escapeAttribute(result.code)}">`,
          ),
        );
      }),
      // Doorkeeper's order of checks: parameters, client, grant, redirect URI, PKCE verifier.
      http.post(`${this.origin}/oauth/token`, async ({ request }) => {
        const body = await formBody(request);
        this.tokenRequests.push(body);
        if (body.grant_type !== 'authorization_code') return oauthError('unsupported_grant_type', 400);
        if (!body.code) return oauthError('invalid_request', 400, 'Missing required parameter: code.');
        const grant = this.grants.get(body.code);
        if (grant?.codeChallenge && !body.code_verifier) return oauthError('invalid_request', 400, 'Missing required parameter: code_verifier.');
        if (!body.redirect_uri) return oauthError('invalid_request', 400, 'Missing required parameter: redirect_uri.');
        const app = this.apps.get(body.client_id ?? '');
        if (!app || app.clientSecret !== body.client_secret) return oauthError('invalid_client', 401);
        if (!grant || grant.used || grant.clientId !== app.clientId || Date.now() >= grant.expiresAt) return oauthError('invalid_grant', 400);
        if (grant.redirectUri !== body.redirect_uri) return oauthError('invalid_grant', 400);
        if (grant.codeChallenge && createHash('sha256').update(body.code_verifier ?? '').digest('base64url') !== grant.codeChallenge) return oauthError('invalid_grant', 400);
        grant.used = true;
        const issued: FakeIssuedToken = { token: randomBytes(32).toString('base64url'), clientId: app.clientId, account: grant.account, scopes: grant.scopes, revoked: false };
        this.issuedTokens.push(issued);
        return HttpResponse.json({ access_token: issued.token, token_type: 'Bearer', scope: issued.scopes.join(' '), created_at: Math.floor(Date.now() / 1000) });
      }),
      // RFC 7009: OK for unknown tokens too; only a token of another client is refused.
      http.post(`${this.origin}/oauth/revoke`, async ({ request }) => {
        const body = await formBody(request);
        const app = this.apps.get(body.client_id ?? '');
        if (!app || app.clientSecret !== body.client_secret) return oauthError('unauthorized_client', 403);
        const issued = this.issuedTokens.find((t) => t.token === body.token);
        if (issued && issued.clientId !== app.clientId) return oauthError('unauthorized_client', 403);
        if (issued) issued.revoked = true;
        return HttpResponse.json({});
      }),
    ];
  }

  handlers() {
    const guard = (request: Request) => {
      this.requests.push({ method: request.method, url: request.url, headers: request.headers });
      const reset = new Date(this.rateLimitedUntil ?? Date.now() + 300_000).toISOString();
      const limits = { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': this.rateLimitedUntil ? '0' : '299', 'X-RateLimit-Reset': reset };
      if (this.rateLimitedUntil !== null && Date.now() < this.rateLimitedUntil) {
        return HttpResponse.json({ error: 'Too many requests' }, { status: 429, headers: limits });
      }
      if (this.accountOfToken(request.headers.get('authorization')) === null) {
        return HttpResponse.json({ error: 'The access token is invalid' }, { status: 401, headers: limits });
      }
      return limits;
    };
    return [
      ...this.oauthHandlers(),
      // Public, as documented: the instance's configuration (only the part we read is filled in).
      http.get(`${this.origin}/api/v2/instance`, () =>
        HttpResponse.json({
          domain: new URL(this.origin).host,
          title: 'Fake Mastodon',
          configuration: this.maxCharacters === null ? {} : { statuses: { max_characters: this.maxCharacters, max_media_attachments: 4, characters_reserved_per_url: 23 } },
        }),
      ),
      http.get(`${this.origin}/api/v1/accounts/verify_credentials`, ({ request }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        const account = this.accountOfToken(request.headers.get('authorization'))!;
        return HttpResponse.json({ ...account, source: { privacy: 'public' } }, { headers: g });
      }),
      http.get(`${this.origin}/api/v1/notifications`, async ({ request }) => {
        if (this.notificationsDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.notificationsDelayMs));
        const g = guard(request);
        if (g instanceof Response) return g;
        const url = new URL(request.url);
        const types = url.searchParams.getAll('types[]');
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 15), 80);
        const minId = url.searchParams.get('min_id');
        const maxId = url.searchParams.get('max_id');
        const all = [...this.notifications.map((n) => ({ id: n.id, payload: n as unknown, type: n.type })), ...this.rawNotifications.map((r) => ({ ...r, type: 'mention' }))]
          .filter((n) => types.length === 0 || types.includes(n.type))
          .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
        // min_id: the page immediately after it, returned newest first like the real API.
        // Without min_id: the newest page before max_id (if any), newest first.
        const page = minId
          ? all.filter((n) => BigInt(n.id) > BigInt(minId)).slice(0, limit).reverse()
          : all.filter((n) => !maxId || BigInt(n.id) < BigInt(maxId)).slice(-limit).reverse();
        const headers: Record<string, string> = { ...g };
        if (page.length) {
          headers.Link = `<${this.origin}/api/v1/notifications?max_id=${page.at(-1)!.id}>; rel="next", <${this.origin}/api/v1/notifications?min_id=${page[0]!.id}>; rel="prev"`;
        }
        return HttpResponse.json(page.map((n) => n.payload), { headers });
      }),
      // Full-text search (type=statuses): every word or "quoted phrase" of q in the text, newest
      // first, limit (at most 40) and offset. Only statuses the account can see: public and
      // unlisted ones, followers-only ones of accounts it follows, and its own or those mentioning
      // it. Nothing without a search backend.
      http.get(`${this.origin}/api/v2/search`, ({ request }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        const url = new URL(request.url);
        const q = url.searchParams.get('q');
        if (!q) return HttpResponse.json({ error: 'Validation failed: q is missing' }, { status: 400 });
        this.searches.push(q);
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 40);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const terms = [...q.toLowerCase().matchAll(/"([^"]+)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
        const visible = (s: FakeStatus) =>
          s.visibility === 'public' ||
          s.visibility === 'unlisted' ||
          (s.visibility === 'private' && this.following.has(s.account.id)) ||
          s.account.id === this.brand.id ||
          s.mentions.some((m) => m.id === this.brand.id);
        const found =
          this.searchBackend && (url.searchParams.get('type') ?? 'statuses') === 'statuses'
            ? this.newestFirst([...this.statuses.values()].filter((s) => !s.reblog && visible(s) && terms.every((t) => plainText(s.content).includes(t))))
            : [];
        return HttpResponse.json({ accounts: [], statuses: found.slice(offset, offset + limit).map((s) => s.payload), hashtags: [] }, { headers: g });
      }),
      // A hashtag's timeline: public statuses with the tag, newest first; max_id, since_id and
      // min_id (the page just after it) like every timeline, and Link headers (next only while
      // pages are full).
      http.get(`${this.origin}/api/v1/timelines/tag/:hashtag`, ({ request, params }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        const url = new URL(request.url);
        const tag = String(params.hashtag).toLowerCase();
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 40);
        const [maxId, sinceId, minId] = ['max_id', 'since_id', 'min_id'].map((k) => url.searchParams.get(k));
        const tagged = this.newestFirst([...this.statuses.values()].filter((s) => s.visibility === 'public' && s.tags.some((t) => t.name.toLowerCase() === tag)))
          .filter((s) => (!maxId || BigInt(s.id) < BigInt(maxId)) && (!sinceId || BigInt(s.id) > BigInt(sinceId)) && (!minId || BigInt(s.id) > BigInt(minId)));
        const page = minId ? tagged.slice(-limit) : tagged.slice(0, limit);
        const headers: Record<string, string> = { ...g };
        const links: string[] = [];
        const path = `${this.origin}/api/v1/timelines/tag/${encodeURIComponent(String(params.hashtag))}`;
        if (page.length === limit) links.push(`<${path}?limit=${limit}&max_id=${page.at(-1)!.id}>; rel="next"`);
        if (page.length) links.push(`<${path}?limit=${limit}&min_id=${page[0]!.id}>; rel="prev"`);
        if (links.length) headers.Link = links.join(', ');
        return HttpResponse.json(page.map((s) => s.payload), { headers });
      }),
      http.get(`${this.origin}/api/v1/statuses/:id`, ({ request, params }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        const status = this.statuses.get(String(params.id));
        return status ? HttpResponse.json(status, { headers: g }) : HttpResponse.json({ error: 'Record not found' }, { status: 404 });
      }),
      http.post(`${this.origin}/api/v1/statuses`, async ({ request }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        const body = (await request.json()) as { status?: string; in_reply_to_id?: string; visibility?: FakeStatus['visibility'] };
        this.requests.at(-1)!.body = body;
        const key = request.headers.get('idempotency-key');
        if (key && this.idempotency.has(key)) return HttpResponse.json(this.statuses.get(this.idempotency.get(key)!), { headers: g });
        if (!body.status) return HttpResponse.json({ error: "Validation failed: Text can't be blank" }, { status: 422 });
        if (body.in_reply_to_id && !this.statuses.has(body.in_reply_to_id)) return HttpResponse.json({ error: 'Record not found' }, { status: 404 });
        const status = this.post(this.brand, `<p>${escapeHtml(body.status)}</p>`, { inReplyTo: body.in_reply_to_id, visibility: body.visibility });
        if (key) this.idempotency.set(key, status.id);
        return HttpResponse.json(status, { headers: g });
      }),
    ];
  }
}
