// Under a customer's message in another language than the UI's: "Translate" shows the machine
// translation below the original (both stay visible, each labelled with its language). The
// message is the customer's text: rendered as text, never as markup. Hidden with no provider.
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@shared/domain';
import { sameLanguage } from '@shared/languageTags';
import type { MessageTranslation as Translation } from '@shared/translation';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { useTranslationEnabled } from './translationSettingsContext';
import classes from './Translation.module.css';

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'shown'; translation: Translation } | { kind: 'hidden'; translation: Translation } | { kind: 'failed'; error: string };

/** Whether a message is one the agent may want translated into the UI language. */
export const needsTranslation = (message: Pick<Message, 'direction' | 'language'>, locale: string) =>
  message.direction === 'in' && message.language !== null && !sameLanguage(message.language, locale);

export function MessageTranslation({ message }: { message: Message }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const locale = useLocale();
  const enabled = useTranslationEnabled();
  const [state, setState] = useState<State>({ kind: 'idle' });
  if (!enabled || !needsTranslation(message, locale)) return null;

  const translate = async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'shown', translation: await desk.translateMessage({ messageId: message.id, target: locale }) });
    } catch (error) {
      setState({ kind: 'failed', error: describeError(t, error) });
    }
  };

  if (state.kind === 'shown') {
    const { translation } = state;
    const from = languageName(translation.detectedSource ?? message.language!, locale);
    const to = languageName(translation.target, locale);
    const labelId = `translation-label-${message.id}`;
    return (
      <div className={classes.translation} role="group" aria-labelledby={labelId} data-testid="message-translation">
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Text id={labelId} size="xs" c="dimmed" fw={600}>
            {t('translation.message.label', { from, to })}
          </Text>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setState({ kind: 'hidden', translation })}>
            {t('translation.message.hide')}
          </Button>
        </Group>
        <Text size="sm" dir="auto" lang={translation.target} className={classes.text}>
          {translation.text}
        </Text>
      </div>
    );
  }
  return (
    <Group gap="xs" mt={4} wrap="nowrap">
      <Button
        size="compact-xs"
        variant="subtle"
        loading={state.kind === 'loading'}
        onClick={() => (state.kind === 'hidden' ? setState({ kind: 'shown', translation: state.translation }) : void translate())}
        aria-label={t('translation.message.translateFrom', { language: languageName(message.language!, locale) })}
        data-testid="translate-message"
      >
        {t('translation.message.translate')}
      </Button>
      {state.kind === 'failed' && (
        <Text size="xs" c="red.8" role="alert" className={classes.text}>
          {t('translation.message.failed', { reason: state.error })}
        </Text>
      )}
    </Group>
  );
}
