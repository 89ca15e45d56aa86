// SLA settings, as one dialog with views: the lists (Policies, in the order they are tried, and
// Business calendars, in tabs), Add / Edit forms and the confirmations of Remove. Opened from the
// queue rail. The settings are loaded when it opens and after each change made here.
import { Button, Group, Loader, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaCalendar, SlaPolicy } from '@shared/sla';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { useWorkspace } from '../../app/workspaceContext';
import { markers } from '../../components/templateParts';
import { TemplateText } from '../../components/TemplateText';
import { ViewFocus } from '../../components/ViewFocus';
import { useLocale } from '../../i18n/useLocale';
import type { ChangeSet } from '../../live/changeSet';
import { useLiveQuery } from '../../live/useLiveQuery';
import { CalendarForm } from './CalendarForm';
import { CalendarList, type CalendarAction } from './CalendarList';
import { PolicyForm } from './PolicyForm';
import { PolicyList, type PolicyAction, type PolicyFocus } from './PolicyList';
import { policiesUsing } from './policySummary';
import { RemoveConfirm } from './RemoveConfirm';
import { SlaFeedback, type SlaError } from './SlaFeedback';
import { useConditionLabels } from './useSlaLabels';

type Tab = 'policies' | 'calendars';
type View =
  | { kind: 'list' }
  | { kind: 'addPolicy' }
  | { kind: 'editPolicy' | 'removePolicy'; id: string }
  | { kind: 'addCalendar' }
  | { kind: 'editCalendar' | 'removeCalendar'; id: string };
type NoticeKey = 'policyAdded' | 'policySaved' | 'policyRemoved' | 'policyMoved' | 'calendarAdded' | 'calendarSaved' | 'calendarRemoved';
type Notice = { key: NoticeKey; name: string; position?: number } | null;
interface Settings {
  policies: SlaPolicy[];
  calendars: SlaCalendar[];
}

const SETTINGS_KEY = 'sla-settings';
/** Nothing the core pushes names these tables: reload after a reconnection, and after our own changes. */
const affectsSettings = (changes: ChangeSet) => changes.all;

export interface SlaSettingsDialogProps {
  opened: boolean;
  onClose(): void;
}

export function SlaSettingsDialog({ opened, onClose }: SlaSettingsDialogProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const locale = useLocale();
  const { workspace } = useWorkspace();
  const accounts = workspace?.accounts ?? [];
  const labels = useConditionLabels(accounts);
  const smallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  const load = useCallback(() => desk.listSlaSettings({}), [desk]);
  const query = useLiveQuery<Settings>(opened ? SETTINGS_KEY : null, load, affectsSettings);
  const { reload, push } = query;
  const settings = query.current;

  const [tab, setTab] = useState<Tab>('policies');
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<Notice>(null);
  const [listError, setListError] = useState<SlaError>(null);
  const [policyFocus, setPolicyFocus] = useState<PolicyFocus | null>(null);
  const [calendarFocus, setCalendarFocus] = useState<{ calendarId: string; action: CalendarAction } | null>(null);
  const reorders = useRef<Promise<unknown>>(Promise.resolve());
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      // Opened again: nothing left over from last time.
      setTab('policies');
      setView({ kind: 'list' });
      setNotice(null);
      setListError(null);
      setPolicyFocus(null);
      setCalendarFocus(null);
    }
  }

  const policy = 'id' in view && view.kind.endsWith('Policy') ? settings?.policies.find((p) => p.id === view.id) : undefined;
  const calendar = 'id' in view && view.kind.endsWith('Calendar') ? settings?.calendars.find((c) => c.id === view.id) : undefined;
  // What the view speaks of was removed meanwhile: back to the list.
  const effective: View = 'id' in view && settings && !policy && !calendar ? { kind: 'list' } : view;

  const toList = (next: Notice = null) => {
    setNotice(next);
    setListError(null);
    setView({ kind: 'list' });
  };
  const open = (next: View) => {
    setNotice(null);
    setListError(null);
    setView(next);
  };

  const movePolicy = (target: SlaPolicy, delta: -1 | 1) => {
    if (!settings) return;
    const from = settings.policies.findIndex((p) => p.id === target.id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= settings.policies.length) return;
    const order = [...settings.policies];
    [order[from], order[to]] = [order[to]!, order[from]!];
    push({ ...settings, policies: order });
    setPolicyFocus({ policyId: target.id, action: delta < 0 ? 'up' : 'down' });
    setNotice({ key: 'policyMoved', name: target.name, position: to + 1 });
    setListError(null);
    // One after the other, each with the whole order: the last one asked for is the one kept.
    const ids = order.map((p) => p.id);
    reorders.current = reorders.current
      .then(() => desk.reorderSlaPolicies({ ids }))
      .catch((error: unknown) => {
        setNotice(null);
        setListError({ title: t('slaSettings.policies.reorderFailed'), message: describeError(t, error) });
        reload();
      });
  };

  const policyAction = (action: PolicyAction, target: SlaPolicy) => {
    if (action === 'up' || action === 'down') return movePolicy(target, action === 'up' ? -1 : 1);
    open({ kind: action === 'edit' ? 'editPolicy' : 'removePolicy', id: target.id });
    setPolicyFocus({ policyId: target.id, action });
  };
  const calendarAction = (action: CalendarAction, target: SlaCalendar) => {
    open({ kind: action === 'edit' ? 'editCalendar' : 'removeCalendar', id: target.id });
    setCalendarFocus({ calendarId: target.id, action });
  };

  const title = {
    list: t('slaSettings.title'),
    addPolicy: t('slaSettings.policyForm.addTitle'),
    editPolicy: t('slaSettings.policyForm.editTitle'),
    removePolicy: t('slaSettings.policies.removeTitle'),
    addCalendar: t('slaSettings.calendarForm.addTitle'),
    editCalendar: t('slaSettings.calendarForm.editTitle'),
    removeCalendar: t('slaSettings.calendars.removeTitle'),
  }[effective.kind];

  let body: ReactNode;
  if (!settings) {
    body =
      query.error && !query.loading ? (
        <Stack gap="xs" role="alert">
          <Text size="sm">{t('slaSettings.loadFailed')}</Text>
          <Button size="xs" variant="light" onClick={reload} w="fit-content">
            {t('slaSettings.retry')}
          </Button>
        </Stack>
      ) : (
        <Group justify="center" p="md">
          <Loader size="sm" aria-label={t('slaSettings.loading')} />
        </Group>
      );
  } else {
    switch (effective.kind) {
      case 'list':
        body = (
          <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
            <Tabs.List mb="sm">
              <Tabs.Tab value="policies">{t('slaSettings.tabs.policies')}</Tabs.Tab>
              <Tabs.Tab value="calendars">{t('slaSettings.tabs.calendars')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="policies">
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
                  <Text size="sm" c="dimmed" id="sla-policies-intro">
                    {t('slaSettings.policies.intro')}
                  </Text>
                  <Button size="xs" onClick={() => open({ kind: 'addPolicy' })} data-autofocus={policyFocus === null || undefined} style={{ flexShrink: 0 }}>
                    {t('slaSettings.policies.add')}
                  </Button>
                </Group>
                <SlaFeedback error={listError} />
                <PolicyList policies={settings.policies} calendars={settings.calendars} labels={labels} focus={policyFocus} onAction={policyAction} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="calendars">
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    {t('slaSettings.calendars.intro')}
                  </Text>
                  <Button size="xs" onClick={() => open({ kind: 'addCalendar' })} style={{ flexShrink: 0 }}>
                    {t('slaSettings.calendars.add')}
                  </Button>
                </Group>
                <CalendarList calendars={settings.calendars} policies={settings.policies} focus={calendarFocus} onAction={calendarAction} />
              </Stack>
            </Tabs.Panel>
          </Tabs>
        );
        break;
      case 'addPolicy':
      case 'editPolicy':
        body = (
          <PolicyForm
            policy={policy ?? null}
            calendars={settings.calendars}
            accounts={accounts}
            onSaved={(saved) => {
              const added = !settings.policies.some((p) => p.id === saved.id);
              push({ ...settings, policies: added ? [...settings.policies, saved] : settings.policies.map((p) => (p.id === saved.id ? saved : p)) });
              reload();
              setPolicyFocus({ policyId: saved.id, action: 'edit' });
              toList({ key: added ? 'policyAdded' : 'policySaved', name: saved.name });
            }}
            onCancel={() => toList()}
          />
        );
        break;
      case 'removePolicy':
        body = policy && (
          <RemoveConfirm
            testId="sla-remove-policy"
            question={<TemplateText template={t('slaSettings.policies.removeQuestion', markers('name'))} values={{ name: policy.name }} />}
            details={t('slaSettings.policies.removeDetails')}
            confirmLabel={t('slaSettings.policies.removeConfirm')}
            failedTitle={t('slaSettings.policies.removeFailed')}
            onConfirm={() => desk.removeSlaPolicy({ id: policy.id })}
            onRemoved={() => {
              push({ ...settings, policies: settings.policies.filter((p) => p.id !== policy.id) });
              reload();
              setPolicyFocus(null);
              toList({ key: 'policyRemoved', name: policy.name });
            }}
            onCancel={() => toList()}
          />
        );
        break;
      case 'addCalendar':
      case 'editCalendar':
        body = (
          <CalendarForm
            calendar={calendar ?? null}
            usedBy={calendar ? policiesUsing(settings.policies, calendar.id) : []}
            onSaved={(saved) => {
              const added = !settings.calendars.some((c) => c.id === saved.id);
              push({ ...settings, calendars: added ? [...settings.calendars, saved] : settings.calendars.map((c) => (c.id === saved.id ? saved : c)) });
              reload();
              setCalendarFocus({ calendarId: saved.id, action: 'edit' });
              toList({ key: added ? 'calendarAdded' : 'calendarSaved', name: saved.name });
            }}
            onCancel={() => toList()}
          />
        );
        break;
      case 'removeCalendar': {
        const users = calendar ? policiesUsing(settings.policies, calendar.id) : [];
        body = calendar && (
          <RemoveConfirm
            testId="sla-remove-calendar"
            question={<TemplateText template={t('slaSettings.calendars.removeQuestion', markers('name'))} values={{ name: calendar.name }} />}
            details={
              users.length > 0
                ? t('slaSettings.calendars.removeUsed', { count: users.length, policies: new Intl.ListFormat(locale, { type: 'conjunction' }).format(users) })
                : t('slaSettings.calendars.removeUnused')
            }
            confirmLabel={t('slaSettings.calendars.removeConfirm')}
            failedTitle={t('slaSettings.calendars.removeFailed')}
            onConfirm={() => desk.removeBusinessCalendar({ id: calendar.id })}
            onRemoved={() => {
              push({ ...settings, calendars: settings.calendars.filter((c) => c.id !== calendar.id) });
              reload();
              setCalendarFocus(null);
              toList({ key: 'calendarRemoved', name: calendar.name });
            }}
            onCancel={() => toList()}
          />
        );
        break;
      }
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="xl"
      fullScreen={smallScreen}
      closeButtonProps={{ 'aria-label': t('slaSettings.close') }}
      data-testid="sla-dialog"
      data-view={effective.kind}
    >
      {/* Outlives the views, so what just happened is announced when the list comes back. */}
      <div role="status" aria-atomic="true" data-testid="sla-notice">
        {notice && effective.kind === 'list' && (
          <Text size="sm" c="teal.8" fw={500} mb="sm">
            <TemplateText template={t(`slaSettings.notice.${notice.key}`, { ...markers('name'), position: notice.position })} values={{ name: notice.name }} />
          </Text>
        )}
      </div>
      <ViewFocus key={`${effective.kind}:${'id' in effective ? effective.id : ''}`}>{body}</ViewFocus>
    </Modal>
  );
}
