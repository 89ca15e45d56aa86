// Machine translation: the provider settings of a workspace (none, a LibreTranslate-compatible
// server, or DeepL), what crosses the contract, and how languages are compared.
import { z } from 'zod';


export const TRANSLATION_PROVIDERS = ['none', 'libretranslate', 'deepl'] as const;
export type TranslationProviderKind = (typeof TRANSLATION_PROVIDERS)[number];

/**
 * An API key typed in the settings: goes to the OS keychain only. Left out, the key already
 * stored is kept.
 */
const apiKey = z.string().trim().min(1, 'Enter the API key').max(500, 'That is too long for an API key');

/** What the agent saves (or tests) in the translation settings. */
export const translationSettingsInputSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('none') }).strict(),
  z
    .object({
      provider: z.literal('libretranslate'),
      url: z.string().trim().min(1, 'Enter the address of the LibreTranslate server').max(500),
      apiKey: apiKey.optional(),
      /** Forget the stored key (a server that needs none). */
      removeApiKey: z.boolean().optional(),
    })
    .strict(),
  z.object({ provider: z.literal('deepl'), apiKey: apiKey.optional() }).strict(),
]);
export type TranslationSettingsInput = z.input<typeof translationSettingsInputSchema>;

/** The settings as the renderer sees them: never the key itself, only whether one is stored. */
export type TranslationSettings =
  | { provider: 'none' }
  | { provider: 'libretranslate'; url: string; hasApiKey: boolean }
  | { provider: 'deepl'; hasApiKey: boolean; plan: 'free' | 'pro' };

export interface TranslationLanguage {
  code: string;
  name: string;
}

export interface TextTranslation {
  text: string;
  /** The language the provider read the original as, when it says (lower-case BCP-47). */
  detectedSource: string | null;
  provider: Exclude<TranslationProviderKind, 'none'>;
}

export interface MessageTranslation extends TextTranslation {
  messageId: number;
  target: string;
  createdAt: number;
}

/** DeepL's free API keys end in ":fx"; they are served by api-free.deepl.com. */
export const isDeeplFreeKey = (key: string) => key.trim().endsWith(':fx');

/** "pt-BR" → "pt". */

/** Whether two tags name the same language (regional variants count as the same). */
