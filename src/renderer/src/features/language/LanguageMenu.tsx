// The interface language, from the header: "Same as the system" (the default) or one of the UI
// languages, each written in its own language and script (the chosen one marked, and announced
// as current: Mantine's menu items are menuitems). Saved for this agent in the core, applied at
// once.
import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickLanguage, resourceLanguage } from '@shared/pickLanguage';
import { UI_LANGUAGES, UI_LANGUAGE_NAMES, isUiLanguage, type UiLanguage } from '@shared/uiLanguages';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showErrorToast } from '../../app/toasts';
import { useWorkspace } from '../../app/workspaceContext';
import { LOCALE_LANGUAGES } from '../../i18n/i18n';
import { applyUiLanguage, useSystemLanguages } from './useFollowUiLanguage';

/** The language "Same as the system" means here, named in itself. */
function systemLanguageName(system: readonly string[]): string {
  const resource = resourceLanguage(pickLanguage(system, LOCALE_LANGUAGES), LOCALE_LANGUAGES);
  return isUiLanguage(resource) ? UI_LANGUAGE_NAMES[resource] : UI_LANGUAGE_NAMES.en;
}

export function LanguageMenu() {
  const { t } = useTranslation();
  const desk = useDesk();
  const { workspace } = useWorkspace();
  const system = useSystemLanguages();
  if (!workspace) return null;
  const choice = workspace.self.uiLanguage;

  const choose = async (uiLanguage: UiLanguage | null) => {
    if (uiLanguage === choice) return;
    try {
      await desk.setMyUiLanguage({ uiLanguage });
      await applyUiLanguage(uiLanguage, system);
    } catch (error) {
      showErrorToast(t('language.failed'), describeError(t, error));
    }
  };

  const item = (value: UiLanguage | null, label: string, lang?: string) => (
    <Menu.Item
      key={value ?? 'system'}
      data-testid={value === null ? 'ui-language-system' : undefined}
      aria-current={choice === value || undefined}
      lang={lang}
      leftSection={<CheckMark shown={choice === value} />}
      onClick={() => void choose(value)}
    >
      {label}
    </Menu.Item>
  );

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Tooltip label={t('language.open')} withArrow>
          <ActionIcon variant="default" size="md" aria-label={t('language.open')} data-testid="ui-language">
            <GlobeIcon />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.title')}</Menu.Label>
        {item(null, t('language.system', { language: systemLanguageName(system) }))}
        <Menu.Divider />
        {UI_LANGUAGES.map((language) => item(language, UI_LANGUAGE_NAMES[language], language))}
      </Menu.Dropdown>
    </Menu>
  );
}

function CheckMark({ shown }: { shown: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false" style={{ visibility: shown ? 'visible' : 'hidden' }}>
      <path d="M20 6 9 17l-5-5" />
    </svg>
  );
}

function GlobeIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z" />
    </svg>
  );
}
