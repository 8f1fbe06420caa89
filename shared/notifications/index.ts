import { config } from '../config.ts';
import { govukNotifyNotifier } from './govuk-notify-notifier.ts';
import type { Notifier } from './notifier.ts';
import { outboxNotifier } from './outbox-notifier.ts';

let cached: Notifier | undefined;

/** Picks the adapter from configuration: the one port where AWS has no local twin. */
export const notifier = (): Notifier => {
  if (cached) return cached;
  const cfg = config();
  if (cfg.notifier === 'outbox') {
    cached = outboxNotifier(cfg.tableName);
  } else {
    if (!cfg.notifySecretName || !cfg.userPoolId)
      throw new Error('NOTIFY_SECRET_NAME and USER_POOL_ID are required');
    cached = govukNotifyNotifier({
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
