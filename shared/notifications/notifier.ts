/**
 * The notifications port. AWS has no local twin for GOV.UK Notify, so this port has two adapters:
 * GOV.UK Notify in AWS (govuk-notify.ts), and on one machine an outbox that only records each message
 * (infra/local/outbox-notifier.ts). The messages themselves are built in messages.ts.
 */
export type NotificationTemplate =
  | 'escalated-to-managers'
  | 'raised-to-leaders'
  | 'decision-to-owner'
  | 'review-reminder-to-owner'
  | 'serious-incident'
  | 'team-limits-revoked'
  | 'adopted-to-managers';

/** Who should hear about it: the managers or leaders of a team, or one user. */
export type Audience =
  | { role: 'manager'; team: string }
  | { role: 'leader' }
  | { userId: string; name: string };

export interface Notification {
  /** The same event always has the same key, so a retried workflow step never sends twice. */
  dedupeKey: string;
  template: NotificationTemplate;
  audience: Audience;
  experimentId: string;
  personalisation: Record<string, string>;
}

export interface Notifier {
  send(notification: Notification): Promise<void>;
}

/** A notification as recorded when it was sent (see shared/store/sent-notifications.ts). */
export interface SentNotification extends Notification {
  at: string;
}
