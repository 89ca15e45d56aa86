// Each account's brand voice: what its replies must not say, how they must end, and hints on
// tone. Read by the library screen to edit and by the composer to check drafts.
import type { z } from 'zod';
import { brandVoiceSchema, emptyBrandVoice, type BrandVoiceGuidelines } from '@shared/cannedResponses';
import { invalidInput, notFound } from '@shared/errors';
import type { EventBus } from '../events';
import type { Clock } from '../ports';
import type { Repos } from '../repos';

export class BrandVoice {
  constructor(private readonly deps: { repos: Repos; clock: Clock; events: EventBus }) {}

  /** The account's guidelines; empty ones when none were saved. */
  get(accountId: string): BrandVoiceGuidelines {
    this.requireAccount(accountId);
    return this.deps.repos.brandVoice.get(accountId) ?? emptyBrandVoice();
  }

  save(accountId: string, guidelines: BrandVoiceGuidelines): BrandVoiceGuidelines {
    this.requireAccount(accountId);
    const parsed = brandVoiceSchema.safeParse(guidelines);
    if (!parsed.success) throw invalidInput(parsed.error.issues.map(describeIssue).join('; '));
    this.deps.repos.brandVoice.save(accountId, parsed.data, this.deps.clock.now());
    this.deps.events.emit('changes', { tables: ['brandVoice'], conversationIds: [] });
    return parsed.data;
  }

  private requireAccount(accountId: string): void {
    if (!this.deps.repos.workspace.account(accountId)) throw notFound(`Account ${accountId}`);
  }
}

// A bad language tag is reported by zod as an "Invalid key in record": say what is wrong with it.
function describeIssue(issue: z.core.$ZodIssue): string {
  const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
  return `${issue.path.join('.')}: ${inner ?? issue.message}`;
}
