// What the agent reads when Shiftdesk cannot start. Pure.
import { DeskError } from '@shared/errors';

export interface StartupErrorReport {
  title: string;
  /** The dialog text: the core's own message for known problems, a generic one for bugs. */
  message: string;
  /** True when the error is a bug rather than a known condition (log its stack). */
  unexpected: boolean;
}

export const STARTUP_ERROR_TITLE = 'Shiftdesk cannot start';

export function describeStartupError(error: unknown): StartupErrorReport {
  // Known conditions (DatabaseTooNew, DatabaseUnreadable, DataDirInUse...) carry a message
  // written for the agent.
  if (error instanceof DeskError) return { title: STARTUP_ERROR_TITLE, message: error.message, unexpected: false };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    title: STARTUP_ERROR_TITLE,
    message: `An unexpected error stopped Shiftdesk while it was starting:\n\n${detail}\n\nYour data has not been changed. Please report this message to your administrator.`,
    unexpected: true,
  };
}
