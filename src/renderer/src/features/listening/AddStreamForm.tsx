// Adding a listening stream: the account it searches with (only those whose platform offers
// search), a name, the query (with its syntax explained) and whether its hits are support or
// sales opportunities. A refusal by the core is shown in its own words.
import { Button, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, ConversationIntent, ListeningStream } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { useAccountLabel } from '../../components/useAccountLabel';
import {
  canListen,
  emptyStreamValues,
  firstStreamError,
  INTENTS,
  MAX_STREAM_NAME_LENGTH,
  MAX_STREAM_QUERY_LENGTH,
  toStreamInput,
  validateStream,
  type StreamErrors,
  type StreamField,
  type StreamValues,
} from './listeningForm';
import { StreamFeedback, type StreamError } from './StreamFeedback';

export const streamFieldId = (field: StreamField) => `listening-stream-${field}`;

export function AddStreamForm({ accounts, onAdded, onCancel }: { accounts: Account[]; onAdded(stream: ListeningStream): void; onCancel(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const accountLabel = useAccountLabel();
  const listening = accounts.filter(canListen);
  const [values, setValues] = useState<StreamValues>(() => emptyStreamValues(accounts));
  const [errors, setErrors] = useState<StreamErrors>({});
  const [failure, setFailure] = useState<StreamError>(null);
  const [busy, setBusy] = useState(false);

  const change = <K extends keyof StreamValues>(key: K, value: StreamValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (key in errors) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => f !== key)));
  };
  const error = (field: StreamField) => {
    const key = errors[field];
    return key === undefined ? undefined : t(`listening.form.required.${key}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateStream(values, accounts);
    setErrors(found);
    const first = firstStreamError(found);
    if (first) {
      document.getElementById(streamFieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const stream = await desk.addListeningStream(toStreamInput(values));
      onAdded(stream);
    } catch (e) {
      setFailure({ title: t('listening.result.addFailed'), message: describeError(t, e) });
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="add-stream-form">
      <Stack gap="md">
        {listening.length === 0 && (
          <Text size="sm" c="orange.8" role="note">
            {t('listening.form.noAccounts')}
          </Text>
        )}
        <NativeSelect
          id={streamFieldId('accountId')}
          label={t('listening.form.account')}
          description={t('listening.form.accountHint')}
          value={values.accountId}
          onChange={(e) => change('accountId', e.currentTarget.value)}
          data={listening.map((a) => ({ value: a.id, label: accountLabel(a) }))}
          error={error('accountId')}
          disabled={listening.length === 0}
          required
        />
        <TextInput
          id={streamFieldId('name')}
          label={t('listening.form.name')}
          description={t('listening.form.nameHint')}
          value={values.name}
          onChange={(e) => change('name', e.currentTarget.value)}
          error={error('name')}
          maxLength={MAX_STREAM_NAME_LENGTH}
          autoComplete="off"
          required
          data-autofocus
        />
        <TextInput
          id={streamFieldId('query')}
          label={t('listening.form.query')}
          description={t('listening.form.queryHint')}
          value={values.query}
          onChange={(e) => change('query', e.currentTarget.value)}
          error={error('query')}
          maxLength={MAX_STREAM_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          dir="auto"
          required
        />
        <Radio.Group
          label={t('listening.form.intent')}
          description={t('listening.form.intentHint')}
          value={values.intent}
          onChange={(v) => change('intent', v as ConversationIntent)}
        >
          <Group gap="lg" mt={8}>
            {INTENTS.map((intent) => (
              <Radio key={intent} value={intent} label={t(`listening.intents.${intent}`)} />
            ))}
          </Group>
        </Radio.Group>
        <StreamFeedback error={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
            {t('listening.form.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={listening.length === 0}>
            {t('listening.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
