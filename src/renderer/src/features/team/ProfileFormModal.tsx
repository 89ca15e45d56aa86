// Edit an agent's profile: home zone, languages, skills, covered queues and capacity. Each field
// says what is wrong with it; the core's refusal (a stale version, a bad zone) is shown in its own
// words and the form keeps what was typed.
import { Alert, Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentProfile } from '@shared/schedule';
import { describeError } from '../../app/describeError';
import { TimeZoneSelect } from '../sla/TimeZoneSelect';
import { hasProfileErrors, toProfile, toProfileForm, validateProfileForm, type ProfileFormErrors, type ProfileFormField, type ProfileFormValues } from './profileForm';

export interface ProfileTarget {
  name: string;
  profile: AgentProfile;
}

interface Props {
  target: ProfileTarget | null;
  /** The queues an agent can cover, named. */
  queueChoices: { value: string; label: string }[];
  onClose(): void;
  onSave(profile: AgentProfile): Promise<unknown>;
}

export function ProfileFormModal({ target, queueChoices, onClose, onSave }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? t('team.form.title', { name: target.name }) : ''} size="lg" closeButtonProps={{ 'aria-label': t('team.form.close') }}>
      {target && <ProfileForm key={target.profile.agentId} target={target} queueChoices={queueChoices} onClose={onClose} onSave={onSave} />}
    </Modal>
  );
}

function ProfileForm({ target, queueChoices, onClose, onSave }: { target: ProfileTarget } & Omit<Props, 'target'>) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => toProfileForm(target.profile));
  const [errors, setErrors] = useState<ProfileFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (field: ProfileFormField) => {
    const found = errors[field];
    return found ? t(found.key as 'team.form.errors.language', (found.values ?? {}) as { tag: string }) : undefined;
  };
  // A queue the profile covers but the desk no longer lists (an account removed) stays choosable, so saving loses nothing.
  const choices = [...queueChoices, ...values.queues.filter((q) => !queueChoices.some((c) => c.value === q)).map((q) => ({ value: q, label: q }))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateProfileForm(values);
    setErrors(found);
    if (hasProfileErrors(found)) return;
    setBusy(true);
    setFailure(null);
    try {
      await onSave(toProfile(values, target.profile));
      onClose();
    } catch (e) {
      setFailure(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {failure && (
          <Alert color="red" role="alert" title={t('team.form.saveFailed')}>
            {failure}
          </Alert>
        )}
        <TimeZoneSelect id="profile-zone" value={values.timeZone} onChange={(zone) => set('timeZone', zone)} error={error('timeZone')} label={t('team.form.zone')} />
        <TextInput label={t('team.form.languages')} description={t('team.form.languagesHint')} value={values.languages} onChange={(e) => set('languages', e.currentTarget.value)} error={error('languages')} />
        <TextInput label={t('team.form.skills')} description={t('team.form.skillsHint')} value={values.skills} onChange={(e) => set('skills', e.currentTarget.value)} error={error('skills')} />
        <MultiSelect
          label={t('team.form.queues')}
          description={t('team.form.queuesHint')}
          data={choices}
          value={values.queues}
          onChange={(queues) => set('queues', queues)}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput label={t('team.form.capacity')} description={t('team.form.capacityHint')} inputMode="numeric" value={values.capacity} onChange={(e) => set('capacity', e.currentTarget.value)} error={error('capacity')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('team.form.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('team.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
