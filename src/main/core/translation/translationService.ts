// Machine translation for a workspace: which provider (none, a LibreTranslate-compatible server,
// DeepL) with its address in the settings table and its API key in the OS keychain only;
// translations of messages cached in SQLite; drafts translated on request and never stored.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DeskError, invalidInput, notFound } from '@shared/errors';
import { primaryLanguage } from '@shared/languageTags';
import {
  isDeeplFreeKey,
  type MessageTranslation,
  type TextTranslation,
  type TranslationLanguage,
  type TranslationSettings,
  type TranslationSettingsInput,
} from '@shared/translation';
import type { EventBus } from '../events';
import type { Clock, Logger, SecretStore } from '../ports';
import type { Repos } from '../repos';
import { createDeeplProvider } from './deepl';
import { createLibreTranslateProvider, normaliseServerUrl } from './libreTranslate';
import type { TranslationProvider } from './provider';

export interface TranslationServiceDeps {
  repos: Repos;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** DeepL's address (tests point it at a local server; default: by the key, free or pro). */
  deeplBaseUrl?: string;
}

/** What the settings table holds: never the key, only which store has it. */
const storedSettingsSchema = z.object({
  provider: z.enum(['libretranslate', 'deepl']),
  url: z.string().nullable(),
  /** The keychain entry's name is per workspace: two data folders never share a key. */
  keyId: z.string(),
  keyBackend: z.string().nullable(),
  /** DeepL: a free key (":fx") or a pro one. */
  plan: z.enum(['free', 'pro']).optional(),
});
type StoredSettings = z.infer<typeof storedSettingsSchema>;

const SETTING = 'translation';
const secretKey = (keyId: string) => `translation:${keyId}`;
type Candidate = { provider: TranslationProvider; url: string | null; key: string | null };

export class TranslationService {
  private active: Promise<TranslationProvider | null> | null = null;

  constructor(private readonly deps: TranslationServiceDeps) {}

  private stored(): StoredSettings | null {
    const raw = this.deps.repos.workspace.setting(SETTING);
    if (!raw) return null;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = null;
    }
    if ((value as { provider?: unknown } | null)?.provider === 'none') return null;
    const parsed = storedSettingsSchema.safeParse(value);
    if (!parsed.success) {
      // Unreadable (damaged, or written by a newer Shiftdesk): translation is off until saved again.
      this.deps.logger.warn('translation settings unreadable: translation is off', { issue: parsed.error.issues[0]?.message });
      return null;
    }
    return parsed.data;
  }

  settings(): TranslationSettings {
    const stored = this.stored();
    if (!stored) return { provider: 'none' };
    if (stored.provider === 'libretranslate') return { provider: 'libretranslate', url: stored.url ?? '', hasApiKey: stored.keyBackend !== null };
    return { provider: 'deepl', hasApiKey: stored.keyBackend !== null, plan: stored.plan ?? 'pro' };
  }

  private async storedKey(stored: StoredSettings): Promise<string | null> {
    if (stored.keyBackend === null) return null;
    const key = await this.deps.secrets.get(secretKey(stored.keyId));
    if (key === null) throw new DeskError('TranslationAuth', 'The translation API key is no longer in the OS keychain: enter it again in the translation settings');
    return key;
  }

  private build(provider: 'libretranslate' | 'deepl', url: string | null, key: string | null): TranslationProvider {
    const options = { fetch: this.deps.fetch, timeoutMs: this.deps.timeoutMs, now: () => this.deps.clock.now() };
    if (provider === 'libretranslate') return createLibreTranslateProvider(url ?? '', key, options);
    if (!key) throw invalidInput('Enter the DeepL API key');
    return createDeeplProvider(key, { ...options, baseUrl: this.deps.deeplBaseUrl });
  }

  /** The provider these settings describe; a key left out is the one stored for the same provider. */
  private async candidate(input: Exclude<TranslationSettingsInput, { provider: 'none' }>): Promise<Candidate> {
    const current = this.stored();
    const sameProvider = current?.provider === input.provider ? current : null;
    const url = input.provider === 'libretranslate' ? normaliseServerUrl(input.url) : null;
    const removeKey = input.provider === 'libretranslate' && input.removeApiKey === true;
    const key = removeKey ? null : (input.apiKey?.trim() ?? (sameProvider ? await this.storedKey(sameProvider) : null));
    return { provider: this.build(input.provider, url, key), url, key };
  }

  /** A working provider translates: its languages, then a word into one of them. */
  private async verify(provider: TranslationProvider): Promise<TranslationLanguage[]> {
    const languages = await provider.languages();
    const probe = languages.find((l) => primaryLanguage(l.code) !== 'en') ?? languages[0];
    if (!probe) throw new DeskError('TranslationRejected', `${provider.label} offers no languages to translate into`);
    await provider.translate(['Hello'], probe.code, 'en');
    return languages;
  }

  async test(input: TranslationSettingsInput): Promise<{ languages: TranslationLanguage[] }> {
    if (input.provider === 'none') throw invalidInput('Choose a translation provider to test');
    return { languages: await this.verify((await this.candidate(input)).provider) };
  }

  /** Saves settings that work (tested first); a new key goes to the keychain, an unused one leaves it. */
  async save(input: TranslationSettingsInput): Promise<TranslationSettings> {
    const current = this.stored();
    const keyId = current?.keyId ?? randomUUID();
    let next: StoredSettings | null = null;
    if (input.provider !== 'none') {
      const candidate = await this.candidate(input);
      await this.verify(candidate.provider);
      let keyBackend = candidate.key === null ? null : (current?.keyBackend ?? null);
      if (candidate.key !== null && input.apiKey !== undefined) keyBackend = await this.deps.secrets.set(secretKey(keyId), candidate.key);
      next = { provider: input.provider, url: candidate.url, keyId, keyBackend };
      if (input.provider === 'deepl' && candidate.key) next.plan = isDeeplFreeKey(candidate.key) ? 'free' : 'pro';
    }
    this.deps.repos.workspace.setSetting(SETTING, JSON.stringify(next ?? { provider: 'none' }));
    if (current?.keyBackend && !next?.keyBackend) {
      await this.deps.secrets.delete(secretKey(current.keyId)).catch((error: unknown) => {
        this.deps.logger.warn('could not remove the translation key from the keychain', { error: String(error) });
        return false;
      });
    }
    this.active = null;
    this.deps.logger.info('translation settings saved', { provider: input.provider, url: next?.url ?? null, withKey: Boolean(next?.keyBackend) });
    this.deps.events.emit('changes', { tables: ['translation'], conversationIds: [] });
    return this.settings();
  }

  /** The configured provider (built once, with its key from the keychain). */
  private async provider(): Promise<TranslationProvider> {
    this.active ??= (async () => {
      const stored = this.stored();
      return stored ? this.build(stored.provider, stored.url, await this.storedKey(stored)) : null;
    })();
    const active = this.active;
    const provider = await active.catch((error: unknown) => {
      if (this.active === active) this.active = null;
      throw error;
    });
    if (!provider) throw new DeskError('NotAvailable', 'No translation provider is set up: choose one in the translation settings');
    return provider;
  }

  /** A message in another language, translated once per target and provider, then from the cache. */
  async translateMessage(messageId: number, target: string): Promise<MessageTranslation> {
    const provider = await this.provider();
    const { repos } = this.deps;
    const cached = repos.translations.get(messageId, target, provider.kind);
    if (cached) return cached;
    const message = repos.messages.ref(messageId);
    if (!message) throw notFound(`Message ${messageId}`);
    const [result] = await provider.translate([message.body], target);
    const translation: MessageTranslation = { messageId, target, provider: provider.kind, text: result!.text, detectedSource: result!.detectedSource, createdAt: this.deps.clock.now() };
    // The message may have gone meanwhile (its account removed): the translation is still the answer.
    if (repos.messages.ref(messageId)) repos.translations.put(translation);
    return translation;
  }

  /** A draft (or any text) translated; nothing is stored. */
  async translateText(text: string, target: string): Promise<TextTranslation> {
    const provider = await this.provider();
    const [result] = await provider.translate([text], target);
    return { text: result!.text, detectedSource: result!.detectedSource, provider: provider.kind };
  }
}
