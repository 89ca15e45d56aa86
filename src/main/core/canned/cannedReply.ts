// A canned response made ready for one conversation: the variant for its platform and the
// customer's language (with the reason), includes expanded, and the variables filled from what
// the desk knows about the conversation. Variables it cannot fill stay visible in the text and
// are listed, so the composer can flag them before anything is sent.
import { CannedTemplateError, expandIncludes, fillTemplate, type PreparedReply, type TemplateContext } from '@shared/cannedResponses';
import type { ConversationDetail } from '@shared/domain';
import { formatDuration } from '@shared/durationFormat';
import { invalidInput, notFound } from '@shared/errors';
import { withProfileRegion } from '@shared/languageTags';
import { matchPolicy, type SlaPolicy } from '@shared/sla';
import type { Repos } from '../repos';

export interface CannedReplyDeps {
  repos: Repos;
  policies: () => readonly SlaPolicy[];
  conversation: (id: number) => ConversationDetail;
}

export function prepareCannedReply(deps: CannedReplyDeps, responseId: string, conversationId: number): PreparedReply {
  const response = deps.repos.canned.get(responseId);
  if (!response) throw notFound(`Canned response ${responseId}`);
  const detail = deps.conversation(conversationId);
  const target = { language: withProfileRegion(detail.conversation.language, detail.customer.language), platform: detail.conversation.platform };
  let expanded;
  try {
    expanded = expandIncludes(response, (shortcut) => deps.repos.canned.byShortcut(shortcut) ?? undefined, target);
  } catch (error) {
    if (error instanceof CannedTemplateError) throw invalidInput(`“${response.title}”: ${error.message}`);
    throw error;
  }
  const own = expanded.choices[0]!.choice;
  const language = own.variant.language ?? target.language;
  const filled = fillTemplate(expanded.body.trim(), templateContext(deps, detail, language ?? 'en'));
  return {
    ...filled,
    responseId: response.id,
    shortcut: response.shortcut,
    title: response.title,
    variant: { language: own.variant.language, platform: own.variant.platform },
    reason: own.reason,
    language,
  };
}

function templateContext(deps: CannedReplyDeps, detail: ConversationDetail, language: string): TemplateContext {
  const { conversation, customer, account } = detail;
  const agent = deps.repos.workspace.selfAgent();
  const state = deps.repos.conversations.state(conversation.id);
  const policy = state ? matchPolicy(deps.policies(), state) : null;
  // What the customer can expect after this reply: the policy's next-response target, in words.
  const expected = policy ? formatDuration(policy.nextResponseSeconds * 1000, safeLocale(language), 'long') : null;
  return {
    customer: { name: customer.displayName, handle: customer.handle },
    agent: { name: agent.name },
    account: { name: account.name },
    conversation: { id: String(conversation.id) },
    sla: { expectedResponse: expected },
  };
}

function safeLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
