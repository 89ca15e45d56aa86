// The browser's Notification API, where it exists (browser mode; Electron shows native ones
// from the main process and reports deliveredNatively).

export type WebNotificationPermission = NotificationPermission | 'unsupported';

export function webNotificationPermission(): WebNotificationPermission {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

export async function requestWebNotificationPermission(): Promise<WebNotificationPermission> {
  if (webNotificationPermission() === 'unsupported') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** Shows a system notification when allowed; onClick brings the window forward first. */
export function showWebNotification(title: string, body: string, tag: string, onClick: () => void): boolean {
  if (webNotificationPermission() !== 'granted') return false;
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
      onClick();
    };
    return true;
  } catch {
    // Some browsers only allow notifications from a service worker.
    return false;
  }
}
