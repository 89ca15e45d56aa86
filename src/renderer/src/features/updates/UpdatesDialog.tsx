// Updates, opened from the SETTINGS group of the queue rail and from the header's "update ready":
// where the updater is (checking, the download's progress, ready to restart), Check now, and the
// settings (channel, feed address, auto-download). In browser mode there is no updater: it says
// that the desktop app manages updates, and the settings still save for it.
import { Alert, Button, Group, Modal, Progress, Radio, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateSettings, UpdateState } from '@shared/updates';
import { UPDATE_CHANNELS } from '@shared/updates';
import { useNow } from '../../components/useNow';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showInfoToast } from '../../app/toasts';
import { formatMessageTime } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { DraftNotSavedError, saveAllBeforeRestart } from './beforeRestart';
import { feedProblem, toFormValues, toSettingsInput, type UpdateFormValues } from './updateForm';
import { progressText } from './updateText';
import { useUpdateState } from './useUpdateState';

type Feedback = { title: string; text: string } | null;

export function UpdatesDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const smallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  const state = useUpdateState();
  const [settings, setSettings] = useState<UpdateSettings | undefined>(undefined);
  const [values, setValues] = useState<UpdateFormValues>(() => toFormValues(undefined));
  const [showProblem, setShowProblem] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState<'save' | 'check' | 'download' | 'restart' | null>(null);
  const [wasOpened, setWasOpened] = useState(false);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      // Opened again: start from what the core has now.
      setFeedback(null);
      setShowProblem(false);
    }
  }

  useEffect(() => {
    if (!opened) return;
    let live = true;
    desk.getUpdateSettings({}).then(
      (loaded) => {
        if (!live) return;
        setSettings(loaded);
        setValues(toFormValues(loaded));
      },
      (error: unknown) => live && setFeedback({ title: t('updates.loadFailed'), text: describeError(t, error) }),
    );
    return () => {
      live = false;
    };
  }, [opened, desk, t]);

  const problem = feedProblem(values);
  const update = (patch: Partial<UpdateFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setFeedback(null);
  };

  const run = async (kind: 'check' | 'download' | 'restart', action: () => Promise<unknown>, failedTitle: string) => {
    if (busy) return;
    setBusy(kind);
    setFeedback(null);
    try {
      await action();
    } catch (error) {
      setFeedback({ title: failedTitle, text: error instanceof DraftNotSavedError ? t('updates.draftNotSaved') : describeError(t, error) });
    } finally {
      setBusy(null);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (problem) {
      setShowProblem(true);
      document.getElementById('updates-feed-url')?.focus();
      return;
    }
    setBusy('save');
    setFeedback(null);
    try {
      const saved = await desk.saveUpdateSettings(toSettingsInput(values));
      setSettings(saved);
      setValues(toFormValues(saved));
      showInfoToast(t('updates.saved'));
    } catch (error) {
      setFeedback({ title: t('updates.saveFailed'), text: describeError(t, error) });
    } finally {
      setBusy(null);
    }
  };

  const restart = () =>
    run(
      'restart',
      async () => {
        // The open draft first: the core stops right after.
        await saveAllBeforeRestart();
        await desk.restartToUpdate({});
      },
      t('updates.restartFailed'),
    );

  const unsupported = state?.status === 'unsupported';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('updates.title')}
      size="lg"
      fullScreen={smallScreen}
      closeButtonProps={{ 'aria-label': t('updates.close') }}
      data-testid="updates-dialog"
    >
      <Stack gap="lg">
        <section aria-labelledby="updates-status-heading">
          <Title order={3} size="h5" id="updates-status-heading" mb="xs">
            {t('updates.statusHeading')}
          </Title>
          <Stack gap="sm">
            <div role="status" aria-live="polite" data-testid="update-status">
              {state && <UpdateStatusText state={state} />}
            </div>
            {state?.status === 'downloading' && <DownloadProgress state={state} />}
            {!unsupported && (
              <Group gap="sm">
                <Button
                  variant="light"
                  onClick={() => void run('check', () => desk.checkForUpdates({}), t('updates.checkFailed'))}
                  loading={busy === 'check' || state?.status === 'checking'}
                  disabled={state === undefined || state.status === 'downloading' || state.status === 'ready' || (busy !== null && busy !== 'check')}
                >
                  {t('updates.checkNow')}
                </Button>
                {state?.status === 'available' && (
                  <Button variant="light" onClick={() => void run('download', () => desk.downloadUpdate({}), t('updates.downloadFailed'))} loading={busy === 'download'} disabled={busy !== null && busy !== 'download'}>
                    {t('updates.download', { version: state.version })}
                  </Button>
                )}
                {state?.status === 'ready' && (
                  <Button color="teal" onClick={() => void restart()} loading={busy === 'restart'} disabled={busy !== null && busy !== 'restart'} data-testid="restart-to-update">
                    {t('updates.restart')}
                  </Button>
                )}
              </Group>
            )}
            {state?.status === 'ready' && (
              <Text size="sm" c="dimmed">
                {t('updates.restartKeeps')}
              </Text>
            )}
          </Stack>
        </section>
        <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy === 'save'} aria-labelledby="updates-settings-heading">
          <Title order={3} size="h5" id="updates-settings-heading" mb="xs">
            {t('updates.settingsHeading')}
          </Title>
          <Stack gap="md">
            {unsupported && (
              <Text size="sm" c="dimmed">
                {t('updates.settingsForDesktop')}
              </Text>
            )}
            <Radio.Group label={t('updates.channel')} value={values.channel} onChange={(channel) => update({ channel: channel as UpdateFormValues['channel'] })}>
              <Stack gap="sm" mt={8}>
                {UPDATE_CHANNELS.map((channel) => (
                  <Radio key={channel} value={channel} label={t(`updates.channels.${channel}`)} description={t(`updates.channelHints.${channel}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <TextInput
              id="updates-feed-url"
              label={t('updates.feedUrl')}
              description={settings?.builtInFeedUrl ? t('updates.feedUrlHint', { url: settings.builtInFeedUrl }) : t('updates.feedUrlHintNone')}
              placeholder={settings?.builtInFeedUrl ?? 'https://updates.example.com/shiftdesk'}
              value={values.feedUrl}
              onChange={(e) => update({ feedUrl: e.currentTarget.value })}
              error={showProblem && problem ? t(`updates.feedProblems.${problem}`) : undefined}
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
            />
            <Switch label={t('updates.autoDownload')} description={t('updates.autoDownloadHint')} checked={values.autoDownload} onChange={(e) => update({ autoDownload: e.currentTarget.checked })} />
            <div role="alert" aria-atomic="true">
              {feedback && (
                <Alert role="none" color="red" variant="light" title={feedback.title} py={8}>
                  <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{feedback.text}</span>
                </Alert>
              )}
            </div>
            <Group justify="flex-end" gap="sm">
              <Button variant="subtle" color="gray" onClick={onClose} disabled={busy === 'save'}>
                {t('updates.closeButton')}
              </Button>
              <Button type="submit" loading={busy === 'save'} disabled={settings === undefined || (busy !== null && busy !== 'save')}>
                {t('updates.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}

function UpdateStatusText({ state }: { state: UpdateState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  switch (state.status) {
    case 'unsupported':
      return (
        <Alert role="none" color="blue" variant="light" title={state.reason === 'browser-mode' ? t('updates.unsupported.browserMode') : t('updates.unsupported.development')} py={8} data-testid="updates-unsupported">
          {state.reason === 'browser-mode' ? t('updates.unsupported.browserModeDetail') : t('updates.unsupported.developmentDetail')}
        </Alert>
      );
    case 'idle':
      return <Text size="sm">{t('updates.state.idle')}</Text>;
    case 'checking':
      return <Text size="sm">{t('updates.state.checking')}</Text>;
    case 'not-available':
      return <Text size="sm">{t('updates.state.upToDate', { time: formatMessageTime(state.checkedAt, now, locale) })}</Text>;
    case 'available':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('updates.state.available', { version: state.version })}
          </Text>
          {state.notes && <ReleaseNotes notes={state.notes} />}
        </Stack>
      );
    case 'downloading':
      return <Text size="sm">{t('updates.state.downloading', { version: state.version })}</Text>;
    case 'ready':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('updates.state.ready', { version: state.version })}
          </Text>
          {state.notes && <ReleaseNotes notes={state.notes} />}
        </Stack>
      );
    case 'error':
      return (
        <Alert role="none" color="red" variant="light" title={t('updates.state.error')} py={8}>
          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{state.message}</span>
        </Alert>
      );
  }
}

/** From the feed: text only, never HTML. */
function ReleaseNotes({ notes }: { notes: string }) {
  return (
    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto" lineClamp={8}>
      {notes}
    </Text>
  );
}

function DownloadProgress({ state }: { state: Extract<UpdateState, { status: 'downloading' }> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = progressText(state, locale);
  const detail = t('updates.progress', { ...text });
  return (
    <Stack gap={4}>
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-label={t('updates.progressLabel', { version: state.version })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(state.percent)}
        aria-valuetext={detail}
      >
        <Progress.Section value={state.percent} withAria={false} />
      </Progress.Root>
      <Text size="xs" c="dimmed" aria-hidden>
        {detail}
      </Text>
    </Stack>
  );
}
