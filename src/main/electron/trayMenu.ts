// What the tray (menu bar) says: how many conversations need the agent now, and when the next
// deadline passes. Plain and unit-tested; tray.ts puts it on the OS tray.
import type { Translate } from '../core/i18n/translator';

export interface TrayState {
  /** Breached + urgent conversations awaiting an answer. */
  attention: number;
  /** The nearest running deadline (UTC ms), or null. */
  nextBreachAt: number | null;
}

export function trayLabels({ attention, nextBreachAt }: TrayState, now: number, t: Translate): { tooltip: string; attention: string; nextBreach: string } {
  const minutes = nextBreachAt === null ? null : Math.ceil((nextBreachAt - now) / 60_000);
  const nextBreach =
    minutes === null ? t('tray.noDeadline') : minutes <= 0 ? t('tray.breachNow') : minutes < 120 ? t('tray.nextBreachMinutes', { count: minutes }) : t('tray.nextBreachHours', { count: Math.floor(minutes / 60) });
  const attentionLabel = attention > 0 ? t('tray.attention', { count: attention }) : t('tray.nothingUrgent');
  return { tooltip: `${t('app.name')} · ${attentionLabel}`, attention: attentionLabel, nextBreach };
}
