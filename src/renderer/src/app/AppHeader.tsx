// Top bar: the menu button of the queue rail (small screens only), the product, the agent at
// this desk, who is on shift now and next (opens the Schedule), the Schedule, shift handovers, quiet mode, My notifications (role and working hours), the interface language and
// the shortcuts help; "Update ready" once an update is downloaded (opens Updates).
import { ActionIcon, Burger, Group, Kbd, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HandoverButton } from '../features/handover/HandoverButton';
import { LanguageMenu } from '../features/language/LanguageMenu';
import { QuietModeMenu } from '../features/notifications/QuietModeMenu';
import { OnShiftNow } from '../features/schedule/OnShiftNow';
import { UpdateIndicator } from '../features/updates/UpdateIndicator';
import { useWorkspace } from './workspaceContext';

export interface HeaderNavbar {
  id: string;
  opened: boolean;
  toggle(): void;
}

export function AppHeader({ onHelp, onMyNotifications, onSchedule, onOpenConversation, onUpdates, navbar }: { onHelp(): void; onMyNotifications(): void; onSchedule(): void; onOpenConversation(id: number): void; onUpdates(): void; navbar: HeaderNavbar }) {
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
        <UpdateIndicator onOpen={onUpdates} />
        {workspace && <OnShiftNow onOpen={onSchedule} />}
        {workspace && (
          <Text size="sm" c="dimmed">
            <bdi>{t('app.agent', { name: workspace.self.name })}</bdi>
          </Text>
        )}
        <Tooltip label={t('schedule.open')} withArrow>
          <ActionIcon variant="default" size="md" aria-label={t('schedule.open')} onClick={onSchedule} data-testid="open-schedule">
            <CalendarIcon />
          </ActionIcon>
        </Tooltip>
        <HandoverButton onOpenConversation={onOpenConversation} />
        <QuietModeMenu />
        <LanguageMenu />
        <Tooltip label={t('myNotifications.open')} withArrow>
          <ActionIcon variant="default" size="md" aria-label={t('myNotifications.open')} onClick={onMyNotifications} data-testid="my-notifications">
            <BellIcon />
          </ActionIcon>
        </Tooltip>
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

function BellIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18" />
    </svg>
  );
}
