// An in-process Graph API for tests (msw), built from Meta's documented payloads: Page, Page
// Post (updated_time moves when someone comments), Comment (filter=stream with `parent`,
// order=reverse_chronological), Conversation and Message (Messenger and Instagram, newest first),
// IG Media (comments_count counts replies) and IG Comment (`replies`, `parent_id`, `from`), cursor
// paging ({data, paging: {cursors: {before, after}, next}} with no `next` on the last page), the
// Send API ({recipient_id, message_id}; 10/2018278 and 10/2534022 outside the 24-hour window),
// Graph errors as HTTP 400 {error: {message, type, code, error_subcode, fbtrace_id}} (190 for a bad
// token; 4/17/32/613 when throttled, with X-App-Usage and X-Business-Use-Case-Usage headers). Meta
// has no idempotency keys and does not refuse duplicate text.
//
// Instagram mentions: GET /{ig-user-id}/tags (media others posted with the account tagged, newest
// first), GET /{ig-user-id}?fields=mentioned_media.media_id(…){…} and
// mentioned_comment.comment_id(…){…} (only for media whose caption, or comments that, @mention the
// account), POST /{ig-user-id}/mentions with media_id, comment_id and message (as query string,
// form or JSON parameters, like Graph; commenting on media the account is only tagged in is
// refused), and the webhook deliveries of the `mentions` field, signed with X-Hub-Signature-256.
import { createHmac } from 'node:crypto';
import { http, HttpResponse } from 'msw';

export const GRAPH_VERSION = 'v25.0';

export interface FakeFbUser {
  id: string;
  name: string;
}

export interface FakeIgUser {
  id: string;
  username: string;
}

export interface FakePost {
  id: string;
  message: string;
  created_time: string;
  updated_time: string;
}

export interface FakeFbComment {
  id: string;
  postId: string;
  message: string;
  created_time: string;
  from: FakeFbUser;
  parent?: { id: string };
  /** Served instead of the comment (malformed data). */
  raw?: unknown;
}

export interface FakeMessage {
  id: string;
  created_time: string;
  from: { id: string; name?: string; username?: string };
  to: { data: { id: string; name?: string; username?: string }[] };
  message: string;
}

export interface FakeConversation {
  id: string;
  platform: 'messenger' | 'instagram';
  /** The customer. */
  with: { id: string; name?: string; username?: string };
  updated_time: string;
  /** Oldest first. */
  messages: FakeMessage[];
}

export interface FakeMedia {
  id: string;
  caption: string;
  timestamp: string;
}

export interface FakeIgComment {
  id: string;
  mediaId: string;
  text: string;
  timestamp: string;
  username: string;
  from: FakeIgUser;
  parent_id?: string;
}

/** Media someone else posted: tagging the account, @mentioning it in the caption, or neither. */
export interface FakeOtherMedia {
  id: string;
  caption: string;
  /** The owner's username. */
  username: string;
  timestamp: string;
  permalink: string;
  media_type: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  tagsUs: boolean;
  captionMentionsUs: boolean;
}

/** A comment on someone else's media (mentioning the account, or the account's reply). */
export interface FakeOtherComment {
  id: string;
  mediaId: string;
  text: string;
  timestamp: string;
  username: string;
  from: FakeIgUser;
  mentionsUs: boolean;
  parent_id?: string;
}

export interface Throttle {
  code: 4 | 17 | 32 | 613;
  /** estimated_time_to_regain_access in X-Business-Use-Case-Usage; none when undefined. */
  regainMinutes?: number;
}

/** Graph times: 2026-11-23T09:00:00+0000 (whole seconds). */
export const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

const WINDOW_MS = 24 * 3_600_000;

export class MetaFake {
  readonly origin = 'https://graph.facebook.example';
  token = 'page-token';
  throttle: Throttle | null = null;
  /** Refuse every DM as outside the window (Meta's own check). */
  windowClosed = false;
  readonly page = { id: '104000000000001', name: 'Aurora Air', username: 'auroraair' };
  readonly ig: FakeIgUser = { id: '17841400000000001', username: 'aurora.air' };
  linkInstagram = true;
  /** False: the token cannot read the linked Instagram account (no instagram_basic). */
  instagramPermission = true;
  readonly posts: FakePost[] = [];
  readonly fbComments: FakeFbComment[] = [];
  readonly conversations: FakeConversation[] = [];
  readonly media: FakeMedia[] = [];
  readonly igComments: FakeIgComment[] = [];
  readonly otherMedia: FakeOtherMedia[] = [];
  readonly otherComments: FakeOtherComment[] = [];
  /**
   * Aims the bad-token and throttling answers at some requests only (say, one endpoint); all
   * requests when null.
   */
  faultScope: ((url: URL, method: string) => boolean) | null = null;
  readonly appSecret = 'app-secret';
  /** Every request; `params` are a POST's Graph parameters (query string, form and JSON body merged). */
  readonly requests: { method: string; url: URL; body?: unknown; params?: Record<string, unknown> }[] = [];
  private seq = 1000;

  private next(): number {
    return ++this.seq;
  }

  fbUser(name: string): FakeFbUser {
    return { id: `6000${String(this.next()).padStart(9, '0')}`, name };
  }

  igUser(username: string): FakeIgUser {
    return { id: `1780${String(this.next()).padStart(12, '0')}`, username };
  }

  post(message: string, at = Date.now()): FakePost {
    const post = { id: `${this.page.id}_${this.next()}`, message, created_time: graphTime(at), updated_time: graphTime(at) };
    this.posts.push(post);
    return post;
  }

  /** A comment on a post, or a reply to a comment (Facebook keeps replies under the top-level comment). */
  comment(on: FakePost | FakeFbComment, from: FakeFbUser, message: string, at = Date.now()): FakeFbComment {
    const parent = 'postId' in on ? (on.parent ? this.fbComments.find((c) => c.id === on.parent!.id)! : on) : null;
    const postId = 'postId' in on ? on.postId : on.id;
    const comment: FakeFbComment = {
      id: `${postId.split('_')[1]}_${this.next()}`,
      postId,
      message,
      created_time: graphTime(at),
      from,
      ...(parent ? { parent: { id: parent.id } } : {}),
    };
    this.fbComments.push(comment);
    const post = this.posts.find((p) => p.id === postId)!;
    if (Date.parse(comment.created_time) > Date.parse(post.updated_time)) post.updated_time = comment.created_time;
    return comment;
  }

  /** A comment served as the given raw payload (malformed data), at a time. */
  rawComment(post: FakePost, payload: unknown, at = Date.now()): FakeFbComment {
    const comment = this.comment(post, { id: '0', name: '' }, '', at);
    comment.raw = { ...(payload as object), id: comment.id };
    return comment;
  }

  private conversation(platform: 'messenger' | 'instagram', customer: { id: string; name?: string; username?: string }): FakeConversation {
    let conversation = this.conversations.find((c) => c.platform === platform && c.with.id === customer.id);
    if (!conversation) {
      conversation = {
        id: platform === 'messenger' ? `t_${this.next()}` : `aWdfZAG${this.next()}`,
        platform,
        with: customer,
        updated_time: graphTime(0),
        messages: [],
      };
      this.conversations.push(conversation);
    }
    return conversation;
  }

  private addMessage(conversation: FakeConversation, fromCustomer: boolean, text: string, at: number): FakeMessage {
    const self = conversation.platform === 'messenger' ? { id: this.page.id, name: this.page.name } : { id: this.ig.id, username: this.ig.username };
    const customer = conversation.with;
    const message: FakeMessage = {
      id: conversation.platform === 'messenger' ? `m_${this.next()}AbCd` : `aWdfZAGlrcm${this.next()}`,
      created_time: graphTime(at),
      from: fromCustomer ? customer : self,
      to: { data: [fromCustomer ? self : customer] },
      message: text,
    };
    conversation.messages.push(message);
    if (Date.parse(message.created_time) > Date.parse(conversation.updated_time)) conversation.updated_time = message.created_time;
    return message;
  }

  /** A Messenger message from a person to the Page. */
  messengerDm(from: FakeFbUser, text: string, at = Date.now()): { conversation: FakeConversation; message: FakeMessage } {
    const conversation = this.conversation('messenger', from);
    return { conversation, message: this.addMessage(conversation, true, text, at) };
  }

  /** An Instagram message from a person to the professional account. */
  instagramDm(from: FakeIgUser, text: string, at = Date.now()): { conversation: FakeConversation; message: FakeMessage } {
    const conversation = this.conversation('instagram', from);
    return { conversation, message: this.addMessage(conversation, true, text, at) };
  }

  /** The Page's (or the Instagram account's) own message in a conversation, sent elsewhere. */
  ownMessage(conversation: FakeConversation, text: string, at = Date.now()): FakeMessage {
    return this.addMessage(conversation, false, text, at);
  }

  igMedia(caption: string, at = Date.now()): FakeMedia {
    const media = { id: `17900${String(this.next()).padStart(12, '0')}`, caption, timestamp: graphTime(at) };
    this.media.push(media);
    return media;
  }

  /** A comment on media, or a reply (replies to a reply go to the top-level comment). */
  igComment(on: FakeMedia | FakeIgComment, from: FakeIgUser, text: string, at = Date.now()): FakeIgComment {
    const top = 'mediaId' in on ? (on.parent_id ? this.igComments.find((c) => c.id === on.parent_id)! : on) : null;
    const comment: FakeIgComment = {
      id: `17850${String(this.next()).padStart(12, '0')}`,
      mediaId: 'mediaId' in on ? on.mediaId : on.id,
      text,
      timestamp: graphTime(at),
      username: from.username,
      from,
      ...(top ? { parent_id: top.id } : {}),
    };
    this.igComments.push(comment);
    return comment;
  }

  private others(owner: FakeIgUser, caption: string, at: number, how: { tagsUs: boolean; captionMentionsUs: boolean }, mediaType: FakeOtherMedia['media_type']) {
    const id = `17920${String(this.next()).padStart(12, '0')}`;
    const media: FakeOtherMedia = {
      id,
      caption,
      username: owner.username,
      timestamp: graphTime(at),
      permalink: `https://www.instagram.com/p/C${id.slice(-8)}/`,
      media_type: mediaType,
      ...how,
    };
    this.otherMedia.push(media);
    return media;
  }

  /** Someone else's post with the account tagged in it (listed by /tags). */
  tag(owner: FakeIgUser, caption: string, at = Date.now(), mediaType: FakeOtherMedia['media_type'] = 'IMAGE'): FakeOtherMedia {
    return this.others(owner, caption, at, { tagsUs: true, captionMentionsUs: false }, mediaType);
  }

  /** Someone else's post whose caption @mentions the account (told by webhook only). */
  captionMention(owner: FakeIgUser, caption: string, at = Date.now()): FakeOtherMedia {
    return this.others(owner, caption, at, { tagsUs: false, captionMentionsUs: true }, 'IMAGE');
  }

  /** Someone else's post that does not mention the account. */
  othersPost(owner: FakeIgUser, caption: string, at = Date.now()): FakeOtherMedia {
    return this.others(owner, caption, at, { tagsUs: false, captionMentionsUs: false }, 'IMAGE');
  }

  /** A comment on someone else's post that @mentions the account (told by webhook only). */
  commentMention(media: FakeOtherMedia, from: FakeIgUser, text: string, at = Date.now()): FakeOtherComment {
    const comment: FakeOtherComment = { id: `17860${String(this.next()).padStart(12, '0')}`, mediaId: media.id, text, timestamp: graphTime(at), username: from.username, from, mentionsUs: true };
    this.otherComments.push(comment);
    return comment;
  }

  /** The account's comments made through POST /{ig-user-id}/mentions. */
  mentionReplies(): FakeOtherComment[] {
    return this.otherComments.filter((c) => c.from.id === this.ig.id);
  }

  /** A webhook delivery of the Instagram `mentions` field, as Meta signs it with the app secret. */
  mentionWebhook(mentions: { mediaId: string; commentId?: string; igUserId?: string }[], secret = this.appSecret): { body: string; signature: string } {
    const entries = new Map<string, { field: string; value: Record<string, string> }[]>();
    for (const m of mentions) {
      const igUserId = m.igUserId ?? this.ig.id;
      entries.set(igUserId, [...(entries.get(igUserId) ?? []), { field: 'mentions', value: { media_id: m.mediaId, ...(m.commentId ? { comment_id: m.commentId } : {}) } }]);
    }
    const time = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ object: 'instagram', entry: [...entries].map(([id, changes]) => ({ id, time, changes })) });
    return { body, signature: this.sign(body, secret) };
  }

  sign(body: string, secret = this.appSecret): string {
    return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  }

  pageComments(): FakeFbComment[] {
    return this.fbComments.filter((c) => c.from.id === this.page.id);
  }

  private commentJson(c: FakeFbComment) {
    if (c.raw !== undefined) return c.raw;
    return { id: c.id, message: c.message, created_time: c.created_time, from: c.from, ...(c.parent ? { parent: { id: c.parent.id } } : {}) };
  }

  private igCommentJson(c: FakeIgComment, withReplies: boolean) {
    const json: Record<string, unknown> = { id: c.id, text: c.text, timestamp: c.timestamp, username: c.username, from: c.from };
    if (c.parent_id) json.parent_id = c.parent_id;
    if (withReplies) {
      const replies = this.igComments.filter((r) => r.parent_id === c.id).map((r) => this.igCommentJson(r, false));
      if (replies.length) json.replies = { data: replies };
    }
    return json;
  }

  /** Cursor paging as documented: `after` is opaque; no `next` on the last page. */
  private paged(url: URL, items: unknown[]) {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 25), 100);
    const after = url.searchParams.get('after');
    const start = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
    const data = items.slice(start, start + limit);
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
    const more = start + limit < items.length;
    const next = new URL(url);
    next.searchParams.set('after', cursor(start + limit));
    return {
      data,
      ...(data.length
        ? { paging: { cursors: { before: cursor(start), after: cursor(start + data.length) }, ...(more ? { next: next.toString() } : {}) } }
        : {}),
    };
  }

  private error(code: number, message: string, extra: { subcode?: number; type?: string; status?: number; headers?: Record<string, string> } = {}) {
    return HttpResponse.json(
      {
        error: {
          message,
          type: extra.type ?? 'OAuthException',
          code,
          ...(extra.subcode ? { error_subcode: extra.subcode } : {}),
          fbtrace_id: `A${this.next()}xYz`,
        },
      },
      { status: extra.status ?? 400, headers: extra.headers },
    );
  }

  handlers() {
    const o = `${this.origin}/${GRAPH_VERSION}`;
    const usage = (throttled: Throttle | null) => ({
      'x-app-usage': JSON.stringify({ call_count: throttled?.code === 4 ? 100 : 3, total_cputime: 1, total_time: 2 }),
      'x-business-use-case-usage': JSON.stringify({
        [this.page.id]: [
          {
            type: 'pages',
            call_count: throttled && throttled.code !== 4 ? 100 : 2,
            total_cputime: 1,
            total_time: 1,
            ...(throttled?.regainMinutes !== undefined ? { estimated_time_to_regain_access: throttled.regainMinutes } : { estimated_time_to_regain_access: 0 }),
          },
        ],
      }),
    });
    const guard = async (request: Request) => {
      const url = new URL(request.url);
      const body = request.method === 'POST' ? ((await request.clone().json().catch(() => undefined)) as unknown) : undefined;
      const params = request.method === 'POST' ? await graphParams(request, url) : undefined;
      this.requests.push({ method: request.method, url, body, ...(params ? { params } : {}) });
      const inScope = !this.faultScope || this.faultScope(url, request.method);
      if (inScope && request.headers.get('authorization') !== `Bearer ${this.token}`) {
        return this.error(190, 'Error validating access token: Session has expired on Monday, 23-Nov-26 09:00:00 PST.', { subcode: 463 });
      }
      if (inScope && this.throttle) {
        const messages = { 4: 'Application request limit reached', 17: 'User request limit reached', 32: 'Page request limit reached', 613: 'Calls to this api have exceeded the rate limit.' };
        return this.error(this.throttle.code, `(#${this.throttle.code}) ${messages[this.throttle.code]}`, { headers: usage(this.throttle) });
      }
      return usage(null);
    };

    const node = (id: string, url: URL) => {
      if (id === 'me' || id === this.page.id) {
        const fields = url.searchParams.get('fields') ?? '';
        if (fields.includes('instagram_business_account{') && !this.instagramPermission) {
          return this.error(10, '(#10) Application does not have permission for this action', { type: 'OAuthException' });
        }
        return {
          id: this.page.id,
          name: this.page.name,
          username: this.page.username,
          ...(this.linkInstagram && fields.includes('instagram_business_account') ? { instagram_business_account: { id: this.ig.id, username: this.ig.username } } : {}),
        };
      }
      if (id === this.ig.id) {
        const mentioned = /^mentioned_(media|comment)\.(media_id|comment_id)\(([^)]*)\)\{(.*)\}$/.exec(url.searchParams.get('fields') ?? '');
        if (mentioned) return mentionedNode(mentioned[1] as 'media' | 'comment', mentioned[2]!, mentioned[3]!, mentioned[4]!);
        return { id: this.ig.id, username: this.ig.username };
      }
      return null;
    };

    /** Field expansion as Graph reads it: top-level fields, with their `{…}` and `.limit(n)`. */
    const topFields = (fields: string) => {
      const out: { name: string; limit: number | null; sub: string }[] = [];
      let depth = 0;
      let start = 0;
      for (let i = 0; i <= fields.length; i++) {
        const ch = fields[i];
        if (ch === '{' || ch === '(') depth++;
        else if (ch === '}' || ch === ')') depth--;
        else if ((ch === ',' || ch === undefined) && depth === 0) {
          const part = fields.slice(start, i);
          const m = /^([a-z_]+)(?:\.limit\((\d+)\))?(?:\{(.*)\})?$/.exec(part);
          if (m) out.push({ name: m[1]!, limit: m[2] ? Number(m[2]) : null, sub: m[3] ?? '' });
          start = i + 1;
        }
      }
      return out;
    };

    const otherCommentJson = (c: FakeOtherComment) => ({ id: c.id, text: c.text, timestamp: c.timestamp, username: c.username, from: c.from, ...(c.parent_id ? { parent_id: c.parent_id } : {}) });

    const mentionedNode = (kind: 'media' | 'comment', key: string, id: string, fields: string) => {
      const invalid = () =>
        this.error(100, `(#100) Invalid parameter: the ${kind} ${id} does not mention this Instagram account or cannot be loaded`, { type: 'OAuthException' });
      if (kind === 'media') {
        const media = this.otherMedia.find((m) => m.id === id && m.captionMentionsUs);
        if (key !== 'media_id' || !media) return invalid();
        const node: Record<string, unknown> = { id: media.id };
        for (const f of topFields(fields)) {
          if (f.name === 'comments') {
            const list = this.otherComments.filter((c) => c.mediaId === media.id && !c.parent_id).sort(byTimeDesc((c) => c.timestamp));
            node.comments = { data: list.slice(0, f.limit ?? 25).map(otherCommentJson) };
          } else if (f.name in media && !['tagsUs', 'captionMentionsUs'].includes(f.name)) {
            node[f.name] = media[f.name as keyof FakeOtherMedia];
          }
        }
        return { mentioned_media: node, id: this.ig.id };
      }
      const comment = this.otherComments.find((c) => c.id === id && c.mentionsUs);
      if (key !== 'comment_id' || !comment) return invalid();
      const node: Record<string, unknown> = { id: comment.id };
      for (const f of topFields(fields)) {
        if (f.name === 'media') node.media = { id: comment.mediaId };
        else if (['text', 'timestamp', 'username'].includes(f.name)) node[f.name] = comment[f.name as 'text' | 'timestamp' | 'username'];
      }
      return { mentioned_comment: node, id: this.ig.id };
    };

    const byTimeDesc = <T>(time: (t: T) => string) => (a: T, b: T) => Date.parse(time(b)) - Date.parse(time(a));

    const edge = (id: string, name: string, url: URL): unknown => {
      if (id === this.page.id && name === 'feed') return this.paged(url, [...this.posts].sort(byTimeDesc((p) => p.created_time)));
      if (id === this.page.id && name === 'conversations') {
        const platform = url.searchParams.get('platform') ?? 'messenger';
        const list = this.conversations
          .filter((c) => c.platform === platform)
          .sort(byTimeDesc((c) => c.updated_time))
          .map((c) => ({ id: c.id, updated_time: c.updated_time }));
        return this.paged(url, list);
      }
      if (id === this.ig.id && name === 'tags') {
        const list = this.otherMedia
          .filter((m) => m.tagsUs)
          .sort(byTimeDesc((m) => m.timestamp))
          .map((m) => ({ id: m.id, caption: m.caption, username: m.username, timestamp: m.timestamp, permalink: m.permalink, media_type: m.media_type }));
        return this.paged(url, list);
      }
      if (id === this.ig.id && name === 'media') {
        const list = [...this.media].sort(byTimeDesc((m) => m.timestamp)).map((m) => ({ ...m, comments_count: this.igComments.filter((c) => c.mediaId === m.id).length }));
        return this.paged(url, list);
      }
      const post = this.posts.find((p) => p.id === id);
      const fbComment = this.fbComments.find((c) => c.id === id);
      if ((post || fbComment) && name === 'comments') {
        const stream = url.searchParams.get('filter') === 'stream';
        let list = post ? this.fbComments.filter((c) => c.postId === id && (stream || !c.parent)) : this.fbComments.filter((c) => c.parent?.id === id);
        list = [...list].sort((a, b) => Date.parse(a.created_time) - Date.parse(b.created_time));
        if (url.searchParams.get('order') === 'reverse_chronological') list.reverse();
        return this.paged(url, list.map((c) => this.commentJson(c)));
      }
      const conversation = this.conversations.find((c) => c.id === id);
      if (conversation && name === 'messages') return this.paged(url, [...conversation.messages].reverse());
      const media = this.media.find((m) => m.id === id);
      if (media && name === 'comments') {
        const top = this.igComments.filter((c) => c.mediaId === id && !c.parent_id).sort(byTimeDesc((c) => c.timestamp));
        return this.paged(url, top.map((c) => this.igCommentJson(c, true)));
      }
      const igComment = this.igComments.find((c) => c.id === id);
      if (igComment && name === 'replies') return this.paged(url, this.igComments.filter((c) => c.parent_id === id).map((c) => this.igCommentJson(c, false)));
      return null;
    };

    const unknownObject = (id: string) =>
      this.error(100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, {
        subcode: 33,
        type: 'GraphMethodException',
      });

    return [
      http.get(`${o}/:id`, async ({ request, params }) => {
        const g = await guard(request);
        if (g instanceof Response) return g;
        const found = node(String(params.id), new URL(request.url));
        if (found instanceof Response) return found;
        return found ? HttpResponse.json(found, { headers: g }) : unknownObject(String(params.id));
      }),
      http.get(`${o}/:id/:edge`, async ({ request, params }) => {
        const g = await guard(request);
        if (g instanceof Response) return g;
        const found = edge(String(params.id), String(params.edge), new URL(request.url));
        return found ? HttpResponse.json(found, { headers: g }) : unknownObject(String(params.id));
      }),
      http.post(`${o}/:id/:edge`, async ({ request, params }) => {
        const g = await guard(request);
        if (g instanceof Response) return g;
        const id = String(params.id);
        const p = await graphParams(request, new URL(request.url));
        const body = (await request.json().catch(() => ({}))) as { message?: unknown; recipient?: { id?: string }; messaging_type?: string };
        if (params.edge === 'comments') {
          const target = this.fbComments.find((c) => c.id === id);
          if (!target) return unknownObject(id);
          if (typeof body.message !== 'string' || !body.message) return this.error(100, '(#100) The parameter message is required', { type: 'OAuthException' });
          const comment = this.comment(target, { id: this.page.id, name: this.page.name }, body.message);
          return HttpResponse.json({ id: comment.id }, { headers: g });
        }
        if (params.edge === 'replies') {
          const target = this.igComments.find((c) => c.id === id);
          if (!target) return unknownObject(id);
          if (typeof body.message !== 'string' || !body.message) return this.error(100, '(#100) The parameter message is required');
          const reply = this.igComment(target, this.ig, body.message);
          return HttpResponse.json({ id: reply.id }, { headers: g });
        }
        if (params.edge === 'mentions' && id === this.ig.id) {
          const media = this.otherMedia.find((m) => m.id === p.media_id);
          if (typeof p.media_id !== 'string' || !p.media_id) return this.error(100, '(#100) The parameter media_id is required');
          if (typeof p.message !== 'string' || !p.message) return this.error(100, '(#100) The parameter message is required');
          if (!media) return unknownObject(p.media_id);
          let parent: FakeOtherComment | undefined;
          if (p.comment_id !== undefined) {
            parent = this.otherComments.find((c) => c.id === p.comment_id && c.mediaId === media.id && c.mentionsUs);
            if (!parent) return this.error(100, `(#100) Invalid parameter: comment ${String(p.comment_id)} does not mention this Instagram account on media ${media.id}`);
          } else if (!media.captionMentionsUs) {
            // Documented: commenting on photos in which the account was tagged is not supported.
            return this.error(100, `(#100) Invalid parameter: media ${media.id} does not mention this Instagram account in its caption`);
          }
          const reply: FakeOtherComment = {
            id: `17860${String(this.next()).padStart(12, '0')}`,
            mediaId: media.id,
            text: p.message,
            timestamp: graphTime(Date.now()),
            username: this.ig.username,
            from: this.ig,
            mentionsUs: false,
            ...(parent ? { parent_id: parent.id } : {}),
          };
          this.otherComments.push(reply);
          return HttpResponse.json({ id: reply.id }, { headers: g });
        }
        if (params.edge === 'messages' && id === this.page.id) {
          const text = (body as { message?: { text?: unknown } }).message?.text;
          const conversation = this.conversations.find((c) => c.with.id === body.recipient?.id);
          if (!conversation) return this.error(100, '(#100) No matching user found', { subcode: 2018001 });
          if (conversation.platform === 'messenger' && !body.messaging_type) return this.error(100, '(#100) Param messaging_type is required');
          if (typeof text !== 'string' || !text) return this.error(100, '(#100) Param message[text] must be a non-empty UTF-8 encoded string');
          const lastIn = conversation.messages.filter((m) => m.from.id === conversation.with.id).at(-1);
          if (this.windowClosed || !lastIn || Date.now() - Date.parse(lastIn.created_time) > WINDOW_MS) {
            return this.error(10, '(#10) This message is sent outside of allowed window.', { subcode: conversation.platform === 'messenger' ? 2018278 : 2534022 });
          }
          const message = this.addMessage(conversation, false, text, Date.now());
          return HttpResponse.json({ recipient_id: conversation.with.id, message_id: message.id }, { headers: g });
        }
        return this.error(100, `Unsupported post request. Object with ID '${id}' does not exist`, { subcode: 33, type: 'GraphMethodException' });
      }),
    ];
  }
}

/** A POST's Graph parameters: the query string, then a form or JSON body (later ones win). */
async function graphParams(request: Request, url: URL): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = Object.fromEntries([...url.searchParams].filter(([key]) => key !== 'access_token'));
  const text = await request.clone().text();
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) Object.assign(params, Object.fromEntries(new URLSearchParams(text)));
  else if (type.includes('application/json') && text) {
    try {
      const json = JSON.parse(text) as unknown;
      if (json && typeof json === 'object' && !Array.isArray(json)) Object.assign(params, json);
    } catch {
      // Graph answers an unreadable body with its own error; the handlers see no parameters.
    }
  }
  return params;
}
