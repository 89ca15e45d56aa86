// Keeps the UI in the agent's language: their stored choice, or the system's preferred
// languages (followed live when the browser reports a change) when they chose none.
import { useEffect, useState } from 'react';
import { uiLanguage } from '@shared/pickLanguage';
import type { UiLanguage } from '@shared/uiLanguages';
import { useWorkspace } from '../../app/workspaceContext';
import { LOCALE_LANGUAGES, switchLanguage } from '../../i18n/i18n';
import { rememberLanguage, systemLanguages } from '../../i18n/systemLanguages';

/** Applies a choice now (the picker calls it so the switch does not wait for the workspace). */
export function applyUiLanguage(choice: UiLanguage | null, system: readonly string[] = systemLanguages()): Promise<void> {
  const tag = uiLanguage(choice, system, LOCALE_LANGUAGES);
  rememberLanguage(tag);
  return switchLanguage(tag);
}

export function useSystemLanguages(): readonly string[] {
  const [system, setSystem] = useState(systemLanguages);
  useEffect(() => {
    const update = () => setSystem(systemLanguages());
    window.addEventListener('languagechange', update);
    return () => window.removeEventListener('languagechange', update);
  }, []);
  return system;
}

export function useFollowUiLanguage(): void {
  const { workspace } = useWorkspace();
  const system = useSystemLanguages();
  const loaded = workspace !== undefined;
  const choice = workspace?.self.uiLanguage ?? null;
  useEffect(() => {
    if (loaded) void applyUiLanguage(choice, system);
  }, [loaded, choice, system]);
}
