// "Continue by e-mail": when a public conversation needs depth (booking details, documents),
// the agent writes the customer an e-mail from one of the desk's e-mail accounts; a short public
// note tells the customer to look in their inbox, and the original is resolved.
import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail, ConversationSummary } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { useWorkspace } from '../../app/workspaceContext';
import { useAccountLabel } from '../../components/useAccountLabel';
import { emailAccounts, firstMoveError, initialMoveValues, toMoveInput, validateMove, type MoveErrors, type MoveField, type MoveValues } from './moveToEmailForm';

const fieldId = (field: MoveField) => `move-to-email-${field}`;

export interface MoveToEmailDialogProps {
  detail: ConversationDetail;
  opened: boolean;
  onClose(): void;
  onMoved(email: ConversationSummary): void;
}

export function MoveToEmailDialog({ detail, opened, onClose, onMoved }: MoveToEmailDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('moveToEmail.title')} size="lg" closeButtonProps={{ 'aria-label': t('moveToEmail.cancel') }}>
      {/* Mounted per opening: fresh values and a fresh idempotency key each time. */}
      {opened && <MoveToEmailForm detail={detail} onCancel={onClose} onMoved={onMoved} />}
    </Modal>
  );
}

function MoveToEmailForm({ detail, onCancel, onMoved }: { detail: ConversationDetail; onCancel(): void; onMoved(email: ConversationSummary): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const { workspace } = useWorkspace();
  const accountLabel = useAccountLabel();
  const accounts = workspace?.accounts ?? [];
  const [clientId] = useState(() => crypto.randomUUID());
  const [values, setValues] = useState<MoveValues>(() =>
    initialMoveValues(detail, accounts, {
      subject: t('moveToEmail.defaultSubject', { account: detail.account.name }),
      notice: t('moveToEmail.defaultNotice'),
    }),
  );
  const [errors, setErrors] = useState<MoveErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = <K extends keyof MoveValues>(key: K, value: MoveValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => f !== key)));
  };
  const error = (field: MoveField) => {
    const key = errors[field];
    return key === undefined ? undefined : t(`moveToEmail.required.${key}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateMove(values);
    setErrors(found);
    const first = firstMoveError(found);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onMoved(await desk.moveToEmail(toMoveInput(detail.conversation.id, values, clientId)));
    } catch (e) {
      setFailure(describeError(t, e));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="move-to-email-form">
      <Stack gap="sm">
        <NativeSelect
          id={fieldId('accountId')}
          label={t('moveToEmail.from')}
          data={emailAccounts(accounts).map((a) => ({ value: a.id, label: `${accountLabel(a)} <${a.handle}>` }))}
          value={values.accountId}
          onChange={(e) => change('accountId', e.currentTarget.value)}
          error={error('accountId')}
        />
        <TextInput
          id={fieldId('address')}
          label={t('moveToEmail.to')}
          description={t('moveToEmail.toHint', { name: detail.customer.displayName })}
          type="email"
          inputMode="email"
          autoComplete="off"
          required
          data-autofocus
          value={values.address}
          onChange={(e) => change('address', e.currentTarget.value)}
          error={error('address')}
        />
        <TextInput
          id={fieldId('subject')}
          label={t('moveToEmail.subject')}
          required
          value={values.subject}
          onChange={(e) => change('subject', e.currentTarget.value)}
          error={error('subject')}
          maxLength={300}
        />
        <Textarea
          id={fieldId('body')}
          label={t('moveToEmail.body')}
          required
          autosize
          minRows={5}
          maxRows={12}
          value={values.body}
          onChange={(e) => change('body', e.currentTarget.value)}
          error={error('body')}
        />
        <Checkbox
          label={t('moveToEmail.withNotice', { platform: t(`platform.${detail.account.platform}`) })}
          checked={values.withNotice}
          onChange={(e) => change('withNotice', e.currentTarget.checked)}
        />
        {values.withNotice && (
          <Textarea
            id={fieldId('notice')}
            label={t('moveToEmail.notice')}
            description={t('moveToEmail.noticeHint')}
            autosize
            minRows={2}
            value={values.notice}
            onChange={(e) => change('notice', e.currentTarget.value)}
            error={error('notice')}
          />
        )}
        <div role="alert" aria-atomic="true" data-testid="move-to-email-error">
          {failure && (
            <Alert role="none" color="red" variant="light" title={t('moveToEmail.failed')} py={8}>
              <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{failure}</span>
            </Alert>
          )}
        </div>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('moveToEmail.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('moveToEmail.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
