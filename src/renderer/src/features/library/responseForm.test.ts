import { describe, expect, it } from 'vitest';
import { cannedResponseSchema, type CannedResponse } from '@shared/cannedResponses';
import { valuesToDraft, emptyResponseValues, firstResponseError, newVariant, normalizeFolder, responseToValues, validateResponse, valuesToResponse, type ResponseValues } from './responseForm';

const refund: CannedResponse = {
  id: 'r1',
  title: 'Refund policy',
  folder: 'Billing/Refunds',
  tags: ['money', 'refund'],
  shortcut: 'refund',
  variants: [
    { language: 'en', platform: null, body: 'Hi {{customer.first_name}}, refunds take 7 days.' },
    { language: 'lv', platform: 'x', body: 'Atmaksa 7 dienu laikā.' },
    { language: null, platform: null, body: 'Refunds: 7 days.' },
  ],
  createdAt: 100,
  updatedAt: 200,
};

describe('canned-response form values', () => {
  it('round-trips a response through the form unchanged', () => {
    const values = responseToValues(refund);
    expect(values.variants.map((v) => [v.language, v.platform])).toEqual([['en', ''], ['lv', 'x'], ['', '']]);
    expect(validateResponse(values, ['bag', 'sign'])).toEqual({});
    expect(valuesToResponse(values, 'r1', refund)).toEqual(refund);
  });

  it('a new response: one variant in the agent’s language; saved trimmed, with the core’s timestamps left to it', () => {
    const values: ResponseValues = {
      ...emptyResponseValues('en'),
      title: '  Delayed bag ',
      folder: ' Baggage / Delays/ ',
      tags: ['bag', ' bag', 'late'],
      shortcut: '/bag',
    };
    values.variants[0]!.body = 'We are tracing your bag.';
    expect(validateResponse(values, [])).toEqual({});
    const saved = valuesToResponse(values, 'new-id', null);
    expect(saved).toEqual({
      id: 'new-id',
      title: 'Delayed bag',
      folder: 'Baggage/Delays',
      tags: ['bag', 'late'],
      shortcut: 'bag',
      variants: [{ language: 'en', platform: null, body: 'We are tracing your bag.' }],
      createdAt: 0,
      updatedAt: 0,
    });
    expect(cannedResponseSchema.safeParse(saved).success).toBe(true);
  });

  it('says what is wrong per field, first problem first', () => {
    const values: ResponseValues = {
      title: ' ',
      folder: 'a\nb',
      tags: ['ok', 'bad;tag'],
      shortcut: 'Refund',
      variants: [newVariant('en', '', 'x'), newVariant('EN', '', ''), newVariant('not a tag', 'x', 'y')],
    };
    const errors = validateResponse(values, ['refund']);
    expect(errors).toEqual({
      title: 'titleRequired',
      folder: 'folderLineBreak',
      tags: 'tagInvalid',
      shortcut: 'shortcutTaken',
      'variant.1.language': 'variantTwice',
      'variant.1.body': 'bodyRequired',
      'variant.2.language': 'languageInvalid',
    });
    expect(firstResponseError(values, errors)).toBe('title');
    expect(validateResponse({ ...values, shortcut: 'no spaces!' }, []).shortcut).toBe('shortcutPattern');
    expect(validateResponse({ ...values, shortcut: '' }, []).shortcut).toBe('shortcutRequired');
    expect(validateResponse({ ...values, shortcut: 'a'.repeat(65) }, []).shortcut).toBe('shortcutTooLong');
    expect(validateResponse({ ...values, variants: [] }, []).variants).toBe('variantsRequired');
    // The same language on another platform is another variant.
    expect(validateResponse({ ...values, variants: [newVariant('en', '', 'a'), newVariant('en', 'x', 'b')] }, [])).not.toHaveProperty('variant.1.language');
  });

  it('normalizes folder paths', () => {
    expect(normalizeFolder(' Billing / Refunds/ ')).toBe('Billing/Refunds');
    expect(normalizeFolder('')).toBe('');
  });

  it('gives the preview a draft whatever is half typed', () => {
    const values: ResponseValues = { title: '', folder: '', tags: [], shortcut: 'half typed!', variants: [newVariant(' lv ', 'x', ''), newVariant('', '', 'Hi')] };
    const draft = valuesToDraft(values, 'd1');
    expect(draft.shortcut).toBe('this');
    expect(draft.variants).toEqual([
      { language: 'lv', platform: 'x', body: '' },
      { language: null, platform: null, body: 'Hi' },
    ]);
    expect(valuesToDraft({ ...values, shortcut: '/refund' }, 'd1').shortcut).toBe('refund');
  });
});
