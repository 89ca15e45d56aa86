// The urgency rules, as one dialog opened from the gear next to INBOX in the queue rail: every
// rule with its On and Must-interrupt switches and its own values, and the spike settings. The
// rules are read from the core each time it opens; Cancel discards the edits, Save checks them
// here first (each field says what is wrong) and shows the core's own words if it refuses.
import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UrgencyRules } from '@shared/urgency';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showInfoToast } from '../../app/toasts';
import { RuleSection, SpikesSection } from './RuleSections';
import {
  fieldId,
  firstUrgencyError,
  toFormValues,
  toUrgencyRules,
  validateUrgencyForm,
  type RuleValues,
  type SpikeValues,
  type UrgencyErrors,
  type UrgencyFormValues,
} from './urgencyForm';
import classes from './UrgencyRules.module.css';

export interface UrgencyRulesDialogProps {
  opened: boolean;
  onClose(): void;
}

type Loaded = { rules: UrgencyRules; session: number } | { error: string } | null;

export function UrgencyRulesDialog({ opened, onClose }: UrgencyRulesDialogProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const smallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [attempt, setAttempt] = useState(0);
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    // Opened again: read the core's rules afresh; nothing left over from last time.
    if (opened) setLoaded(null);
  }

  useEffect(() => {
    if (!opened) return;
    let current = true;
    desk.getUrgencyRules({}).then(
      (rules) => current && setLoaded({ rules, session: Date.now() }),
      (error: unknown) => current && setLoaded({ error: describeError(t, error) }),
    );
    return () => {
      current = false;
    };
  }, [opened, attempt, desk, t]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('urgencyRules.title')}
      size="xl"
      fullScreen={smallScreen}
      closeButtonProps={{ 'aria-label': t('urgencyRules.close') }}
      data-testid="urgency-rules-dialog"
    >
      {loaded === null ? (
        <Group justify="center" p="md">
          <Loader size="sm" aria-label={t('urgencyRules.loading')} />
        </Group>
      ) : 'error' in loaded ? (
        <Stack gap="xs" role="alert">
          <Text size="sm">{t('urgencyRules.loadFailed')}</Text>
          <Text size="sm" c="dimmed">
            {loaded.error}
          </Text>
          <Button size="xs" variant="light" onClick={() => {
              setLoaded(null);
              setAttempt((n) => n + 1);
            }} w="fit-content">
            {t('urgencyRules.retry')}
          </Button>
        </Stack>
      ) : (
        <UrgencyRulesForm key={loaded.session} rules={loaded.rules} onDone={onClose} />
      )}
    </Modal>
  );
}

function UrgencyRulesForm({ rules, onDone }: { rules: UrgencyRules; onDone(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [values, setValues] = useState<UrgencyFormValues>(() => toFormValues(rules));
  const [errors, setErrors] = useState<UrgencyErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorCount = Object.keys(errors).length;

  const clear = useCallback((...paths: string[]) => {
    setErrors((e) => (paths.some((p) => p in e) ? Object.fromEntries(Object.entries(e).filter(([p]) => !paths.includes(p))) : e));
  }, []);
  const changeRule = useCallback((id: string, update: (rule: RuleValues) => RuleValues) => {
    setValues((v) => ({ ...v, rules: v.rules.map((r) => (r.id === id ? update(r) : r)) }));
  }, []);
  const changeSpikes = useCallback((update: (spikes: SpikeValues) => SpikeValues) => {
    setValues((v) => ({ ...v, spikes: update(v.spikes) }));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateUrgencyForm(values);
    setErrors(found);
    const first = firstUrgencyError(found);
    if (first) {
      const field = document.getElementById(fieldId(first));
      // Centred, so the sticky Save bar does not cover it.
      field?.focus({ preventScroll: true });
      field?.scrollIntoView({ block: 'center' });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await desk.saveUrgencyRules(toUrgencyRules(values));
      showInfoToast(t('urgencyRules.saved'), t('urgencyRules.savedBody'));
      onDone();
    } catch (error) {
      setFailure(describeError(t, error));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="urgency-rules-form">
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('urgencyRules.intro')}
        </Text>
        {values.rules.map((rule) => (
          <RuleSection key={rule.id} rule={rule} errors={errors} onChange={changeRule} onClear={clear} />
        ))}
        <SpikesSection spikes={values.spikes} errors={errors} onChange={changeSpikes} onClear={clear} />
      </Stack>
      <div className={classes.footer}>
        <div role="alert" aria-atomic="true" data-testid="urgency-rules-error">
          {failure && (
            <Alert role="none" color="red" variant="light" title={t('urgencyRules.saveFailed')} py={8} mb="sm">
              <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{failure}</span>
            </Alert>
          )}
        </div>
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Text size="sm" c="red.8" role="status" aria-live="polite" data-testid="urgency-rules-summary">
            {errorCount > 0 ? t('urgencyRules.fixErrors', { count: errorCount }) : ''}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="subtle" color="gray" onClick={onDone} disabled={busy}>
              {t('urgencyRules.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('urgencyRules.save')}
            </Button>
          </Group>
        </Group>
      </div>
    </form>
  );
}
