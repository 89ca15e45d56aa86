// Small marks on a customer's message: how it reads (sentiment, an icon with its label for
// screen readers and on hover) and, for a survey answer, the score ("CSAT 4/5").
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '@shared/domain';
import { SURVEY_SCALES } from '@shared/surveys/parseSurveyAnswer';
import { formatNumber } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';

const SENTIMENT_COLORS = { negative: 'orange', neutral: 'gray', positive: 'teal' } as const;

export function SentimentMark({ sentiment }: { sentiment: NonNullable<Message['sentiment']> }) {
  const { t } = useTranslation();
  const label = t(`message.sentiment.${sentiment}`);
  return (
    <Tooltip label={label} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge
        size="xs"
        color={SENTIMENT_COLORS[sentiment]}
        variant={sentiment === 'negative' ? 'outline' : 'transparent'}
        leftSection={<SentimentIcon sentiment={sentiment} />}
        role="img"
        aria-label={label}
        tabIndex={0}
        px={sentiment === 'negative' ? undefined : 2}
        data-sentiment={sentiment}
      >
        {/* Negative is worth words at a glance; the others are the icon alone. */}
        {sentiment === 'negative' ? t('message.negative') : null}
      </Badge>
    </Tooltip>
  );
}

export function SurveyAnswerBadge({ survey }: { survey: NonNullable<Message['survey']> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = { score: formatNumber(survey.score, locale), max: formatNumber(SURVEY_SCALES[survey.kind].max, locale) };
  return (
    <Badge size="xs" color="violet" variant="light" title={t('message.survey.hint')} data-testid="survey-answer" data-score={survey.score}>
      {t(`message.survey.${survey.kind}`, values)}
    </Badge>
  );
}

function SentimentIcon({ sentiment }: { sentiment: NonNullable<Message['sentiment']> }) {
  const mouth = { negative: 'M8 16c1-1.5 2.5-2 4-2s3 .5 4 2', neutral: 'M8.5 15h7', positive: 'M8 14c1 1.5 2.5 2 4 2s3-.5 4-2' }[sentiment];
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden focusable="false">
      <circle cx="12" cy="12" r="9" />
      <path d="M9 9.5h.01M15 9.5h.01" />
      <path d={mouth} />
    </svg>
  );
}
