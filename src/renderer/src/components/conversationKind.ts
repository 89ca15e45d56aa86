// Whether a conversation's kind says more than its platform badge already does: an email on
// the Email platform is just "Email" twice.
import type { ConversationKind, Platform } from '@shared/domain';

export function kindAddsInformation(platform: Platform, kind: ConversationKind): boolean {
  return !(platform === 'email' && kind === 'email');
}
