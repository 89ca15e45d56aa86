// A LibreTranslate-compatible server and the DeepL API v2 on 127.0.0.1, from their documented
// endpoints, for the provider tests and the end-to-end test (the real services cannot be
// reached here). Known phrases translate for real; anything else comes back tagged
// "[target] text". `mode` makes the next answers fail as the real services do.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeMode = 'ok' | 'quota' | 'rate-limit' | 'malformed' | 'slow' | 'server-error' | 'not-json';

export interface Phrase {
  lang: string;
  text: string;
  translations: Record<string, string>;
}

/** Customer messages and replies the fake knows in several languages. */
export const PHRASES: Phrase[] = [
  { lang: 'pt', text: 'Olá, meu voo foi cancelado e ninguém me responde.', translations: { en: 'Hello, my flight was cancelled and nobody answers me.' } },
  { lang: 'en', text: 'We are sorry: we have rebooked you on the next flight.', translations: { pt: 'Lamentamos: remarcamos você no próximo voo.', de: 'Es tut uns leid: Wir haben Sie auf den nächsten Flug umgebucht.' } },
  { lang: 'de', text: 'Mein Koffer ist nicht angekommen.', translations: { en: 'My suitcase has not arrived.' } },
  { lang: 'en', text: 'Hello', translations: { de: 'Hallo', es: 'Hola', pt: 'Olá' } },
];

const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'German' },
  { code: 'es', name: 'Spanish' },
  { code: 'pt', name: 'Portuguese' },
  { code: 'fr', name: 'French' },
  { code: 'ja', name: 'Japanese' },
  { code: 'ar', name: 'Arabic' },
  { code: 'lv', name: 'Latvian' },
  { code: 'bn', name: 'Bengali' },
  { code: 'gu', name: 'Gujarati' },
  { code: 'ml', name: 'Malayalam' },
  { code: 'te', name: 'Telugu' },
];
const DEEPL_TARGETS = [
  { language: 'DE', name: 'German' },
  { language: 'EN-GB', name: 'English (British)' },
  { language: 'EN-US', name: 'English (American)' },
  { language: 'PT-BR', name: 'Portuguese (Brazilian)' },
  { language: 'PT-PT', name: 'Portuguese (European)' },
];

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

function translateWith(phrases: readonly Phrase[], text: string, target: string): { text: string; detected: string } {
  const phrase = phrases.find((p) => p.text === text.trim());
  const lang = target.split('-')[0]!.toLowerCase();
  if (!phrase) return { text: `[${lang}] ${text}`, detected: 'en' };
  return { text: phrase.lang === lang ? text : (phrase.translations[lang] ?? `[${lang}] ${text}`), detected: phrase.lang };
}

export class TranslationFake {
  /** LibreTranslate: null accepts any request; DeepL always needs this key. */
  libreApiKey: string | null = null;
  deeplKey = 'deepl-key-123:fx';
  mode: FakeMode = 'ok';
  retryAfterSeconds = 30;
  readonly requests: RecordedRequest[] = [];
  /** What it translates for real (a test may teach it a message it is about to see). */
  readonly phrases: Phrase[] = [...PHRASES];
  private server: Server | null = null;
  url = '';

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res).catch((error: unknown) => res.writeHead(500).end(String(error))));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.url;
  }

  close(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  /** Requests that asked for a translation (not the language lists). */
  translations(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/translate'));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      return json(res, 400, { error: 'Invalid request: body is not JSON' });
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, body });
    if (this.mode === 'slow') await new Promise((r) => setTimeout(r, 3000));
    if (this.mode === 'server-error') return json(res, 500, { error: 'Translation engine crashed' });
    if (this.mode === 'not-json') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>It works!</html>');
    if (url.pathname.startsWith('/v2/')) return this.deepl(req, res, url, body);
    return this.libre(req, res, url, body);
  }

  private libre(req: IncomingMessage, res: ServerResponse, url: URL, body: unknown) {
    if (req.method === 'GET' && url.pathname === '/languages') {
      return json(res, 200, LANGUAGES.map((l) => ({ ...l, targets: LANGUAGES.map((t) => t.code) })));
    }
    if (req.method !== 'POST' || url.pathname !== '/translate') return json(res, 404, { error: 'Not Found' });
    const input = body as { q?: unknown; source?: unknown; target?: unknown; format?: unknown; api_key?: unknown };
    if (this.libreApiKey !== null && input.api_key !== this.libreApiKey) {
      return json(res, 403, { error: 'Invalid API key' });
    }
    if (this.mode === 'rate-limit') return json(res, 429, { error: 'Slowdown: 1 per 1 second' }, { 'Retry-After': String(this.retryAfterSeconds) });
    if (this.mode === 'quota') return json(res, 403, { error: 'Too many request limits violations' });
    if (typeof input.q !== 'string' || typeof input.target !== 'string') return json(res, 400, { error: 'Invalid request: missing q or target parameter' });
    if (!LANGUAGES.some((l) => l.code === input.target)) return json(res, 400, { error: `${String(input.target)} is not supported` });
    if (this.mode === 'malformed') return json(res, 200, { translation: input.q });
    const { text, detected } = translateWith(this.phrases, input.q, input.target);
    return json(res, 200, input.source === 'auto' ? { translatedText: text, detectedLanguage: { confidence: 90, language: detected } } : { translatedText: text });
  }

  private deepl(req: IncomingMessage, res: ServerResponse, url: URL, body: unknown) {
    if (req.headers.authorization !== `DeepL-Auth-Key ${this.deeplKey}`) return json(res, 403, { message: 'Wrong endpoint. Use https://api.deepl.com' });
    if (this.mode === 'quota') return json(res, 456, { message: 'Quota exceeded' });
    if (this.mode === 'rate-limit') return json(res, 429, { message: 'Too many requests' }, { 'Retry-After': String(this.retryAfterSeconds) });
    if (req.method === 'GET' && url.pathname === '/v2/languages') return json(res, 200, url.searchParams.get('type') === 'target' ? DEEPL_TARGETS : LANGUAGES.map((l) => ({ language: l.code.toUpperCase(), name: l.name })));
    if (req.method !== 'POST' || url.pathname !== '/v2/translate') return json(res, 404, { message: 'Not found' });
    const input = body as { text?: unknown; target_lang?: unknown; source_lang?: unknown };
    if (!Array.isArray(input.text) || typeof input.target_lang !== 'string') return json(res, 400, { message: "Value for 'target_lang' not supported." });
    if (!DEEPL_TARGETS.some((t) => t.language === input.target_lang) && input.target_lang !== 'ES') return json(res, 400, { message: "Value for 'target_lang' not supported." });
    if (this.mode === 'malformed') return json(res, 200, { translations: [] });
    return json(res, 200, {
      translations: (input.text as string[]).map((t) => {
        const { text, detected } = translateWith(this.phrases, t, input.target_lang as string);
        return { detected_source_language: detected.toUpperCase(), text };
      }),
    });
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}
