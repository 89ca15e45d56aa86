// What must be true of a reply before it is sent, checked as the agent types: it fits the
// platform (counted the way the platform counts), no template variable is left unfilled, and
// (advice only) it follows the account's brand voice.
import { checkBrandVoice, type BrandVoiceFinding, type BrandVoiceGuidelines } from '@shared/cannedResponses';
import type { Platform } from '@shared/domain';
import type { LengthMeasure, LengthOptions } from '@shared/platformLength';
import { replyFit } from '@shared/replyFit';

export interface ReplyChecks {
  length: LengthMeasure;
  /** Known variables still written as {{...}}: a canned response's gaps the agent has not filled. */
  unfilled: { name: string; start: number; end: number }[];
  brandVoice: BrandVoiceFinding[];
  /** Sending is refused while the reply is too long or has unfilled variables. */
  blocked: boolean;
}

export interface ReplyCheckInput {
  body: string;
  platform: Platform;
  /** The language the reply is written in (slang lists are per language). */
  language: string | null;
  brandVoice?: BrandVoiceGuidelines | null;
  lengthOptions?: LengthOptions;
}

export function checkReply({ body, platform, language, brandVoice, lengthOptions }: ReplyCheckInput): ReplyChecks {
  // The core refuses by the same rule (replyFit): an unknown {{...}} is sent as written.
  const fit = replyFit(platform, body, lengthOptions);
  const unfilled = fit.unfilled.map(({ name, start, end }) => ({ name, start, end }));
  const findings = brandVoice && body.trim() ? checkBrandVoice(body, language, brandVoice) : [];
  return { length: fit.length, unfilled, brandVoice: findings, blocked: fit.blocked };
}

/** The composer's text with `inserted` in place of [start, end), and where the caret goes. */
export function insertAt(text: string, start: number, end: number, inserted: string): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  // Keep a space between the inserted reply and a word that follows it.
  const gap = after !== '' && !/^\s/u.test(after) ? ' ' : '';
  return { text: before + inserted + gap + after, caret: before.length + inserted.length + gap.length };
}

/** The next option in a list of `count`, wrapping around; -1 when the list is empty. */
export function moveActive(index: number, delta: number, count: number): number {
  if (count === 0) return -1;
  return (((index + delta) % count) + count) % count;
}

/** What the reply box underlines: unfilled variables (they block sending) and brand-voice phrases. */
export function underlinesOf(checks: ReplyChecks): { start: number; end: number; tone: 'warning' | 'error' }[] {
  return [
    ...checks.unfilled.map(({ start, end }) => ({ start, end, tone: 'error' as const })),
    // A missing sign-off is about what is not there: said in words, not underlined.
    ...checks.brandVoice.filter((f) => f.kind !== 'missing-sign-off').map(({ start, end }) => ({ start, end, tone: 'warning' as const })),
  ];
}
