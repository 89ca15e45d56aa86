// My notifications, opened from the bell in the header next to quiet mode: this agent's role
// (a lead also hears about everyone's breaches) and working hours (one of the business
// calendars, or always), saved with setMyPreferences; quiet mode stays as the header set it.
import { Alert, Button, Group, Loader, Modal, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentRole } from '@shared/domain';
import type { SlaCalendar } from '@shared/sla';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showInfoToast } from '../../app/toasts';
import { useWorkspace } from '../../app/workspaceContext';
import { useLocale } from '../../i18n/useLocale';
import { ALWAYS, calendarChoices, ROLES, toPreferencesInput, toPreferenceValues, type PreferenceValues } from './myPreferences';

type Calendars = { calendars: SlaCalendar[] } | { error: string } | null;

export function MyNotificationsDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const locale = useLocale();
  const { workspace } = useWorkspace();
  const self = workspace?.self;
  const smallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [values, setValues] = useState<PreferenceValues>({ role: 'agent', calendarId: ALWAYS });
  const [calendars, setCalendars] = useState<Calendars>(null);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [wasOpened, setWasOpened] = useState(false);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      // Opened again: start from what the core has now.
      if (self) setValues(toPreferenceValues(self));
      setCalendars(null);
      setFailure(null);
      setBusy(false);
    }
  }

  useEffect(() => {
    if (!opened) return;
    let current = true;
    desk.listSlaSettings({}).then(
      (settings) => current && setCalendars({ calendars: settings.calendars }),
      (error: unknown) => current && setCalendars({ error: describeError(t, error) }),
    );
    return () => {
      current = false;
    };
  }, [opened, attempt, desk, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !workspace) return;
    setBusy(true);
    setFailure(null);
    try {
      // Quiet mode as it is at this moment (the header may have changed it while this was open).
      await desk.setMyPreferences(toPreferencesInput(values, workspace.self));
      showInfoToast(t('myNotifications.saved'));
      onClose();
    } catch (error) {
      setFailure(describeError(t, error));
      setBusy(false);
    }
  };

  const loadedCalendars = calendars && 'calendars' in calendars ? calendars.calendars : null;
  const choices = [
    { value: ALWAYS, label: t('myNotifications.always') },
    ...(loadedCalendars
      ? calendarChoices(loadedCalendars, locale)
      : values.calendarId !== ALWAYS
        ? [{ value: values.calendarId, label: values.calendarId }]
        : []),
  ];

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('myNotifications.title')}
      size="md"
      fullScreen={smallScreen}
      closeButtonProps={{ 'aria-label': t('myNotifications.close') }}
      data-testid="my-notifications-dialog"
    >
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('myNotifications.intro')}
          </Text>
          <Radio.Group label={t('myNotifications.role')} value={values.role} onChange={(role) => setValues((v) => ({ ...v, role: role as AgentRole }))}>
            <Stack gap="sm" mt={8}>
              {ROLES.map((role) => (
                <Radio key={role} value={role} label={t(`myNotifications.roles.${role}`)} description={t(`myNotifications.roleHint.${role}`)} data-autofocus={role === values.role || undefined} />
              ))}
            </Stack>
          </Radio.Group>
          <Stack gap={6}>
            <NativeSelect
              label={t('myNotifications.hours')}
              description={t('myNotifications.hoursHint')}
              value={values.calendarId}
              onChange={(e) => {
                const calendarId = e.currentTarget.value;
                setValues((v) => ({ ...v, calendarId }));
              }}
              data={choices}
              rightSection={calendars === null ? <Loader size={14} aria-label={t('myNotifications.loading')} /> : undefined}
            />
            {loadedCalendars?.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('myNotifications.noCalendars')}
              </Text>
            )}
            {calendars && 'error' in calendars && (
              <Group gap="xs" role="alert">
                <Text size="xs" c="red.8">
                  {t('myNotifications.loadFailed')} {calendars.error}
                </Text>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => {
                    setCalendars(null);
                    setAttempt((n) => n + 1);
                  }}
                >
                  {t('myNotifications.retry')}
                </Button>
              </Group>
            )}
          </Stack>
          <div role="alert" aria-atomic="true" data-testid="my-notifications-error">
            {failure && (
              <Alert role="none" color="red" variant="light" title={t('myNotifications.saveFailed')} py={8}>
                <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{failure}</span>
              </Alert>
            )}
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="subtle" color="gray" onClick={onClose} disabled={busy}>
              {t('myNotifications.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!workspace}>
              {t('myNotifications.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
