import type { GovukNotifyOptions } from './govuk-notify-notifier.ts';
import { useGovukNotify } from './index.ts';
import type { Notification, Notifier } from './notifier.ts';

/**
 * The GOV.UK Notify adapter, imported on the first send rather than at cold start. The dynamic import
 * makes esbuild put the adapter and notifications-node-client in a chunk of their own, so a notifying
 * function's cold start loads no more than any other function's; the first message pays for the chunk
 * once per container, next to the Secrets Manager and Notify round trips it makes anyway.
 */
export const lazyGovukNotifyNotifier = (opts: GovukNotifyOptions): Notifier => {
  let adapter: Promise<Notifier> | undefined;
  return {
    async send(notification: Notification) {
      // A failed load is forgotten, so the workflow's retry of the step loads it again.
      adapter ??= import('./govuk-notify-notifier.ts')
        .then((m) => m.govukNotifyNotifier(opts))
        .catch((error: unknown) => {
          adapter = undefined;
          throw error;
        });
      await (await adapter).send(notification);
    },
  };
};

/**
 * For the handlers of the functions that notify (catalogue `notifies: true`), and only them: this import
 * is what puts the adapter in a function's deployment package (test/infra/function-bundles.test.ts checks
 * the two agree). On one machine `NOTIFIER=outbox` wins and the adapter is never loaded.
 */
export const enableGovukNotify = (): void => useGovukNotify(lazyGovukNotifyNotifier);
