// One message: inbound on the start side (with its detected language and how sure), the agent's
// replies on the end side with their delivery state (queued, sending, sent, failed with the reason
// and Retry).
import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@shared/domain';
import { formatFullDateTime, formatMessageTime } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { readNow } from '../../components/useNow';
import { LanguageTag } from '../../components/LanguageTag';
import { urgencyReasonText } from '../../components/urgencyReasons';
import { MessageTranslation } from '../translation/MessageTranslation';
import { SentimentMark, SurveyAnswerBadge } from './MessageMarks';
import classes from './Thread.module.css';

export const MessageItem = memo(function MessageItem({ message, onRetry }: { message: Message; onRetry(id: number): Promise<unknown> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const outbound = message.direction === 'out';
  return (
    <li
      className={classes.message}
      data-status={message.status}
      data-direction={message.direction}
      data-message-id={message.id}
    >
      <div className={classes.bubble}>
        <Group gap={6} wrap="nowrap" mb={2}>
          <Text size="xs" fw={600} truncate>
            {/* Sent by the desk itself (an SLA policy's acknowledgement, a survey), not by an agent. */}
            {outbound && !message.authorName ? t(message.surveyQuestion ? 'message.surveyQuestion' : 'message.automatic') : <bdi>{message.authorName}</bdi>}
          </Text>
          <Text size="xs" c="dimmed" component="time" dateTime={new Date(message.createdAt).toISOString()} title={formatFullDateTime(message.createdAt, locale)} style={{ whiteSpace: 'nowrap' }}>
            {formatMessageTime(message.createdAt, readNow(), locale)}
          </Text>
          {!outbound && message.language && <LanguageTag code={message.language} source={message.languageSource} confidence={message.languageConfidence} />}
          {message.urgent && <UrgentBadge message={message} />}
          {!outbound && message.sentiment && <SentimentMark sentiment={message.sentiment} />}
          {message.survey && <SurveyAnswerBadge survey={message.survey} />}
        </Group>
        {/* lang: the detected language, for the right glyphs (Han in Japanese) and screen-reader voice. */}
        <Text size="sm" dir="auto" lang={message.language ?? undefined} className={classes.body}>
          {message.body}
        </Text>
        {!outbound && <MessageTranslation message={message} />}
        {outbound && <DeliveryState message={message} onRetry={onRetry} />}
      </div>
    </li>
  );
});

/** Urgent, and why (the rules that matched), on hover and to screen readers. */
function UrgentBadge({ message }: { message: Message }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reasons = (message.urgency?.reasons ?? []).map((r) => urgencyReasonText(t, r, locale));
  if (message.urgency?.mustInterrupt) reasons.push(t('urgency.mustInterrupt'));
  const badge = (
    <Badge size="xs" color="red" variant="light" tabIndex={reasons.length ? 0 : undefined} aria-description={reasons.join('. ') || undefined} data-testid="urgent-badge">
      {t('message.urgent')}
    </Badge>
  );
  if (reasons.length === 0) return badge;
  return (
    <Tooltip label={reasons.map((r) => <div key={r}>{r}</div>)} withArrow multiline maw={320} events={{ hover: true, focus: true, touch: true }}>
      {badge}
    </Tooltip>
  );
}

function DeliveryState({ message, onRetry }: { message: Message; onRetry(id: number): Promise<unknown> }) {
  const { t } = useTranslation();
  const [retrying, setRetrying] = useState(false);
  if (message.status === 'failed') {
    return (
      <Group gap="xs" mt={4} justify="flex-end" wrap="nowrap">
        <Text size="xs" c="red.7" fw={500} className={classes.deliveryText}>
          {message.error ? t('message.failedReason', { reason: message.error }) : t('message.status.failed')}
        </Text>
        <Button
          size="compact-xs"
          color="red"
          variant="light"
          loading={retrying}
          onClick={async () => {
            setRetrying(true);
            try {
              await onRetry(message.id);
            } finally {
              setRetrying(false);
            }
          }}
        >
          {t('message.retry')}
        </Button>
      </Group>
    );
  }
  if (message.status === 'received') return null;
  const text =
    message.status === 'queued' && message.error
      ? `${t('message.status.queued')} · ${t('message.waiting', { reason: message.error })}`
      : t(`message.status.${message.status}`);
  return (
    <Text size="xs" mt={4} ta="end" c={message.status === 'sent' ? 'dimmed' : 'orange.8'} className={classes.deliveryText}>
      {text}
    </Text>
  );
}
