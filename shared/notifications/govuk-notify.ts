import { type GovukNotifyOptions, useGovukNotify } from './index.ts';
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
 * Called by the entry the build writes for each function the registry marks `notifies`, and only
 * those (infra/constructs/function-bundles.ts): this import is what puts the adapter in a function's
 * deployment package. The local runtime never calls it: it gives the services its outbox notifier.
 */
export const enableGovukNotify = (): void => useGovukNotify(lazyGovukNotifyNotifier);
