// Adapters for hosts without a desktop (browser mode, tests): notifications are delivered by
// the renderer (Web Notifications API + toast), so the host reports them as not shown natively.
import type { Badge, Notifier } from '../ports';

export const rendererNotifier: Notifier = {
  native: false,
  show: () => ({ status: 'not-shown', reason: 'unsupported', detail: 'shown by the renderer' }),
};

/** Remembers the count; the renderer shows it in the window title. */
export function createMemoryBadge(): Badge & { count: number } {
  const badge = { count: 0, set: (count: number) => void (badge.count = count) };
  return badge;
}
