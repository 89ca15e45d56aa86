// Top bar: the menu button of the queue rail (small screens only), the product, the agent at
// this desk, and the shortcuts help.
import { ActionIcon, Burger, Group, Kbd, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QuietModeMenu } from '../features/notifications/QuietModeMenu';
import { useWorkspace } from './workspaceContext';

export interface HeaderNavbar {
  id: string;
  opened: boolean;
  toggle(): void;
}

export function AppHeader({ onHelp, navbar }: { onHelp(): void; navbar: HeaderNavbar }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap">
        <Burger
          opened={navbar.opened}
          onClick={navbar.toggle}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('app.menu')}
          aria-expanded={navbar.opened}
          aria-controls={navbar.id}
        />
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden focusable="false">
          <rect x="2" y="4" width="20" height="16" rx="4" fill="var(--mantine-primary-color-filled)" />
          <path d="M6 10h12M6 14h8" stroke="white" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <Text fw={700} size="md">
          {t('app.name')}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        {workspace && (
          <Text size="sm" c="dimmed">
            <bdi>{t('app.agent', { name: workspace.self.name })}</bdi>
          </Text>
        )}
        <QuietModeMenu />
        <Tooltip label={<>{t('shortcuts.open')} <Kbd size="xs">?</Kbd></>} withArrow>
          <ActionIcon variant="default" size="md" aria-label={t('shortcuts.open')} aria-keyshortcuts="?" onClick={onHelp}>
            <Text span fw={700} size="sm" aria-hidden>
              ?
            </Text>
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
