// What a variant will look like in a reply: its includes expanded from the library, its variables
// filled from a sample conversation (the ones without a value, and the placeholders that are not
// variables, flagged), and its length as each platform it may be sent on counts it.
import {
  CannedTemplateError,
  expandIncludes,
  fillTemplate,
  libraryLookup,
  type CannedResponse,
  type TemplateContext,
  type TemplateIssue,
} from '@shared/cannedResponses';
import { PLATFORMS, type Platform } from '@shared/domain';
import { measure, type LengthMeasure } from '@shared/platformLength';

export interface SampleNames {
  customerName: string;
  customerHandle: string;
  agentName: string;
  accountName: string;
  expectedResponse: string;
}

/**
 * A conversation to preview with. Custom fields are left out on purpose: {{custom.*}} shows as
 * missing, as it would where the conversation does not have them.
 */
export function sampleContext(names: SampleNames): TemplateContext {
  return {
    customer: { name: names.customerName, handle: names.customerHandle },
    agent: { name: names.agentName },
    account: { name: names.accountName },
    conversation: { id: '1042' },
    sla: { expectedResponse: names.expectedResponse },
  };
}

export interface PlatformLength {
  platform: Platform;
  measure: LengthMeasure;
}

export interface VariantPreview {
  text: string;
  issues: TemplateIssue[];
  missing: string[];
  unknown: string[];
  /** An include that cannot be expanded (not in the library, a cycle, too deep); the body is then shown unexpanded. */
  includeError: string | null;
  /** The variant's platform, or every platform with a limit when it is for any platform. */
  lengths: PlatformLength[];
}

/** Platforms a variant for any platform may be sent on and that count its length (e-mail has no limit). */
export const LIMITED_PLATFORMS: readonly Platform[] = PLATFORMS.filter((p) => measure(p, '').limit !== null);

/**
 * `draft` is the response being edited (it replaces its saved version in `library`, so its own
 * includes see the edits); `index` the variant to preview.
 */
export function previewVariant(draft: CannedResponse, index: number, library: readonly CannedResponse[], context: TemplateContext): VariantPreview {
  const variant = draft.variants[index]!;
  const lookup = libraryLookup([...library.filter((r) => r.id !== draft.id), draft]);
  let body = variant.body;
  let includeError: string | null = null;
  try {
    // Only this variant, so the target picks it and every include picks its own best one.
    body = expandIncludes({ ...draft, variants: [variant] }, lookup, { language: variant.language, platform: variant.platform }).body;
  } catch (error) {
    if (!(error instanceof CannedTemplateError)) throw error;
    includeError = error.message;
  }
  const filled = fillTemplate(body, context);
  const platforms = variant.platform ? [variant.platform] : LIMITED_PLATFORMS;
  return {
    text: filled.text,
    issues: filled.issues,
    missing: filled.missing,
    unknown: filled.unknown,
    includeError,
    lengths: platforms.map((platform) => ({ platform, measure: measure(platform, filled.text) })),
  };
}
