// Whether a reply can be sent as written: it fits the platform (counted the way the platform
// counts) and no known template variable is left unfilled. The composer blocks its Send button
// and the core refuses to queue a reply by this same rule, so a stale or scripted client cannot
// queue a reply the platform would refuse or that says "Hi {{customer.first_name}}".
import { fillTemplate, type TemplateIssue } from './cannedResponses';
import type { Platform } from './domain';
import { measure, type LengthMeasure, type LengthOptions } from './platformLength';

export interface ReplyFit {
  length: LengthMeasure;
  /** Known variables still written as {{...}}: they block sending. */
  unfilled: TemplateIssue[];
  /** {{...}} that is not a variable: sent as written (a warning only). */
  unknown: TemplateIssue[];
  blocked: boolean;
}

export function replyFit(platform: Platform, body: string, lengthOptions: LengthOptions = {}): ReplyFit {
  const length = measure(platform, body, lengthOptions);
  // Filling with nothing known reports every placeholder left in the text, where it is.
  const { issues } = fillTemplate(body, {});
  const unfilled = issues.filter((i) => i.kind === 'missing');
  const unknown = issues.filter((i) => i.kind === 'unknown');
  return { length, unfilled, unknown, blocked: length.over || unfilled.length > 0 };
}

/** Why a reply cannot be sent, in words for an error; null when it can. */
export function replyFitProblem(fit: ReplyFit, platform: Platform): string | null {
  const { length } = fit;
  if (length.over) {
    const what = length.overReason === 'bytes' ? 'is over the size' : `is ${length.used} long, over the limit of ${length.limit}`;
    return `The reply ${what} that ${platform} accepts; shorten it and send again`;
  }
  if (fit.unfilled.length > 0) {
    const names = [...new Set(fit.unfilled.map((i) => `{{${i.name}}}`))].join(', ');
    return `The reply still has unfilled variables (${names}); fill them in and send again`;
  }
  return null;
}
