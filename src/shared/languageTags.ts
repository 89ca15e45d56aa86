// Language tags as the desk stores and accepts them (BCP-47: "en", "pt-BR", "zh-Hant"): one
// pattern for the contract, queue ids, canned-response variants and translation targets, and
// the one way to compare two tags by language.
import { z } from 'zod';

export const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

export const languageTagSchema = z
  .string()
  .trim()
  .max(35)
  .regex(LANGUAGE_TAG_PATTERN, { error: (iss) => `language '${String(iss.input)}' is not a language tag such as en or pt-BR` });

/** The language without region or script: 'pt-BR' → 'pt'. */
export const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/** Same language, whatever the region or script ('pt-BR' and 'pt-PT'). */
export const sameLanguage = (a: string, b: string): boolean => primaryLanguage(a) === primaryLanguage(b);

/**
 * A detected language (a primary subtag: one queue per language) with the region or script the
 * customer's profile gives the same language: 'pt' + profile 'pt-BR' → 'pt-BR', so a reply can
 * follow pt-BR → pt → en. Another language in the profile does not override what they wrote.
 */
export const withProfileRegion = (detected: string | null, profile: string | null): string | null =>
  detected && profile && sameLanguage(detected, profile) ? profile : (detected ?? profile);
