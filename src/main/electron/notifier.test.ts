import { describe, expect, it, vi } from 'vitest';
import type { NotificationConstructorOptions } from 'electron';
import type { DeskNotification } from '@shared/domain';
import { silentLogger } from '../core/adapters/logger';
import { createElectronNotifier, MAX_LIVE_NOTIFICATIONS, nativeNotificationText, type NativeNotification, type NativeNotificationClass } from './notifier';

function fakeNotificationClass(options: { supported?: boolean; throwOnShow?: boolean } = {}) {
  const created: FakeNotification[] = [];
  class FakeNotification implements NativeNotification {
    static isSupported = () => options.supported ?? true;
    readonly listeners = new Map<string, (...args: unknown[]) => void>();
    shown = false;
    constructor(readonly options: NotificationConstructorOptions) {
      created.push(this);
    }
    on(event: string, listener: (...args: never[]) => void) {
      this.listeners.set(event, listener as (...args: unknown[]) => void);
      return this;
    }
    show() {
      if (options.throwOnShow) throw new Error('D-Bus is gone');
      this.shown = true;
    }
    emit(event: string, ...args: unknown[]) {
      this.listeners.get(event)?.(...args);
    }
  }
  return { Notification: FakeNotification as unknown as NativeNotificationClass, created };
}

const notification = (id = 'n1'): DeskNotification => ({
  id,
  suppressed: null,
  kind: 'breach',
  title: 'Reply overdue: Ana',
  body: 'Due 10:42',
  conversationId: 7,
  createdAt: 0,
  deliveredNatively: false,
});

describe('createElectronNotifier', () => {
  it('shows a native notification with the title and body, not silent', () => {
    const { Notification, created } = fakeNotificationClass();
    const notifier = createElectronNotifier({ Notification, showMainWindow: () => {}, logger: silentLogger, icon: '/icon.png' });
    expect(notifier.native).toBe(true);
    expect(notifier.show(notification(), () => {})).toEqual({ status: 'shown' });
    expect(created).toHaveLength(1);
    expect(created[0]!.options).toEqual({ id: 'n1', title: 'Reply overdue: Ana', body: 'Due 10:42', silent: false, icon: '/icon.png' });
    expect(created[0]!.shown).toBe(true);
  });

  it('keeps a reference until the notification is clicked, and on click shows the window then calls back', () => {
    const { Notification, created } = fakeNotificationClass();
    const order: string[] = [];
    const notifier = createElectronNotifier({ Notification, showMainWindow: () => order.push('window'), logger: silentLogger });
    notifier.show(notification(), () => order.push('open'));
    expect(notifier.live).toBe(1);
    created[0]!.emit('click');
    expect(order).toEqual(['window', 'open']);
    expect(notifier.live).toBe(0);
  });

  it('releases a notification when it is closed or fails', () => {
    const { Notification, created } = fakeNotificationClass();
    const warn = vi.fn();
    const notifier = createElectronNotifier({ Notification, showMainWindow: () => {}, logger: { ...silentLogger, warn } });
    notifier.show(notification('a'), () => {});
    notifier.show(notification('b'), () => {});
    created[0]!.emit('close');
    created[1]!.emit('failed', {}, 'toast activator missing');
    expect(notifier.live).toBe(0);
    expect(warn).toHaveBeenCalledWith('native notification failed', { id: 'b', error: 'toast activator missing' });
  });

  it('keeps at most MAX_LIVE_NOTIFICATIONS, releasing the oldest', () => {
    const { Notification } = fakeNotificationClass();
    const notifier = createElectronNotifier({ Notification, showMainWindow: () => {}, logger: silentLogger });
    for (let i = 0; i < MAX_LIVE_NOTIFICATIONS + 10; i++) notifier.show(notification(`n${i}`), () => {});
    expect(notifier.live).toBe(MAX_LIVE_NOTIFICATIONS);
  });

  it('reports unsupported systems and errors instead of throwing', () => {
    const unsupported = createElectronNotifier({ Notification: fakeNotificationClass({ supported: false }).Notification, showMainWindow: () => {}, logger: silentLogger });
    expect(unsupported.show(notification(), () => {})).toEqual({ status: 'not-shown', reason: 'unsupported' });
    const broken = createElectronNotifier({ Notification: fakeNotificationClass({ throwOnShow: true }).Notification, showMainWindow: () => {}, logger: silentLogger });
    expect(broken.show(notification(), () => {})).toEqual({ status: 'not-shown', reason: 'error', detail: 'D-Bus is gone' });
    expect(broken.live).toBe(0);
  });
});

describe('nativeNotificationText', () => {
  it('escapes markup in Linux notification bodies and drops bidi controls everywhere', () => {
    expect(nativeNotificationText('<a href="x">win</a> & <img src=y>', 'linux', 'body')).toBe('&lt;a href="x"&gt;win&lt;/a&gt; &amp; &lt;img src=y&gt;');
    expect(nativeNotificationText('<b>hi</b>', 'darwin', 'body')).toBe('<b>hi</b>');
    expect(nativeNotificationText('\u202eevil\u202c name', 'win32', 'title')).toBe('evil name');
    expect(nativeNotificationText('a < b', 'linux', 'title')).toBe('a < b');
  });
});
