import { describe, expect, it } from 'vitest';
import { emptyBrandVoice, type BrandVoiceGuidelines } from '@shared/cannedResponses';
import { brandVoiceToValues, firstBrandVoiceError, lines, newSlang, validateBrandVoice, valuesToBrandVoice, type BrandVoiceValues } from './brandVoiceForm';

const guidelines: BrandVoiceGuidelines = {
  bannedPhrases: ['no problem', 'asap'],
  requiredSignOff: '^Ana',
  slangAndIdioms: { en: ['piece of cake'], 'pt-BR': ['de boa', 'beleza'] },
  toneHints: ['Warm', 'Short sentences'],
};

describe('brand-voice form values', () => {
  it('round-trips guidelines through the form unchanged, and empty ones too', () => {
    const values = brandVoiceToValues(guidelines);
    expect(values.bannedPhrases).toBe('no problem\nasap');
    expect(validateBrandVoice(values)).toEqual({});
    expect(valuesToBrandVoice(values)).toEqual(guidelines);
    expect(valuesToBrandVoice(brandVoiceToValues(emptyBrandVoice()))).toEqual(emptyBrandVoice());
  });

  it('reads one entry per line, blank lines and repeats dropped', () => {
    expect(lines(' a \r\n\nb\na\n ')).toEqual(['a', 'b']);
  });

  it('says what is wrong per field', () => {
    const values: BrandVoiceValues = {
      bannedPhrases: 'x'.repeat(201),
      requiredSignOff: 'y'.repeat(201),
      toneHints: Array.from({ length: 51 }, (_, i) => `hint ${i}`).join('\n'),
      slang: [newSlang('', 'a'), newSlang('en', ''), newSlang('EN', 'b'), newSlang('english!', 'c')],
    };
    const errors = validateBrandVoice(values);
    expect(errors).toEqual({
      bannedPhrases: 'phraseTooLong',
      requiredSignOff: 'signOffTooLong',
      toneHints: 'tooManyHints',
      'slang.0.language': 'languageRequired',
      'slang.1.phrases': 'phrasesRequired',
      'slang.2.language': 'languageTwice',
      'slang.3.language': 'languageInvalid',
    });
    expect(firstBrandVoiceError(values, errors)).toBe('bannedPhrases');
  });
});
