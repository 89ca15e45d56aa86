// HTTP for connectors: timeouts, and every failure turned into the connector's typed errors
// (auth, rate limit with the platform's reset time, transient, rejected, malformed).
import type { z } from 'zod';
import { AuthError, MalformedPayloadError, RateLimitError, RejectedError, TransientError, type ConnectorError } from './connector';

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as an HTML form (application/x-www-form-urlencoded), as OAuth token endpoints expect. */
  form?: Record<string, string>;
  timeoutMs?: number;
}

export interface HttpResult<T> {
  data: T;
  headers: Headers;
}

/** Reads when a rate limit lifts (UTC ms) from a platform's headers, or null. */
export type ResetReader = (headers: Headers, now: number) => number | null;

export interface HttpClientOptions {
  /** What the platform is called in messages the agent reads ("Mastodon (mastodon.social)"). */
  label: string;
  resetAt: ResetReader;
  fetch?: typeof fetch;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** When a 429 says nothing about its reset, wait this long. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/** Retry-After as seconds or an HTTP date. */
export function retryAfter(headers: Headers, now: number): number | null {
  const value = headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return now + seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date;
}

/** A refused request's reason in the platform's own words (e.g. OAuth's error_description). */
function withDetail<E extends ConnectorError>(error: E, detail: string): E {
  error.detail = detail;
  return error;
}

async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown; detail?: unknown; message?: unknown };
    const detail = body.error_description ?? body.detail ?? body.message ?? body.error;
    if (typeof detail === 'string') return detail.slice(0, 300);
    if (detail && typeof detail === 'object' && typeof (detail as { message?: unknown }).message === 'string') {
      return (detail as { message: string }).message.slice(0, 300);
    }
  } catch {
    // Not JSON.
  }
  return text.slice(0, 200) || response.statusText;
}

export function createHttpClient(options: HttpClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;

  return async function request<S extends z.ZodType>(req: HttpRequest, schema: S): Promise<HttpResult<z.output<S>>> {
    let response: Response;
    try {
      const contentType = req.json !== undefined ? 'application/json' : req.form !== undefined ? 'application/x-www-form-urlencoded' : null;
      response = await doFetch(req.url, {
        method: req.method ?? 'GET',
        headers: { Accept: 'application/json', ...(contentType ? { 'Content-Type': contentType } : {}), ...req.headers },
        body: req.json !== undefined ? JSON.stringify(req.json) : req.form !== undefined ? new URLSearchParams(req.form).toString() : undefined,
        signal: AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new TransientError(`Cannot reach ${options.label}${timedOut ? ' (timed out)' : ''}`);
    }
    const { status, headers } = response;
    if (status === 429) {
      const at = options.resetAt(headers, now()) ?? retryAfter(headers, now()) ?? now() + DEFAULT_RATE_LIMIT_WAIT_MS;
      throw new RateLimitError(`${options.label} asked to slow down until ${new Date(at).toISOString()}`, at);
    }
    if (status === 401) {
      const detail = await errorDetail(response);
      throw withDetail(new AuthError(`${options.label} refused the credentials: ${detail}`), detail);
    }
    if (status >= 500 || status === 408) throw new TransientError(`${options.label} is having trouble (HTTP ${status})`);
    if (status >= 400) {
      const detail = await errorDetail(response);
      const rejected = withDetail(new RejectedError(`${options.label} refused the request (HTTP ${status}): ${detail}`), detail);
      rejected.status = status;
      throw rejected;
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new MalformedPayloadError(`${options.label} sent a response that is not JSON`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MalformedPayloadError(`${options.label} sent an unexpected payload (${issue?.path.join('.') || 'body'}: ${issue?.message})`);
    }
    return { data: parsed.data, headers };
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;
