// Why a message is urgent, in the agent's words and language.
import type { TFunction } from 'i18next';
import type { UrgencyReason } from '@shared/urgency';
import { formatList, languageName } from '../i18n/formatters';

export function urgencyReasonText(t: TFunction, reason: UrgencyReason, locale: string): string {
  switch (reason.kind) {
    case 'keywords':
      return t('urgency.reason.keywords', {
        terms: formatList(
          reason.terms.map((term) => t('urgency.reason.term', { term: term.term, language: languageName(term.language, locale) })),
          locale,
        ),
      });
    case 'followers':
      return t('urgency.reason.followers', { count: reason.followers });
    case 'vip':
      return t('urgency.reason.vip');
    case 'verified':
      return t('urgency.reason.verified');
    case 'negativeSentiment':
      return t('urgency.reason.negativeSentiment');
  }
}
