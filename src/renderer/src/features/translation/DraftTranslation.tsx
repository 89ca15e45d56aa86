// In the reply box: "Translate draft to <customer's language>" replaces the draft with its
// machine translation and offers Undo, which brings back the agent's own text. Undo stays while
// the translation is untouched; a failure, or typing while it runs, leaves the draft as it was. Hidden with no provider,
// or when the customer's language is unknown or the UI's own.
import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sameLanguage } from '@shared/languageTags';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showErrorToast } from '../../app/toasts';
import { languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { useTranslationEnabled } from './translationSettingsContext';

export interface DraftTranslationProps {
  body: string;
  /** The customer's language (BCP-47), when known. */
  language: string | null | undefined;
  /** Replaces the draft (as if the agent had typed it: it is saved as the draft). */
  onReplace(text: string): void;
  disabled?: boolean;
}

export function DraftTranslation({ body, language, onReplace, disabled }: DraftTranslationProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const locale = useLocale();
  const enabled = useTranslationEnabled();
  const [busy, setBusy] = useState(false);
  const [undo, setUndo] = useState<{ original: string; translated: string } | null>(null);
  const bodyRef = useRef(body);
  useEffect(() => {
    bodyRef.current = body;
  }, [body]);
  if (!enabled || !language || sameLanguage(language, locale)) return null;
  const name = languageName(language, locale);

  const translate = async () => {
    const original = body;
    setBusy(true);
    try {
      const { text } = await desk.translateText({ text: original, target: language });
      // The agent kept typing meanwhile: their text wins.
      if (bodyRef.current !== original) {
        showErrorToast(t('translation.draft.failed'), t('translation.draft.changed'));
        return;
      }
      onReplace(text);
      setUndo({ original, translated: text });
    } catch (error) {
      showErrorToast(t('translation.draft.failed'), describeError(t, error));
    } finally {
      setBusy(false);
    }
  };

  if (undo && undo.translated === body) {
    return (
      <Group gap="xs" wrap="nowrap" mb={6} data-testid="draft-translated">
        <Text size="xs" c="dimmed" role="status">
          {t('translation.draft.done', { language: name })}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => {
            onReplace(undo.original);
            setUndo(null);
          }}
          disabled={disabled}
        >
          {t('translation.draft.undo')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" mb={6}>
      <Button size="compact-xs" variant="subtle" onClick={() => void translate()} loading={busy} disabled={disabled || body.trim() === ''} data-testid="translate-draft">
        {t('translation.draft.translate', { language: name })}
      </Button>
    </Group>
  );
}
