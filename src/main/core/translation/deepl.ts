// DeepL API v2: POST /v2/translate, GET /v2/languages?type=target, the key in the
// Authorization header; free keys (ending ":fx") on api-free.deepl.com. 403 bad key, 456 quota
// used up, 429 too many requests (Retry-After). https://developers.deepl.com/docs
import { z } from 'zod';
import { isDeeplFreeKey } from '@shared/translation';
import { MalformedPayloadError } from '../connectors/connector';
import { createHttpClient } from '../connectors/http';
import { guarded, type ProviderOptions, type TranslationProvider } from './provider';

const translateResponse = z.object({
  translations: z.array(z.object({ detected_source_language: z.string().optional(), text: z.string() })),
});
const languagesResponse = z.array(z.object({ language: z.string(), name: z.string() }));

export const DEEPL_FREE_URL = 'https://api-free.deepl.com';
export const DEEPL_PRO_URL = 'https://api.deepl.com';

const ENGLISH_GB = new Set(['gb', 'uk', 'ie', 'au', 'nz', 'za', 'in']);
const CHINESE_TRADITIONAL = new Set(['hant', 'tw', 'hk', 'mo']);

/** A BCP-47 tag as a DeepL target language: en-GB → EN-GB, en → EN-US, pt → PT-PT, zh-TW → ZH-HANT. */
export function deeplTarget(tag: string): string {
  const [first = '', ...rest] = tag.toLowerCase().split('-');
  const sub = new Set(rest);
  switch (first) {
    case 'en':
      return [...sub].some((s) => ENGLISH_GB.has(s)) ? 'EN-GB' : 'EN-US';
    case 'pt':
      return sub.has('br') ? 'PT-BR' : 'PT-PT';
    case 'zh':
      return [...sub].some((s) => CHINESE_TRADITIONAL.has(s)) ? 'ZH-HANT' : 'ZH-HANS';
    case 'no':
    case 'nn':
      return 'NB';
    default:
      return first.toUpperCase();
  }
}

/** Source languages are DeepL's plain codes (EN, PT, ZH). */
export const deeplSource = (tag: string) => (deeplTarget(tag) === 'NB' ? 'NB' : tag.split('-')[0]!.toUpperCase());

export function createDeeplProvider(apiKey: string, options: ProviderOptions & { baseUrl?: string } = {}): TranslationProvider {
  const base = options.baseUrl ?? (isDeeplFreeKey(apiKey) ? DEEPL_FREE_URL : DEEPL_PRO_URL);
  const label = isDeeplFreeKey(apiKey) ? 'DeepL API Free' : 'DeepL API Pro';
  const now = options.now ?? Date.now;
  const request = createHttpClient({ label, resetAt: () => null, fetch: options.fetch, now });
  const headers = { Authorization: `DeepL-Auth-Key ${apiKey}` };

  return {
    kind: 'deepl',
    label,
    translate: (texts, target, source) =>
      guarded(label, now, async () => {
        const { data } = await request(
          {
            method: 'POST',
            url: `${base}/v2/translate`,
            headers,
            json: { text: texts, target_lang: deeplTarget(target), ...(source ? { source_lang: deeplSource(source) } : {}) },
            timeoutMs: options.timeoutMs,
          },
          translateResponse,
        );
        if (data.translations.length !== texts.length) {
          throw new MalformedPayloadError(`${label} sent ${data.translations.length} translations for ${texts.length} texts`);
        }
        return data.translations.map((t) => ({ text: t.text, detectedSource: t.detected_source_language?.toLowerCase() ?? null }));
      }),
    languages: () =>
      guarded(label, now, async () => {
        const { data } = await request({ url: `${base}/v2/languages?type=target`, headers, timeoutMs: options.timeoutMs }, languagesResponse);
        return data.map((l) => ({ code: l.language, name: l.name }));
      }),
  };
}
