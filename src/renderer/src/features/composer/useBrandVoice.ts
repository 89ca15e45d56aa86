// The brand-voice guidelines of the account a reply goes out from, kept fresh when they change.
import { useCallback } from 'react';
import type { BrandVoiceGuidelines } from '@shared/cannedResponses';
import { useDesk } from '../../app/deskContext';
import type { ChangeSet } from '../../live/changeSet';
import { useLiveQuery } from '../../live/useLiveQuery';

const affectsBrandVoice = (set: ChangeSet) => set.all || set.tables.has('brandVoice');

export function useBrandVoice(accountId: string): BrandVoiceGuidelines | undefined {
  const desk = useDesk();
  const load = useCallback((id: string) => desk.getBrandVoice({ accountId: id }), [desk]);
  return useLiveQuery(accountId, load, affectsBrandVoice).current;
}
