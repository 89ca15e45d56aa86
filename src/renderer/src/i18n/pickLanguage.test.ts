import { describe, expect, it } from 'vitest';
import { pickLanguage } from './pickLanguage';

describe('pickLanguage', () => {
  it('keeps the region of a supported language', () => {
    expect(pickLanguage(['en-GB', 'de'], ['en'])).toBe('en-GB');
    expect(pickLanguage(['en-us'], ['en'])).toBe('en-US');
  });

  it('takes the first preferred language that has strings', () => {
    expect(pickLanguage(['lv', 'ar-EG', 'en'], ['en', 'ar'])).toBe('ar-EG');
  });

  it('falls back to English', () => {
    expect(pickLanguage(['ja-JP'], ['en'])).toBe('en');
    expect(pickLanguage([], ['en'])).toBe('en');
    expect(pickLanguage(['not a tag!'], ['en'])).toBe('en');
  });
});
