// The translation provider port, and the one place a provider's HTTP failures become errors
// the agent can act on (bad address, bad key, quota, rate limit, malformed answer).
import { DeskError } from '@shared/errors';
import type { TranslationLanguage } from '@shared/translation';
import { ConnectorError, RateLimitError } from '../connectors/connector';

export interface TranslatedText {
  text: string;
  /** The language the provider read the original as (lower-case BCP-47), when it says. */
  detectedSource: string | null;
}

export interface TranslationProvider {
  readonly kind: 'libretranslate' | 'deepl';
  /** What the provider is called in messages ("LibreTranslate (translate.example.org)"). */
  readonly label: string;
  /** One translation per text, in order. `source` omitted: the provider detects it. */
  translate(texts: string[], target: string, source?: string): Promise<TranslatedText[]>;
  /** The languages it translates into. */
  languages(): Promise<TranslationLanguage[]>;
}

export interface ProviderOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

/** Turns what the HTTP helper threw into an error that says what to do about it. */
export function translationError(label: string, error: unknown, now: number): DeskError {
  if (error instanceof DeskError) return error;
  if (error instanceof RateLimitError) {
    const seconds = Math.max(1, Math.ceil((error.resetAt - now) / 1000));
    return new DeskError('TranslationRateLimited', `${label} asked to slow down: try again in ${seconds} s`);
  }
  if (!(error instanceof ConnectorError)) return new DeskError('TranslationFailed', `${label}: ${error instanceof Error ? error.message : String(error)}`);
  const detail = error.detail ? ` (${error.detail})` : '';
  switch (error.kind) {
    case 'auth':
      return new DeskError('TranslationAuth', `${label} refused the API key${detail}: check it in the translation settings`);
    case 'transient':
      return new DeskError('TranslationUnavailable', `${error.message}: try again later`);
    case 'malformed':
      return new DeskError('TranslationMalformed', `${error.message}: is this address a translation server?`);
    default:
      if (error.status === 403) return new DeskError('TranslationAuth', `${label} refused the API key${detail}: check it in the translation settings`);
      if (error.status === 456) return new DeskError('TranslationQuota', `${label}: the translation quota is used up${detail}`);
      if (error.status === 404 || error.status === 405) return new DeskError('TranslationRejected', `${label} has no translation service at this address (HTTP ${error.status})`);
      return new DeskError('TranslationRejected', `${label} could not translate this${detail}`);
  }
}

/** Runs a provider call, turning its failures into translation errors. */
export async function guarded<T>(label: string, now: () => number, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translationError(label, error, now());
  }
}
