import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '@shared/cannedResponses';
import { LIMITED_PLATFORMS, previewVariant, sampleContext } from './variantPreview';

const context = sampleContext({ customerName: 'Alex Rivera', customerHandle: '@alex', agentName: 'Sam Agent', accountName: 'Aurora Air', expectedResponse: 'within 2 hours' });
const sign: CannedResponse = { id: 's', title: 'Sign-off', folder: '', tags: [], shortcut: 'sign', variants: [{ language: null, platform: null, body: '— {{agent.first_name}}' }], createdAt: 0, updatedAt: 0 };
const draft = (body: string, platform: CannedResponse['variants'][number]['platform'] = null): CannedResponse => ({
  id: 'd',
  title: 'Draft',
  folder: '',
  tags: [],
  shortcut: 'draft',
  variants: [{ language: 'en', platform, body }],
  createdAt: 0,
  updatedAt: 0,
});

describe('variant preview', () => {
  it('fills variables from the sample conversation and expands includes from the library', () => {
    const preview = previewVariant(draft('Hi {{customer.first_name}}, we reply {{sla.expected_response}}. {{> sign}}'), 0, [sign], context);
    expect(preview.text).toBe('Hi Alex, we reply within 2 hours. — Sam');
    expect(preview.issues).toEqual([]);
    expect(preview.includeError).toBeNull();
    expect(preview.lengths.map((l) => l.platform)).toEqual(LIMITED_PLATFORMS);
    expect(LIMITED_PLATFORMS).not.toContain('email');
  });

  it('flags missing and unknown variables, and an include the library does not have', () => {
    const preview = previewVariant(draft('Order {{custom.order_id}} for {{customer.age}} {{> nowhere}}'), 0, [], context);
    expect(preview.missing).toEqual(['custom.order_id']);
    // The include stays as written, unknown, next to the reason.
    expect(preview.unknown).toEqual(['customer.age', '> nowhere']);
    expect(preview.includeError).toBe('/draft includes /nowhere, which is not in the library');
    expect(preview.text).toContain('{{custom.order_id}}');
  });

  it('measures a platform variant on its platform only, over the limit when it is', () => {
    const preview = previewVariant(draft('x'.repeat(281), 'x'), 0, [], context);
    expect(preview.lengths).toHaveLength(1);
    expect(preview.lengths[0]).toMatchObject({ platform: 'x', measure: { used: 281, limit: 280, over: true } });
  });
});
