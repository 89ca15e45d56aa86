// What to tell the agent about a failed call: transport problems in their language, the
// core's own messages as they come.
import type { TFunction } from 'i18next';
import { CONNECTION_LOST, DISCONNECTED } from '../bridge/rpcClient';

export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof Error) {
    if (error.name === DISCONNECTED) return t('errors.Disconnected');
    if (error.name === CONNECTION_LOST) return t('errors.ConnectionLost');
    return error.message;
  }
  return String(error);
}
