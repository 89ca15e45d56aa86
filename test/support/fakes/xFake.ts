// An in-process X API v2 for tests (msw), built from the documented payloads: Tweet, User and
// DM event objects, `includes.users`, `meta.newest_id/next_token`, x-rate-limit-* headers with a
// Unix reset time and no Retry-After, 403 for duplicate content, 401 for a bad token.
import { http, HttpResponse } from 'msw';

export interface FakeXUser {
  id: string;
  username: string;
  name: string;
  verified: boolean;
  public_metrics: { followers_count: number };
  /** Sent when user.fields asks for it, as X's docs show it (the 48×48 "_normal" size). */
  profile_image_url?: unknown;
}

export interface FakeTweet {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  lang: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted'; id: string }[];
}

export interface FakeDmEvent {
  id: string;
  event_type: 'MessageCreate';
  text: string;
  sender_id: string;
  dm_conversation_id: string;
  created_at: string;
}

export class XFake {
  readonly origin = 'https://api.x.example';
  token = 'x-user-token';
  rateLimitedUntil: number | null = null;
  readonly users = new Map<string, FakeXUser>();
  readonly tweets = new Map<string, FakeTweet>();
  readonly dmEvents: FakeDmEvent[] = [];
  /** Raw mention payloads inserted as they are (malformed data). */
  readonly rawMentions: { id: string; payload: unknown }[] = [];
  readonly requests: { method: string; url: URL }[] = [];
  readonly searches: string[] = [];
  readonly brand: FakeXUser;
  private next = 1_790_000_000_000_000_000n;

  constructor() {
    this.brand = this.user('AuroraAirHelp', 'Aurora Air Support', 250_000, true);
  }

  id(): string {
    this.next += BigInt(1 + Math.floor(Math.random() * 5000));
    return this.next.toString();
  }

  user(username: string, name: string, followers = 40, verified = false): FakeXUser {
    const id = this.id();
    const user = { id, username, name, verified, public_metrics: { followers_count: followers }, profile_image_url: `https://pbs.twimg.com/profile_images/${id}/${username}_normal.jpg` };
    this.users.set(user.id, user);
    return user;
  }

  tweet(author: FakeXUser, text: string, options: { replyTo?: string; at?: number } = {}): FakeTweet {
    const id = this.id();
    const parent = options.replyTo ? this.tweets.get(options.replyTo) : undefined;
    const tweet: FakeTweet = {
      id,
      text,
      author_id: author.id,
      created_at: new Date(options.at ?? Date.now()).toISOString(),
      conversation_id: parent?.conversation_id ?? id,
      lang: 'en',
      ...(options.replyTo ? { referenced_tweets: [{ type: 'replied_to' as const, id: options.replyTo }] } : {}),
    };
    this.tweets.set(id, tweet);
    return tweet;
  }

  dm(sender: FakeXUser, text: string, conversationId = `${[sender.id, this.brand.id].sort().join('-')}`): FakeDmEvent {
    const event: FakeDmEvent = { id: this.id(), event_type: 'MessageCreate', text, sender_id: sender.id, dm_conversation_id: conversationId, created_at: new Date().toISOString() };
    this.dmEvents.push(event);
    return event;
  }

  brandTweets(): FakeTweet[] {
    return [...this.tweets.values()].filter((t) => t.author_id === this.brand.id);
  }

  private page<T extends { id: string }>(all: T[], url: URL, extra: (items: T[]) => Record<string, unknown> = () => ({})) {
    const max = Math.min(Number(url.searchParams.get('max_results') ?? 10), 100);
    const sinceId = url.searchParams.get('since_id');
    const startTime = url.searchParams.get('start_time');
    const token = url.searchParams.get('pagination_token');
    let items = all
      .filter((t) => !sinceId || BigInt(t.id) > BigInt(sinceId))
      .filter((t) => !startTime || !('created_at' in t) || Date.parse(String((t as { created_at?: string }).created_at)) >= Date.parse(startTime))
      .sort((a, b) => (BigInt(a.id) > BigInt(b.id) ? -1 : 1));
    if (token) items = items.filter((t) => BigInt(t.id) < BigInt(token));
    const page = items.slice(0, max);
    const more = items.length > max;
    return {
      ...(page.length ? { data: page } : {}),
      ...extra(page),
      meta: { result_count: page.length, ...(page.length ? { newest_id: page[0]!.id, oldest_id: page.at(-1)!.id } : {}), ...(more ? { next_token: page.at(-1)!.id } : {}) },
    };
  }

  private includeUsers(ids: string[]) {
    const users = [...new Set(ids)].map((id) => this.users.get(id)).filter(Boolean);
    return users.length ? { includes: { users } } : {};
  }

  handlers() {
    const guard = (request: Request) => {
      this.requests.push({ method: request.method, url: new URL(request.url) });
      const reset = Math.ceil((this.rateLimitedUntil ?? Date.now() + 900_000) / 1000);
      const headers = { 'x-rate-limit-limit': '75', 'x-rate-limit-remaining': this.rateLimitedUntil ? '0' : '74', 'x-rate-limit-reset': String(reset) };
      if (this.rateLimitedUntil !== null && Date.now() < this.rateLimitedUntil) {
        return HttpResponse.json({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, { status: 429, headers });
      }
      if (request.headers.get('authorization') !== `Bearer ${this.token}`) {
        return HttpResponse.json({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }, { status: 401, headers });
      }
      return headers;
    };
    const o = this.origin;
    return [
      http.get(`${o}/2/users/me`, ({ request }) => {
        const g = guard(request);
        return g instanceof Response ? g : HttpResponse.json({ data: this.brand }, { headers: g });
      }),
      http.get(`${o}/2/users/:id/mentions`, ({ request }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        const url = new URL(request.url);
        const mentions = [...this.tweets.values()].filter((t) => t.author_id !== this.brand.id && t.text.includes(`@${this.brand.username}`));
        const all = [...mentions, ...this.rawMentions.map((r) => ({ ...(r.payload as object), id: r.id }) as FakeTweet)];
        return HttpResponse.json(this.page(all, url, (items) => this.includeUsers(items.map((t) => t.author_id))), { headers: g });
      }),
      // Recent search: a small interpreter of the query operators the connector uses:
      // (words OR words) -@handle -from:handle -is:retweet.
      http.get(`${o}/2/tweets/search/recent`, ({ request }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        const url = new URL(request.url);
        const query = url.searchParams.get('query') ?? '';
        this.searches.push(query);
        const excluded = [...query.matchAll(/-(@|from:)(\w+)/g)].map((m) => m[2]!.toLowerCase());
        const positive = query.replace(/-(@|from:|is:)\S+/g, '').replace(/[()]/g, ' ');
        const alternatives = positive.split(/\bOR\b/).map((alt) => alt.trim().toLowerCase().split(/\s+/).filter(Boolean)).filter((a) => a.length);
        const all = [...this.tweets.values()].filter((t) => {
          const text = t.text.toLowerCase();
          const authorName = this.users.get(t.author_id)?.username.toLowerCase() ?? '';
          if (excluded.some((h) => text.includes(`@${h}`) || authorName === h)) return false;
          return alternatives.some((words) => words.every((w) => text.includes(w.replace(/^"|"$/g, ''))));
        });
        return HttpResponse.json(this.page(all, url, (items) => this.includeUsers(items.map((t) => t.author_id))), { headers: g });
      }),
      http.get(`${o}/2/users/:id/tweets`, ({ request, params }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        const all = [...this.tweets.values()].filter((t) => t.author_id === params.id);
        return HttpResponse.json(this.page(all, new URL(request.url)), { headers: g });
      }),
      http.get(`${o}/2/dm_events`, ({ request }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        return HttpResponse.json(this.page(this.dmEvents, new URL(request.url), (items) => this.includeUsers(items.map((e) => e.sender_id))), { headers: g });
      }),
      http.get(`${o}/2/dm_conversations/:id/dm_events`, ({ request, params }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        return HttpResponse.json(this.page(this.dmEvents.filter((e) => e.dm_conversation_id === params.id), new URL(request.url)), { headers: g });
      }),
      http.post(`${o}/2/tweets`, async ({ request }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        const body = (await request.json()) as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
        const replyTo = body.reply?.in_reply_to_tweet_id;
        if (!body.text) return HttpResponse.json({ title: 'Invalid Request', detail: 'text is required', status: 400 }, { status: 400 });
        if (replyTo && !this.tweets.has(replyTo)) return HttpResponse.json({ title: 'Invalid Request', detail: 'The Tweet you are replying to has been deleted', status: 400 }, { status: 400 });
        if (this.brandTweets().some((t) => t.text === body.text)) {
          return HttpResponse.json({ title: 'Forbidden', detail: 'You are not allowed to create a Tweet with duplicate content.', status: 403 }, { status: 403 });
        }
        const tweet = this.tweet(this.brand, body.text, { replyTo });
        return HttpResponse.json({ data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } }, { status: 201, headers: g });
      }),
      http.post(`${o}/2/dm_conversations/:id/messages`, async ({ request, params }) => {
        const g = guard(request);
        if (g instanceof Response) return g;
        const body = (await request.json()) as { text?: string };
        const event = this.dm(this.brand, body.text ?? '', String(params.id));
        return HttpResponse.json({ data: { dm_conversation_id: params.id, dm_event_id: event.id } }, { status: 201, headers: g });
      }),
    ];
  }
}
