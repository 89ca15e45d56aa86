// A failed account call as the agent reads it: what went wrong, then the core's own words.
import type { TFunction } from 'i18next';
import { describeError } from '../../app/describeError';
import type { Feedback } from './FormFeedback';

type FailureTitle = 'connectionFailed' | 'addFailed' | 'saveFailed' | 'signInFailed' | 'removeFailed' | 'browserSignInFailed';

/** Failures that have a title of their own, by the core's error name. */
const TITLES: Partial<Record<string, FailureTitle | 'invalidInput' | 'signInExpired' | 'wrongAccount'>> = {
  ConnectionFailed: 'connectionFailed',
  InvalidInput: 'invalidInput',
  SignInFailed: 'browserSignInFailed',
  SignInExpired: 'signInExpired',
  WrongAccount: 'wrongAccount',
};

export function errorFeedback(t: TFunction, error: unknown, fallback: FailureTitle): Feedback {
  const name = error instanceof Error ? error.name : '';
  const title = t(`accounts.result.${TITLES[name] ?? fallback}`);
  return { kind: 'error', title, message: describeError(t, error) };
}
