// The handover panel, opened from the header: every pending handover item (and those
// acknowledged in the last day) with its SLA state, the customer's last message, the promises
// made and the outgoing agent's note; the item can be handed to another agent or the queue with a
// note, and its receiver acknowledges it. Auto-assignment of new conversations is switched here too.
import { Alert, Badge, Button, Card, Group, Loader, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '@shared/domain';
import type { HandoverItem } from '@shared/handover';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { useWorkspace } from '../../app/workspaceContext';
import { SlaCountdown } from '../../components/SlaCountdown';
import { formatMessageTime } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { useNow } from '../../components/useNow';
import { AutoAssignSwitch } from './AutoAssignSwitch';
import { QUEUE_VALUE, sortItems, toReceiver } from './handoverView';

export function HandoverPanel({ opened, onClose, items, error, onOpenConversation }: {
  opened: boolean;
  onClose(): void;
  items: HandoverItem[] | undefined;
  error: string | null;
  onOpenConversation(id: number): void;
}) {
  const { t } = useTranslation();
  const smallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  const { workspace } = useWorkspace();
  return (
    <Modal opened={opened} onClose={onClose} title={t('handover.title')} size="xl" fullScreen={smallScreen} closeButtonProps={{ 'aria-label': t('handover.close') }}>
      <Stack gap="sm">
        <AutoAssignSwitch />
        {error && <Alert color="red" title={t('handover.loadFailed')}>{error}</Alert>}
        {!items && !error && <Loader size="sm" aria-label={t('handover.loading')} />}
        {items && items.length === 0 && <Text c="dimmed">{t('handover.empty')}</Text>}
        {items && workspace && (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('handover.listLabel')}>
            {sortItems(items).map((item) => (
              <li key={item.id}>
                <HandoverCard item={item} agents={workspace.agents} selfId={workspace.self.id} onOpenConversation={onOpenConversation} />
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

function HandoverCard({ item, agents, selfId, onOpenConversation }: { item: HandoverItem; agents: Agent[]; selfId: string; onOpenConversation(id: number): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const locale = useLocale();
  const now = useNow();
  const name = (id: string | null) => (id === null ? t('handover.queue') : (agents.find((a) => a.id === id)?.name ?? id));
  const [receiver, setReceiver] = useState(item.toAgentId ?? QUEUE_VALUE);
  const [note, setNote] = useState(item.note ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const pending = item.status === 'pending';
  const canAcknowledge = pending && (item.toAgentId === selfId || item.toAgentId === null);
  const headingId = `handover-${item.id}`;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(describeError(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={headingId} data-testid="handover-item" data-status={item.status}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} id={headingId}>
            <bdi>{item.customerName}</bdi>
          </Text>
          <Group gap="xs" wrap="nowrap">
            {item.sla.dueAt !== null && <SlaCountdown dueAt={item.sla.dueAt} />}
            <Badge color={pending ? 'cyan' : 'gray'} variant="light">
              {t(`handover.status.${item.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('handover.fromTo', { from: name(item.fromAgentId), to: name(item.toAgentId), time: formatMessageTime(item.shiftEnd, now, locale) })}
        </Text>
        <div>
          <Text size="xs" fw={600} tt="uppercase" c="dimmed">
            {t('handover.lastCustomerMessage')}
          </Text>
          {item.lastCustomerMessage ? (
            <Text size="sm" dir="auto" lineClamp={3}>
              {item.lastCustomerMessage.body}{' '}
              <Text span size="xs" c="dimmed">
                ({formatMessageTime(item.lastCustomerMessage.createdAt, now, locale)})
              </Text>
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('handover.noCustomerMessage')}
            </Text>
          )}
        </div>
        <div>
          <Text size="xs" fw={600} tt="uppercase" c="dimmed">
            {t('handover.promises')}
          </Text>
          {item.promises.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('handover.noPromises')}
            </Text>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
              {item.promises.map((p) => (
                <li key={`${p.sentAt}-${p.text}`}>
                  <Text size="sm" span dir="auto">
                    “{p.text}”
                  </Text>{' '}
                  <Text size="xs" span c={p.dueAt !== null && p.dueAt < now ? 'red.7' : 'dimmed'} fw={p.dueAt !== null && p.dueAt < now ? 700 : 400}>
                    {p.dueAt === null ? t('handover.promiseNoTime') : t(p.dueAt < now ? 'handover.promiseOverdue' : 'handover.promiseDue', { time: formatMessageTime(p.dueAt, now, locale) })}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </div>
        {pending ? (
          <Stack gap={6}>
            <Textarea
              label={t('handover.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={1}
              maxRows={4}
              maxLength={2000}
              size="sm"
            />
            <Group align="end" gap="xs" wrap="wrap">
              <NativeSelect
                label={t('handover.receiver')}
                value={receiver}
                onChange={(e) => setReceiver(e.currentTarget.value)}
                size="sm"
                data={[{ value: QUEUE_VALUE, label: t('handover.queue') }, ...agents.filter((a) => a.id !== item.fromAgentId).map((a) => ({ value: a.id, label: a.name }))]}
              />
              <Button size="sm" variant="default" loading={busy} onClick={() => void run(() => desk.reassignHandover({ itemId: item.id, to: toReceiver(receiver), note }))}>
                {t('handover.reassign')}
              </Button>
              {canAcknowledge && (
                <Button size="sm" loading={busy} onClick={() => void run(() => desk.acknowledgeHandover({ itemId: item.id }))}>
                  {t('handover.acknowledge')}
                </Button>
              )}
              <Button size="sm" variant="subtle" onClick={() => onOpenConversation(item.conversationId)} aria-label={t('handover.openConversationOf', { customer: item.customerName })}>
                {t('handover.openConversation')}
              </Button>
            </Group>
          </Stack>
        ) : (
          item.note && (
            <Text size="sm">
              {t('handover.noteShown', { note: item.note })}
            </Text>
          )
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
