// What the agent reads when Shiftdesk cannot start, in the system's language (the agent's
// choice lives in the database that may be what failed). Pure.
import { DeskError } from '@shared/errors';
import type { Translate } from '../core/i18n/translator';

export interface StartupErrorReport {
  title: string;
  /** The dialog text: the core's own message for known problems, a generic one for bugs. */
  message: string;
  /** True when the error is a bug rather than a known condition (log its stack). */
  unexpected: boolean;
}

export function describeStartupError(error: unknown, t: Translate): StartupErrorReport {
  const title = t('startupError.title');
  // Known conditions (DatabaseTooNew, DatabaseUnreadable, DataDirInUse...) carry a message
  // written for the agent (by the core, in English).
  if (error instanceof DeskError) return { title, message: error.message, unexpected: false };
  const detail = error instanceof Error ? error.message : String(error);
  return { title, message: t('startupError.unexpected', { detail }), unexpected: true };
}
