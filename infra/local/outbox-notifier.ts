import type { Notification, Notifier } from '#shared/notifications/notifier.ts';
import type { SentNotifications } from '#shared/store/sent-notifications.ts';

/**
 * The notifier on one machine, where GOV.UK Notify has no twin: it records each message as sent, in the
 * same record the Notify adapter keeps in AWS, and sends nothing. `GET /local/outbox` reads them back.
 */
export const outboxNotifier = (sent: SentNotifications): Notifier => ({
  send: (notification: Notification) => sent.record(notification),
});
