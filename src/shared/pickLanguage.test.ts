import { describe, expect, it } from 'vitest';
import { localeFileLanguage, pickLanguage, resourceLanguage, uiLanguage } from './pickLanguage';

const ALL = ['en', 'ml', 'gu', 'bn', 'te', 'lv', 'es', 'pt-BR', 'de', 'fr', 'ja', 'ar'];

describe('pickLanguage', () => {
  it('keeps the region of a supported language', () => {
    expect(pickLanguage(['en-GB', 'de'], ['en'])).toBe('en-GB');
    expect(pickLanguage(['en-us'], ['en'])).toBe('en-US');
  });

  it('takes the first preferred language that has strings', () => {
    expect(pickLanguage(['lv', 'ar-EG', 'en'], ['en', 'ar'])).toBe('ar-EG');
    expect(pickLanguage(['zh-CN', 'ja-JP', 'en'], ALL)).toBe('ja-JP');
  });

  it('matches a language whose strings exist for another region', () => {
    expect(pickLanguage(['pt-PT'], ALL)).toBe('pt-PT');
    expect(pickLanguage(['pt'], ALL)).toBe('pt');
  });

  it('falls back to English', () => {
    expect(pickLanguage(['ja-JP'], ['en'])).toBe('en');
    expect(pickLanguage([], ['en'])).toBe('en');
    expect(pickLanguage(['not a tag!'], ['en'])).toBe('en');
  });
});

describe('resourceLanguage', () => {
  it('reads the exact locale, the bare language, another region, or English', () => {
    expect(resourceLanguage('pt-BR', ALL)).toBe('pt-BR');
    expect(resourceLanguage('en-GB', ALL)).toBe('en');
    expect(resourceLanguage('ar-EG', ALL)).toBe('ar');
    expect(resourceLanguage('pt-PT', ALL)).toBe('pt-BR');
    expect(resourceLanguage('pt', ALL)).toBe('pt-BR');
    expect(resourceLanguage('ml', ['en'])).toBe('en');
    expect(resourceLanguage('zh', ALL)).toBe('en');
  });
});

describe('uiLanguage', () => {
  it('follows the system when the agent chose nothing', () => {
    expect(uiLanguage(null, ['fr-CA', 'en'], ALL)).toBe('fr-CA');
    expect(uiLanguage(null, ['ko'], ALL)).toBe('en');
  });

  it("uses the agent's choice, with the system's region for that language", () => {
    expect(uiLanguage('ar', ['fr-FR'], ALL)).toBe('ar');
    expect(uiLanguage('en', ['de-DE', 'en-GB'], ALL)).toBe('en-GB');
    expect(uiLanguage('pt-BR', ['pt-PT'], ALL)).toBe('pt-BR');
  });

  it('keeps a choice whose strings are missing, so English words show with its formats', () => {
    expect(uiLanguage('ml', [], ['en'])).toBe('ml');
    expect(resourceLanguage(uiLanguage('ml', [], ['en']), ['en'])).toBe('en');
  });
});

describe('localeFileLanguage', () => {
  it('names the language of a locale file', () => {
    expect(localeFileLanguage('/src/shared/locales/pt-BR.json')).toBe('pt-BR');
    expect(localeFileLanguage('../../shared/locales/ar.json')).toBe('ar');
  });
});
