// A LibreTranslate-compatible server (self-hosted or libretranslate.com): POST /translate,
// GET /languages, errors as {error}. https://libretranslate.com/docs
import { z } from 'zod';
import { invalidInput } from '@shared/errors';
import { primaryLanguage } from '@shared/languageTags';
import { createHttpClient } from '../connectors/http';
import { guarded, type ProviderOptions, type TranslationProvider } from './provider';

const translateResponse = z.object({
  translatedText: z.string(),
  detectedLanguage: z.object({ language: z.string(), confidence: z.number().optional() }).optional(),
});
const languagesResponse = z.array(z.object({ code: z.string(), name: z.string() }));

/**
 * The server's address as typed ("translate.example.org", "http://10.0.0.5:5000/lt/"), as a
 * base URL without a trailing slash; https when no scheme is given.
 */
export function normaliseServerUrl(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw invalidInput(`"${text.slice(0, 100)}" is not a web address: enter one such as https://translate.example.org`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidInput('The translation server address must start with https:// or http://');
  if (url.username || url.password) throw invalidInput('Put the API key in its own field, not in the address');
  if (url.search || url.hash) throw invalidInput('Enter the server address without a query or fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** This computer or the local network: where plain http is an acceptable risk for a self-hosted server. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.local') ||
    host === '::1' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    /^f[cd][0-9a-f]{2}:/.test(host)
  );
}

export function createLibreTranslateProvider(serverUrl: string, apiKey: string | null, options: ProviderOptions = {}): TranslationProvider {
  const base = normaliseServerUrl(serverUrl);
  const { protocol, hostname } = new URL(base);
  if (apiKey && protocol === 'http:' && !isLocalHost(hostname)) {
    throw invalidInput('An API key is sent only over https:// (or over http:// to a server on this computer or the local network)');
  }
  const label = `LibreTranslate (${new URL(base).host})`;
  const now = options.now ?? Date.now;
  const request = createHttpClient({ label, resetAt: () => null, fetch: options.fetch, now });
  const key = apiKey ? { api_key: apiKey } : {};

  return {
    kind: 'libretranslate',
    label,
    translate: (texts, target, source) =>
      guarded(label, now, async () => {
        const results = [];
        // One request per text: every server version answers a single q with its detected language.
        for (const q of texts) {
          const { data } = await request(
            {
              method: 'POST',
              url: `${base}/translate`,
              json: { q, source: source ? primaryLanguage(source) : 'auto', target: primaryLanguage(target), format: 'text', ...key },
              timeoutMs: options.timeoutMs,
            },
            translateResponse,
          );
          results.push({ text: data.translatedText, detectedSource: data.detectedLanguage?.language.toLowerCase() ?? null });
        }
        return results;
      }),
    languages: () =>
      guarded(label, now, async () => {
        const { data } = await request({ url: `${base}/languages`, timeoutMs: options.timeoutMs }, languagesResponse);
        return data.map((l) => ({ code: l.code, name: l.name }));
      }),
  };
}
