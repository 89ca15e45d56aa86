// A failed account call as the agent reads it: what went wrong, then the core's own words.
import type { TFunction } from 'i18next';
import { describeError } from '../../app/describeError';
import type { Feedback } from './FormFeedback';

type FailureTitle = 'connectionFailed' | 'addFailed' | 'saveFailed' | 'signInFailed' | 'removeFailed';

export function errorFeedback(t: TFunction, error: unknown, fallback: FailureTitle): Feedback {
  const name = error instanceof Error ? error.name : '';
  const title =
    name === 'ConnectionFailed'
      ? t('accounts.result.connectionFailed')
      : name === 'InvalidInput'
        ? t('accounts.result.invalidInput')
        : t(`accounts.result.${fallback}`);
  return { kind: 'error', title, message: describeError(t, error) };
}
