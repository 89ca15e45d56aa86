// Left rail: the built-in queues, the Listening queue (hits of listening streams waiting to be
// taken into the inbox), then one per account, each with its open and breached counts (and
// "Needs sign-in" when its credentials stopped working), then Add account, then one per language
// customers write in while it has open conversations (named in the UI language, sorted by name,
// "Unknown language" last); the accounts screen opens from the gear next to the ACCOUNTS heading,
// the listening streams from the one next to SOCIAL LISTENING, the urgency rules (what fills the
// Urgent queue) from the one next to INBOX; SLA settings (policies and business calendars), the
// canned-response library (with the brand voice), translation settings, the Schedule (shifts),
// Updates from the SETTINGS group, and Reports (#8) at its end.
import { ActionIcon, Badge, Button, Group, NavLink, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queueLanguage, UNKNOWN_LANGUAGE, type QueueId, type QueueSummary, type SyncStatus } from '@shared/domain';
import { PlatformBadge } from '../../components/PlatformBadge';
import { useWorkspace } from '../../app/workspaceContext';
import { formatRoute, type Route } from '../../app/route';
import { formatList, formatNumber, languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { queueAccountId, useQueueName } from './useQueueName';

const BUILT_IN: QueueId[] = ['all', 'mine', 'unassigned', 'urgent'];

export interface QueueRailProps {
  queues: QueueSummary[] | undefined;
  route: Route;
  sync?: SyncStatus | undefined;
  onManageAccounts?(): void;
  onAddAccount?(): void;
  onManageListening?(): void;
  onSlaSettings?(): void;
  onLibrary?(): void;
  onManageUrgency?(): void;
  onTranslationSettings?(): void;
  onSurveySettings?(): void;
  onSchedule?(): void;
  onUpdates?(): void;
  onReports?(): void;
}

export function QueueRail({ queues, route, sync, onManageAccounts, onAddAccount, onManageListening, onSlaSettings, onLibrary, onManageUrgency, onTranslationSettings, onSurveySettings, onSchedule, onUpdates, onReports }: QueueRailProps) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const byId = new Map(queues?.map((q) => [q.id, q]));
  const accountQueues = (workspace?.accounts ?? []).map((a) => `account:${a.id}` as QueueId);
  const languageQueues = useLanguageQueues(queues);
  const needsSignIn = new Set(sync?.accounts.filter((a) => a.health === 'needs-auth').map((a) => `account:${a.accountId}`));

  const item = (id: QueueId) => (
    <QueueLink
      key={id}
      id={id}
      summary={byId.get(id)}
      selected={route.queue === id}
      href={formatRoute({ ...route, queue: id })}
      needsSignIn={needsSignIn.has(id)}
    />
  );

  return (
    <Stack gap={2}>
      <RailGroup id="queue-group-inbox" title={t('queues.inbox')} pt="xs" manage={onManageUrgency && { label: t('queues.urgencyRules'), onClick: onManageUrgency, testId: 'manage-urgency' }}>
        {BUILT_IN.map(item)}
      </RailGroup>
      <RailGroup id="queue-group-listening" title={t('queues.listeningGroup')} pt="md" manage={onManageListening && { label: t('queues.manageListening'), onClick: onManageListening, testId: 'manage-listening' }}>
        {item('listening')}
      </RailGroup>
      <RailGroup id="queue-group-accounts" title={t('queues.accounts')} pt="md" manage={onManageAccounts && { label: t('queues.manageAccounts'), onClick: onManageAccounts, testId: 'manage-accounts' }}>
        {accountQueues.map(item)}
        {onAddAccount && (
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            justify="flex-start"
            fw={500}
            mx={4}
            mt={2}
            leftSection={
              <Text span fw={700} aria-hidden>
                +
              </Text>
            }
            onClick={onAddAccount}
          >
            {t('queues.addAccount')}
          </Button>
        )}
      </RailGroup>
      {languageQueues.length > 0 && (
        <RailGroup id="queue-group-languages" title={t('queues.languages')} pt="md">
          {languageQueues.map(item)}
        </RailGroup>
      )}
      {(onSlaSettings || onLibrary || onTranslationSettings || onSurveySettings || onSchedule || onUpdates || onReports) && (
        <Stack gap={2} role="group" aria-labelledby="queue-group-settings">
          <Text id="queue-group-settings" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
            {t('queues.settings')}
          </Text>
          {onSchedule && (
            <SettingsButton icon={<CalendarIcon />} onClick={onSchedule} testId="schedule">
              {t('queues.schedule')}
            </SettingsButton>
          )}
          {onSlaSettings && (
            <SettingsButton icon={<ClockIcon />} onClick={onSlaSettings} testId="sla-settings">
              {t('queues.slaSettings')}
            </SettingsButton>
          )}
          {onLibrary && (
            <SettingsButton icon={<BookIcon />} onClick={onLibrary} testId="library" keyShortcut="L">
              {t('queues.library')}
            </SettingsButton>
          )}
          {onTranslationSettings && (
            <SettingsButton icon={<TranslateIcon />} onClick={onTranslationSettings} testId="translation-settings">
              {t('queues.translationSettings')}
            </SettingsButton>
          )}
          {onSurveySettings && (
            <SettingsButton icon={<SurveyIcon />} onClick={onSurveySettings} testId="survey-settings">
              {t('queues.surveySettings')}
            </SettingsButton>
          )}
          {onUpdates && (
            <SettingsButton icon={<UpdateIcon />} onClick={onUpdates} testId="update-settings">
              {t('queues.updates')}
            </SettingsButton>
          )}
          {onReports && (
            <SettingsButton icon={<ChartIcon />} onClick={onReports} testId="reports">
              {t('reports.open')}
            </SettingsButton>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function SettingsButton({ icon, onClick, testId, keyShortcut, children }: { icon: ReactNode; onClick: () => void; testId: string; keyShortcut?: string; children: ReactNode }) {
  return (
    <Button variant="subtle" color="gray" size="compact-sm" justify="flex-start" fw={500} mx={4} leftSection={icon} onClick={onClick} aria-keyshortcuts={keyShortcut} data-testid={testId}>
      {children}
    </Button>
  );
}

/** The language queues the core reported, by name in the UI language; "Unknown language" last. */
function useLanguageQueues(queues: QueueSummary[] | undefined): QueueId[] {
  const locale = useLocale();
  const known: { id: QueueId; name: string }[] = [];
  let unknown: QueueId | null = null;
  for (const q of queues ?? []) {
    const language = queueLanguage(q.id);
    if (language === UNKNOWN_LANGUAGE) unknown = q.id;
    else if (language !== null) known.push({ id: q.id, name: languageName(language, locale) });
  }
  const collator = new Intl.Collator(locale);
  known.sort((a, b) => collator.compare(a.name, b.name));
  return [...known.map((q) => q.id), ...(unknown ? [unknown] : [])];
}

function CalendarIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18" />
    </svg>
  );
}

function ClockIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </svg>
  );
}

function BookIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M4 19.5A2.5 2.5 0 0 1 6.5 17H20V3H6.5A2.5 2.5 0 0 0 4 5.5z" />
      <path d="M4 19.5A2.5 2.5 0 0 0 6.5 22H20v-5" />
    </svg>
  );
}

function TranslateIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M4 5h8M8 3v2m2 0c-1 4-3.5 7-6 8.5M6 9c1 2 3 3.5 5 4.5" />
      <path d="M13 21l4-9 4 9m-6.5-3h5" />
    </svg>
  );
}

function SurveyIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z" />
    </svg>
  );
}

function UpdateIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M12 3v12m0 0l-4-4m4 4l4-4" />
      <path d="M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
    </svg>
  );
}

function ChartIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
    </svg>
  );
}

function GearIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <circle cx="12" cy="12" r="3" />
      <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
    </svg>
  );
}

function QueueLink({
  id,
  summary,
  selected,
  href,
  needsSignIn,
}: {
  id: QueueId;
  summary: QueueSummary | undefined;
  selected: boolean;
  href: string;
  needsSignIn: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { account } = useWorkspace();
  const name = useQueueName(id);
  const accountId = queueAccountId(id);
  const accountInfo = accountId === null ? undefined : account(accountId);
  const countsId = `queue-counts-${id.replace(/[^\w-]/g, '_')}`;
  const open = summary?.open ?? 0;
  const breached = summary?.breached ?? 0;
  // Listening hits have no deadline: they wait, they are not "open" yet.
  const countText = id === 'listening' ? t('queues.waiting', { count: open }) : t('queues.open', { count: open });
  return (
    <NavLink
      component="a"
      href={href}
      active={selected}
      aria-current={selected ? 'page' : undefined}
      aria-label={name}
      aria-describedby={summary || needsSignIn ? countsId : undefined}
      variant="light"
      py={6}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      label={
        accountInfo ? (
          <Text size="sm" fw={selected ? 600 : 500} truncate dir="auto" className="shiftdesk-user-label">
            {accountInfo.name}
          </Text>
        ) : (
          <Text size="sm" fw={selected ? 600 : 500}>
            {name}
          </Text>
        )
      }
      description={
        accountInfo ? (
          <Group gap={4} wrap="nowrap" mt={2}>
            <PlatformBadge platform={accountInfo.platform} />
            {needsSignIn ? (
              <Badge size="xs" color="grape" variant="filled" data-testid="needs-sign-in">
                {t('queues.needsSignIn')}
              </Badge>
            ) : (
              <Text size="xs" c="dimmed" truncate dir="auto" className="shiftdesk-user-label">
                {accountInfo.handle}
              </Text>
            )}
          </Group>
        ) : undefined
      }
      rightSection={
        summary || needsSignIn ? (
          <Group gap={4} wrap="nowrap">
            <VisuallyHidden id={countsId}>
              {formatList(
                [
                  summary ? countText : null,
                  breached > 0 ? t('queues.breached', { count: breached }) : null,
                  needsSignIn ? t('queues.needsSignIn') : null,
                ].filter((part) => part !== null),
                locale,
                'unit',
              )}
            </VisuallyHidden>
            {breached > 0 && (
              <Badge size="sm" color="red" variant="filled" aria-hidden title={t('queues.breached', { count: breached })}>
                {formatNumber(breached, locale)}
              </Badge>
            )}
            {summary && (
              <Badge size="sm" color="gray" variant={selected ? 'white' : 'light'} aria-hidden title={countText}>
                {formatNumber(open, locale)}
              </Badge>
            )}
          </Group>
        ) : null
      }
    />
  );
}

/** A titled group of the rail, with an optional gear that opens its settings. */
function RailGroup({
  id,
  title,
  pt,
  manage,
  children,
}: {
  id: string;
  title: string;
  pt: 'xs' | 'md';
  manage?: { label: string; onClick(): void; testId: string } | undefined;
  children: ReactNode;
}) {
  return (
    <Stack gap={2} role="group" aria-labelledby={id}>
      <Group justify="space-between" wrap="nowrap" gap={4} px="sm" pt={pt} pb={4}>
        <Text id={id} size="xs" fw={700} c="dimmed" tt="uppercase">
          {title}
        </Text>
        {manage && (
          <Tooltip label={manage.label} withArrow>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={manage.label} onClick={manage.onClick} data-testid={manage.testId}>
              <GearIcon />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {children}
    </Stack>
  );
}
