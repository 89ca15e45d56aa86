// The LibreTranslate and DeepL providers against a local server that implements their
// documented endpoints (test/support/fakes/translationFake.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TranslationFake } from '../../../../test/support/fakes/translationFake';
import { createDeeplProvider, deeplSource, deeplTarget } from './deepl';
import { createLibreTranslateProvider, normaliseServerUrl } from './libreTranslate';

const fake = new TranslationFake();
const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);
const options = { timeoutMs: 300, now: () => NOW };

beforeAll(() => fake.start());
afterAll(() => fake.close());
beforeEach(() => {
  fake.mode = 'ok';
  fake.libreApiKey = null;
  fake.requests.length = 0;
});

describe('LibreTranslate provider', () => {
  it('translates with auto-detection and reports the detected language', async () => {
    const provider = createLibreTranslateProvider(fake.url, null, options);
    await expect(provider.translate(['Olá, meu voo foi cancelado e ninguém me responde.'], 'en-GB')).resolves.toEqual([
      { text: 'Hello, my flight was cancelled and nobody answers me.', detectedSource: 'pt' },
    ]);
    expect(fake.translations()[0]!.body).toEqual({ q: 'Olá, meu voo foi cancelado e ninguém me responde.', source: 'auto', target: 'en', format: 'text' });
  });

  it('sends a given source, the API key, and one request per text', async () => {
    fake.libreApiKey = 'lt-key';
    const provider = createLibreTranslateProvider(`${fake.url}/`, 'lt-key', options);
    const result = await provider.translate(['Hello', 'We are sorry: we have rebooked you on the next flight.'], 'de', 'en-US');
    expect(result.map((r) => r.text)).toEqual(['Hallo', 'Es tut uns leid: Wir haben Sie auf den nächsten Flug umgebucht.']);
    expect(result[0]!.detectedSource).toBeNull();
    expect(fake.translations().map((r) => r.body)).toEqual([
      { q: 'Hello', source: 'en', target: 'de', format: 'text', api_key: 'lt-key' },
      { q: 'We are sorry: we have rebooked you on the next flight.', source: 'en', target: 'de', format: 'text', api_key: 'lt-key' },
    ]);
  });

  it('lists the languages it translates into', async () => {
    const languages = await createLibreTranslateProvider(fake.url, null, options).languages();
    expect(languages).toContainEqual({ code: 'pt', name: 'Portuguese' });
  });

  it('says the key was refused (403), in the server’s words', async () => {
    fake.libreApiKey = 'right';
    await expect(createLibreTranslateProvider(fake.url, 'wrong', options).translate(['Hello'], 'de')).rejects.toMatchObject({
      name: 'TranslationAuth',
      message: expect.stringMatching(/refused the API key \(Invalid API key\)/),
    });
  });

  it('says when to try again after a 429 with Retry-After', async () => {
    fake.mode = 'rate-limit';
    fake.retryAfterSeconds = 42;
    await expect(createLibreTranslateProvider(fake.url, null, options).translate(['Hello'], 'de')).rejects.toMatchObject({
      name: 'TranslationRateLimited',
      message: expect.stringMatching(/slow down: try again in 42 s/),
    });
  });

  it('refuses an unsupported language (400) with the server’s reason', async () => {
    await expect(createLibreTranslateProvider(fake.url, null, options).translate(['Hello'], 'ko')).rejects.toMatchObject({
      name: 'TranslationRejected',
      message: expect.stringMatching(/ko is not supported/),
    });
  });

  it('reports a malformed answer, an answer that is not JSON, a server error and a timeout', async () => {
    const provider = createLibreTranslateProvider(fake.url, null, options);
    fake.mode = 'malformed';
    await expect(provider.translate(['Hello'], 'de')).rejects.toMatchObject({ name: 'TranslationMalformed', message: /unexpected payload \(translatedText/ });
    fake.mode = 'not-json';
    await expect(provider.translate(['Hello'], 'de')).rejects.toMatchObject({ name: 'TranslationMalformed', message: /not JSON.*translation server\?/ });
    fake.mode = 'server-error';
    await expect(provider.translate(['Hello'], 'de')).rejects.toMatchObject({ name: 'TranslationUnavailable', message: /HTTP 500/ });
    fake.mode = 'slow';
    await expect(provider.translate(['Hello'], 'de')).rejects.toMatchObject({ name: 'TranslationUnavailable', message: /timed out/ });
  });

  it('says when nothing translates at the address', async () => {
    await expect(createLibreTranslateProvider(`${fake.url}/nothing-here`, null, options).translate(['Hello'], 'de')).rejects.toMatchObject({
      name: 'TranslationRejected',
      message: /no translation service at this address \(HTTP 404\)/,
    });
    await expect(createLibreTranslateProvider('http://127.0.0.1:1', null, options).languages()).rejects.toMatchObject({ name: 'TranslationUnavailable', message: /Cannot reach/ });
  });

  it('normalises the address, and refuses one that is not a web address', () => {
    expect(normaliseServerUrl(' translate.example.org/ ')).toBe('https://translate.example.org');
    expect(normaliseServerUrl('http://10.0.0.5:5000/lt//')).toBe('http://10.0.0.5:5000/lt');
    // A key never travels in clear text over the internet; a server on the local network may use http.
    expect(() => createLibreTranslateProvider('http://translate.example.org', 'secret-key')).toThrow(/only over https/);
    expect(() => createLibreTranslateProvider('http://192.168.1.20:5000', 'secret-key')).not.toThrow();
    expect(() => createLibreTranslateProvider('http://translate.example.org', null)).not.toThrow();
    expect(() => normaliseServerUrl('ftp://example.org')).toThrow(/https:\/\/ or http:\/\//);
    expect(() => normaliseServerUrl('http://exa mple')).toThrow(/not a web address/);
    expect(() => normaliseServerUrl('https://user:key@example.org')).toThrow(/API key in its own field/);
    expect(() => normaliseServerUrl('https://example.org/?api_key=1')).toThrow(/without a query/);
  });
});

describe('DeepL provider', () => {
  const deepl = (key = fake.deeplKey) => createDeeplProvider(key, { ...options, baseUrl: fake.url });

  it('translates a batch with the key in the Authorization header and BCP-47 tags mapped', async () => {
    const result = await deepl().translate(['Olá, meu voo foi cancelado e ninguém me responde.', 'Mein Koffer ist nicht angekommen.'], 'en');
    expect(result).toEqual([
      { text: 'Hello, my flight was cancelled and nobody answers me.', detectedSource: 'pt' },
      { text: 'My suitcase has not arrived.', detectedSource: 'de' },
    ]);
    const [request] = fake.translations();
    expect(request!.headers.authorization).toBe(`DeepL-Auth-Key ${fake.deeplKey}`);
    expect(request!.body).toEqual({ text: ['Olá, meu voo foi cancelado e ninguém me responde.', 'Mein Koffer ist nicht angekommen.'], target_lang: 'EN-US' });
    await deepl().translate(['Hello'], 'pt-BR', 'en-GB');
    expect(fake.translations()[1]!.body).toEqual({ text: ['Hello'], target_lang: 'PT-BR', source_lang: 'EN' });
  });

  it('maps tags to DeepL’s codes', () => {
    expect(['en', 'en-GB', 'en-US', 'pt', 'pt-BR', 'zh', 'zh-TW', 'zh-Hant', 'de-AT', 'nb', 'no'].map(deeplTarget)).toEqual([
      'EN-US', 'EN-GB', 'EN-US', 'PT-PT', 'PT-BR', 'ZH-HANS', 'ZH-HANT', 'ZH-HANT', 'DE', 'NB', 'NB',
    ]);
    expect(['en-GB', 'pt-BR', 'zh-Hant', 'no'].map(deeplSource)).toEqual(['EN', 'PT', 'ZH', 'NB']);
  });

  it('lists target languages', async () => {
    await expect(deepl().languages()).resolves.toContainEqual({ code: 'PT-BR', name: 'Portuguese (Brazilian)' });
    expect(fake.requests[0]!.path).toBe('/v2/languages?type=target');
  });

  it('picks the free or pro endpoint by the key', () => {
    expect(createDeeplProvider('abc:fx').label).toBe('DeepL API Free');
    expect(createDeeplProvider('abc').label).toBe('DeepL API Pro');
  });

  it('tells a bad key (403), a used-up quota (456) and a rate limit (429 Retry-After) apart', async () => {
    await expect(deepl('wrong').translate(['Hello'], 'de')).rejects.toMatchObject({ name: 'TranslationAuth', message: /refused the API key/ });
    fake.mode = 'quota';
    await expect(deepl().translate(['Hello'], 'de')).rejects.toMatchObject({ name: 'TranslationQuota', message: /quota is used up \(Quota exceeded\)/ });
    fake.mode = 'rate-limit';
    fake.retryAfterSeconds = 5;
    await expect(deepl().translate(['Hello'], 'de')).rejects.toMatchObject({ name: 'TranslationRateLimited', message: /try again in 5 s/ });
  });

  it('reports a malformed answer and a timeout', async () => {
    fake.mode = 'malformed';
    await expect(deepl().translate(['Hello'], 'de')).rejects.toMatchObject({ name: 'TranslationMalformed', message: /0 translations for 1 texts/ });
    fake.mode = 'slow';
    await expect(deepl().translate(['Hello'], 'de')).rejects.toMatchObject({ name: 'TranslationUnavailable', message: /timed out/ });
  });
});
