// Who may take a conversation, and who gets it: the one rule shared by handover (suggesting a
// receiver on the next shift) and auto-assignment of new conversations (round robin among the
// agents on shift). An agent fits when they cover one of the conversation's queues and speak its
// language (a conversation of unknown language fits anyone who covers it).
import type { AgentProfile } from '../schedule';
import { sameLanguage } from '../languageTags';

export interface Assignable {
  accountId: string;
  language: string | null;
}

export function coversQueue(profile: Pick<AgentProfile, 'queues'>, conversation: Assignable): boolean {
  return profile.queues.some(
    (queue) =>
      queue === 'all' ||
      queue === `account:${conversation.accountId}` ||
      (conversation.language !== null && queue.startsWith('language:') && sameLanguage(queue.slice('language:'.length), conversation.language)),
  );
}

export function speaksLanguage(profile: Pick<AgentProfile, 'languages'>, language: string | null): boolean {
  return language === null || profile.languages.some((l) => sameLanguage(l, language));
}

export const fits = (profile: Pick<AgentProfile, 'queues' | 'languages'>, conversation: Assignable): boolean =>
  coversQueue(profile, conversation) && speaksLanguage(profile, conversation.language);

export type Load = ReadonlyMap<string, number>;
const hasRoom = (profile: Pick<AgentProfile, 'agentId' | 'capacity'>, load: Load) => (load.get(profile.agentId) ?? 0) < profile.capacity;

/**
 * Round robin: the first agent after `lastAgentId` (in agent id order, wrapping) who fits and
 * is below their capacity of open assigned conversations; null when none does.
 */
export function nextInRotation(
  profiles: readonly Pick<AgentProfile, 'agentId' | 'queues' | 'languages' | 'capacity'>[],
  conversation: Assignable,
  load: Load,
  lastAgentId: string | null,
): string | null {
  const eligible = profiles.filter((p) => fits(p, conversation) && hasRoom(p, load)).sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
  if (eligible.length === 0) return null;
  const after = lastAgentId === null ? undefined : eligible.find((p) => p.agentId > lastAgentId);
  return (after ?? eligible[0]!).agentId;
}

/** A handover's receiver: the fitting agent with the most room; null (the queue) when none fits. */
export function suggestReceiver(profiles: readonly Pick<AgentProfile, 'agentId' | 'queues' | 'languages' | 'capacity'>[], conversation: Assignable, load: Load): string | null {
  let best: { agentId: string; room: number } | null = null;
  for (const p of profiles) {
    if (!fits(p, conversation) || !hasRoom(p, load)) continue;
    const room = p.capacity - (load.get(p.agentId) ?? 0);
    if (!best || room > best.room || (room === best.room && p.agentId < best.agentId)) best = { agentId: p.agentId, room };
  }
  return best?.agentId ?? null;
}
