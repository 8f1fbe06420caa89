import type { NotifyConfig } from '../config.ts';
import type { SentNotifications } from '../store/sent-notifications.ts';
import type { Notification, Notifier } from './notifier.ts';

export interface GovukNotifyOptions {
  notify: NotifyConfig;
  sent: SentNotifications;
}

export type GovukNotifyFactory = (opts: GovukNotifyOptions) => Notifier;

let govukNotify: GovukNotifyFactory | undefined;

/**
 * Hands the GOV.UK Notify adapter to `deployedNotifier`. This module never imports the adapter itself:
 * every function loads it (through the services), and the adapter brings notifications-node-client and
 * the Cognito and Secrets Manager clients, which only the functions that notify need. The build adds
 * `enableGovukNotify()` (govuk-notify.ts) to the entry of exactly the functions the registry marks
 * `notifies` (infra/constructs/function-bundles.ts), so only their packages reach the adapter.
 */
export const useGovukNotify = (factory: GovukNotifyFactory): void => {
  govukNotify = factory;
};

const refuse = (reason: string): Notifier => ({
  async send(_notification: Notification) {
    // A function that sends without Notify in its package is a bug to fail on, not a message to drop.
    throw new Error(reason);
  },
});

/** The notifier of a deployed function: GOV.UK Notify where its package holds it, a refusal elsewhere. */
export const deployedNotifier = (notify: NotifyConfig | undefined, sent: SentNotifications): Notifier => {
  if (!govukNotify)
    return refuse(
      'GOV.UK Notify is not in this function: only the functions the registry marks notifies get it',
    );
  if (!notify) return refuse('NOTIFY_SECRET_NAME and USER_POOL_ID are required to send notifications');
  return govukNotify({ notify, sent });
};
