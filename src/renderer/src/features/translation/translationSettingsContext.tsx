// The workspace's translation settings, loaded once for the whole window and refreshed when they
// change: with no provider, every translation action stays hidden.
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { TranslationSettings } from '@shared/translation';
import { useDesk } from '../../app/deskContext';
import type { ChangeSet } from '../../live/changeSet';
import { useLiveQuery } from '../../live/useLiveQuery';

const affectsTranslationSettings = (set: ChangeSet) => set.all || set.tables.has('translation');

const TranslationSettingsContext = createContext<TranslationSettings | undefined>(undefined);

export function TranslationSettingsProvider({ children }: { children: ReactNode }) {
  const desk = useDesk();
  const load = useCallback(() => desk.getTranslationSettings({}), [desk]);
  const { current } = useLiveQuery('translationSettings', load, affectsTranslationSettings);
  return <TranslationSettingsContext.Provider value={current}>{children}</TranslationSettingsContext.Provider>;
}

/** The settings (undefined while they load). */
export const useTranslationSettings = (): TranslationSettings | undefined => useContext(TranslationSettingsContext);

/** Whether a provider is set up: translation actions show only then. */
export const useTranslationEnabled = (): boolean => {
  const settings = useTranslationSettings();
  return settings !== undefined && settings.provider !== 'none';
};
