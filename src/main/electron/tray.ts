// The tray (menu bar) icon: the attention count and "next breach in N min", refreshed every
// minute and when the agent's language changes, with Show and Quit. Thin: the labels come from
// trayMenu.ts.
import { Menu, Tray, nativeImage } from 'electron';
import type { Translate } from '../core/i18n/translator';
import { trayLabels, type TrayState } from './trayMenu';

export interface DeskTray {
  update(state: TrayState): void;
  /** Labels again (the language changed). */
  refresh(): void;
  destroy(): void;
}

export function createDeskTray(options: { iconPath: string; t: Translate; onShow(): void; onQuit(): void }): DeskTray {
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  let state: TrayState = { attention: 0, nextBreachAt: null };
  const render = () => {
    const labels = trayLabels(state, Date.now(), options.t);
    tray.setToolTip(labels.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: labels.attention, enabled: false },
        { label: labels.nextBreach, enabled: false },
        { type: 'separator' },
        { label: options.t('tray.show'), click: options.onShow },
        { label: options.t('tray.quit'), click: options.onQuit },
      ]),
    );
  };
  tray.on('click', options.onShow);
  const timer = setInterval(render, 60_000);
  render();
  return {
    update(next) {
      if (next.attention === state.attention && next.nextBreachAt === state.nextBreachAt) return;
      state = next;
      render();
    },
    refresh: render,
    destroy() {
      clearInterval(timer);
      tray.destroy();
    },
  };
}
