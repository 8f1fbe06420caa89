import { config } from '../config.ts';
import { notifier } from '../notifications/index.ts';
import { dynamo, sfn } from '../store/clients.ts';
import { experimentStore } from '../store/experiment-store.ts';
import { policyStore } from '../store/policy-store.ts';
import { sessionStore } from '../store/session-store.ts';
import { dashboardService } from './dashboard-service.ts';
import { experimentService } from './experiment-service.ts';
import { exportService } from './export-service.ts';
import { policyService } from './policy-service.ts';
import { sessionAdmin } from './session-admin.ts';

/** Wires the services from configuration once per process (a Lambda container, or the local runtime). */
const build = () => {
  const cfg = config();
  const policies = policyStore(cfg.tableName);
  const store = experimentStore(cfg.tableName);
  const sessions = sessionStore(dynamo(), cfg.tableName);
  return {
    experiments: experimentService({
      store,
      policies,
      sfn,
      // Built on first use: only the functions that notify hold the Notify key and directory settings.
      notifier: { send: (message) => notifier().send(message) },
      stateMachineArn: cfg.stateMachineArn,
      decisionDeadlineSeconds: cfg.decisionDeadlineSeconds,
      reviewPeriodSeconds: cfg.reviewPeriodSeconds,
      submitWaitMs: cfg.submitWaitMs,
      publicUrl: cfg.publicUrl,
    }),
    policies: policyService({ policies, store }),
    dashboard: dashboardService({ tableName: cfg.tableName }),
    exports: exportService({ store }),
    sessions,
    people: sessionAdmin({ sessions }),
  };
};

export type Services = ReturnType<typeof build>;

let cached: Services | undefined;

export const services = (): Services => {
  cached ??= build();
  return cached;
};

export const resetServices = (): void => {
  cached = undefined;
};
