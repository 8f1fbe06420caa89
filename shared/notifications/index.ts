import { config } from '../config.ts';
import type { GovukNotifyOptions } from './govuk-notify-notifier.ts';
import type { Notifier } from './notifier.ts';
import { outboxNotifier } from './outbox-notifier.ts';

export type GovukNotifyFactory = (opts: GovukNotifyOptions) => Notifier;

let govukNotify: GovukNotifyFactory | undefined;
let cached: Notifier | undefined;

/**
 * Hands the GOV.UK Notify adapter to `notifier()`. This module never imports the adapter itself: every
 * function loads it (through the services), and the adapter brings notifications-node-client (axios,
 * jsonwebtoken, mime-db, ...: about 330 KB minified) and the Cognito and Secrets Manager clients, which
 * only the four functions that notify need. Those handlers call `enableGovukNotify()` (govuk-notify.ts),
 * so only their bundles reach the adapter.
 */
export const useGovukNotify = (factory: GovukNotifyFactory): void => {
  govukNotify = factory;
};

/** Picks the adapter from configuration: the one port where AWS has no local twin. */
export const notifier = (): Notifier => {
  if (cached) return cached;
  const cfg = config();
  if (cfg.notifier === 'outbox') {
    cached = outboxNotifier(cfg.tableName);
  } else {
    // A handler that sends without enabling Notify is a bug to fail on, not a message to drop.
    if (!govukNotify)
      throw new Error(
        'GOV.UK Notify is not enabled in this function: its handler must call enableGovukNotify() and the catalogue mark it notifies',
      );
    if (!cfg.notifySecretName || !cfg.userPoolId)
      throw new Error('NOTIFY_SECRET_NAME and USER_POOL_ID are required');
    cached = govukNotify({
      tableName: cfg.tableName,
      secretName: cfg.notifySecretName,
      userPoolId: cfg.userPoolId,
      templateIds: JSON.parse(process.env.NOTIFY_TEMPLATE_IDS ?? '{}') as Record<string, string>,
    });
  }
  return cached;
};

export const resetNotifier = (): void => {
  cached = undefined;
};
