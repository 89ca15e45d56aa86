// What stands between the reply and sending it (variables left unfilled), and brand-voice advice
// (banned phrases, slang and idioms for the reply's language, a missing sign-off, the account's
// tone hints). Announced
// politely as it changes, so it is not only a colour.
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReplyChecks } from './replyChecks';

export function ReplyIssues({ checks, toneHints = [] }: { checks: ReplyChecks; toneHints?: readonly string[] }) {
  const { t } = useTranslation();
  const names = [...new Set(checks.unfilled.map((u) => `{{${u.name}}}`))];
  const advice = checks.brandVoice;
  return (
    <div aria-live="polite" data-testid="reply-issues">
      {names.length > 0 && (
        <Text size="xs" c="red.8" mt={4} data-testid="reply-unfilled">
          {t('composer.unfilled', { count: names.length, names: names.join(', ') })}
        </Text>
      )}
      {advice.length > 0 && (
        <List size="xs" mt={4} c="orange.9" data-testid="brand-voice-findings" aria-label={t('composer.brandVoice.label')}>
          {advice.map((f) => (
            <List.Item key={`${f.kind}-${f.start}-${f.end}-${f.phrase}`}>{t(`composer.brandVoice.${f.kind}`, { phrase: f.phrase })}</List.Item>
          ))}
        </List>
      )}
      {toneHints.length > 0 && (
        <List size="xs" mt={4} c="dimmed" data-testid="tone-hints" aria-label={t('composer.brandVoice.tone')}>
          {toneHints.map((hint) => (
            <List.Item key={hint}>{hint}</List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
