import { describe, expect, it } from 'vitest';
import { missingField, storedKeyApplies, toFormValues, toSettingsInput } from './translationForm';

describe('translation settings form', () => {
  it('starts from the saved settings, never with a key', () => {
    expect(toFormValues({ provider: 'libretranslate', url: 'https://lt.example', hasApiKey: true })).toEqual({ provider: 'libretranslate', url: 'https://lt.example', apiKey: '', removeApiKey: false });
    expect(toFormValues(undefined).provider).toBe('none');
  });

  it('leaves an empty key out so the stored one is kept, and trims what is typed', () => {
    expect(toSettingsInput({ provider: 'libretranslate', url: ' lt.example ', apiKey: '  ', removeApiKey: false })).toEqual({ provider: 'libretranslate', url: 'lt.example' });
    expect(toSettingsInput({ provider: 'libretranslate', url: 'lt.example', apiKey: ' k ', removeApiKey: false })).toEqual({ provider: 'libretranslate', url: 'lt.example', apiKey: 'k' });
    expect(toSettingsInput({ provider: 'libretranslate', url: 'lt.example', apiKey: 'k', removeApiKey: true })).toEqual({ provider: 'libretranslate', url: 'lt.example', removeApiKey: true });
    expect(toSettingsInput({ provider: 'deepl', url: 'ignored', apiKey: 'abc:fx', removeApiKey: false })).toEqual({ provider: 'deepl', apiKey: 'abc:fx' });
    expect(toSettingsInput({ provider: 'none', url: 'x', apiKey: 'y', removeApiKey: false })).toEqual({ provider: 'none' });
  });

  it('asks for the address, and for a DeepL key unless one is stored for DeepL', () => {
    const deepl = { provider: 'deepl' as const, hasApiKey: true, plan: 'free' as const };
    expect(missingField({ provider: 'libretranslate', url: ' ', apiKey: '', removeApiKey: false }, undefined)).toEqual({ field: 'url', message: 'urlRequired' });
    expect(missingField({ provider: 'deepl', url: '', apiKey: '', removeApiKey: false }, undefined)).toEqual({ field: 'apiKey', message: 'keyRequired' });
    expect(missingField({ provider: 'deepl', url: '', apiKey: '', removeApiKey: false }, deepl)).toBeNull();
    expect(storedKeyApplies({ provider: 'libretranslate', url: '', apiKey: '', removeApiKey: false }, deepl)).toBe(false);
  });
});
