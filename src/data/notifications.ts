/**
 * Local notifications, shown by this device's service worker: no push server, nothing leaves the
 * phone. They appear only while the browser runs the app or its worker (a refreshed feed, a
 * reminder check while the app is open).
 */

export type NotifyPermission = NotificationPermission | 'unsupported';

export function notificationPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks once, from a tap; the browser remembers the answer. */
export async function askNotificationPermission(): Promise<NotifyPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  try {
    return await Notification.requestPermission();
  } catch {
    return 'denied';
  }
}

export interface LocalNotification {
  readonly title: string;
  readonly body: string;
  /** The app page a tap on it opens. */
  readonly url: string;
  /** One notification per tag: a second for the same event replaces the first. */
  readonly tag: string;
}

/** Shows a notification through the service worker; false when it could not be shown. */
export async function showLocalNotification(notification: LocalNotification): Promise<boolean> {
  if (notificationPermission() !== 'granted') return false;
  const options = {
    body: notification.body,
    tag: notification.tag,
    icon: '/icons/icon-192.png',
    data: { url: notification.url },
  };
  try {
    // Missing outside secure contexts, whatever the types say.
    const registration =
      'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
    if (registration) {
      await registration.showNotification(notification.title, options);
      return true;
    }
    // No worker (the development server): the page's own notification.
    new Notification(notification.title, options);
    return true;
  } catch (error) {
    console.warn('A notification could not be shown', error);
    return false;
  }
}
