// An in-process Mastodon instance for tests (msw), built from the documented REST payloads
// (docs.joinmastodon.org: Notification, Status, Account; Link and X-RateLimit-* headers;
// Idempotency-Key on POST /api/v1/statuses).
import { http, HttpResponse } from 'msw';

export interface FakeAccount {
  id: string;
  acct: string;
  username: string;
  display_name: string;
  url: string;
  followers_count: number;
  bot: boolean;
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
}

export class MastodonFake {
  readonly origin: string;
  token = 'good-token';
  /** When set, every request answers 429 until this time. */
  rateLimitedUntil: number | null = null;
  readonly statuses = new Map<string, FakeStatus>();
  readonly notifications: { id: string; type: string; created_at: string; account: FakeAccount; status: FakeStatus | null }[] = [];
  /** Raw notification payloads to insert as they are (to test malformed data). */
  readonly rawNotifications: { id: string; payload: unknown }[] = [];
  private readonly idempotency = new Map<string, string>();
  private nextId = 109_000_000_000_000_000n;
  requests: { method: string; url: string; headers: Headers; body?: unknown }[] = [];
  readonly brand: FakeAccount;

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
      followers_count: followers,
      bot: false,
    };
  }

  private id(): bigint {
    this.nextId += 1n + BigInt(Math.floor(Math.random() * 1000));
    return this.nextId;
  }

  /** A customer posts a status that mentions the brand; returns it. */
  mention(author: FakeAccount, text: string, options: { inReplyTo?: string; visibility?: FakeStatus['visibility']; at?: number } = {}): FakeStatus {
    const status = this.post(author, `<p><span class="h-card"><a href="${this.brand.url}" class="u-url mention">@<span>${this.brand.username}</span></a></span> ${text}</p>`, options);
    this.notifications.push({ id: String(this.id()), type: 'mention', created_at: status.created_at, account: author, status });
    return status;
  }

  private post(author: FakeAccount, html: string, options: { inReplyTo?: string; visibility?: FakeStatus['visibility']; at?: number }): FakeStatus {
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
    };
    this.statuses.set(id, status);
    return status;
  }

  /** Statuses the brand posted (what customers see). */
  brandPosts(): FakeStatus[] {
    return [...this.statuses.values()].filter((s) => s.account.id === this.brand.id);
  }

  handlers() {
    const guard = (request: Request) => {
      this.requests.push({ method: request.method, url: request.url, headers: request.headers });
      const reset = new Date(this.rateLimitedUntil ?? Date.now() + 300_000).toISOString();
      const limits = { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': this.rateLimitedUntil ? '0' : '299', 'X-RateLimit-Reset': reset };
      if (this.rateLimitedUntil !== null && Date.now() < this.rateLimitedUntil) {
        return HttpResponse.json({ error: 'Too many requests' }, { status: 429, headers: limits });
      }
      if (request.headers.get('authorization') !== `Bearer ${this.token}`) {
        return HttpResponse.json({ error: 'The access token is invalid' }, { status: 401, headers: limits });
      }
      return limits;
    };
    return [
      http.get(`${this.origin}/api/v1/accounts/verify_credentials`, ({ request }) => {
        const g = guard(request);
        return g instanceof Response ? g : HttpResponse.json({ ...this.brand, source: { privacy: 'public' } }, { headers: g });
      }),
      http.get(`${this.origin}/api/v1/notifications`, ({ request }) => {
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
        const escaped = body.status.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        const status = this.post(this.brand, `<p>${escaped}</p>`, { inReplyTo: body.in_reply_to_id, visibility: body.visibility });
        if (key) this.idempotency.set(key, status.id);
        return HttpResponse.json(status, { headers: g });
      }),
    ];
  }
}
