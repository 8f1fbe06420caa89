/**
 * The notifications port. AWS has no local twin for GOV.UK Notify, so this is the one place
 * where an adapter is chosen by configuration: Notify in AWS, a database outbox on one machine.
 */
export type NotificationTemplate =
  | 'escalated-to-managers'
  | 'raised-to-leaders'
  | 'decision-to-owner'
  | 'review-reminder-to-owner';

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

export interface OutboxMessage extends Notification {
  at: string;
}
