import { config } from '../config.ts';
import { notifier } from '../notifications/index.ts';
import { sfn } from '../store/clients.ts';
import { experimentStore } from '../store/experiment-store.ts';
import { policyStore } from '../store/policy-store.ts';
import { experimentService } from './experiment-service.ts';

/** Wires the services from configuration once per process (a Lambda container, or the local runtime). */
const build = () => {
  const cfg = config();
  const policies = policyStore(cfg.tableName);
  return {
    experiments: experimentService({
      store: experimentStore(cfg.tableName),
      policies,
      sfn: sfn(),
      notifier: notifier(),
      stateMachineArn: cfg.stateMachineArn,
      decisionDeadlineSeconds: cfg.decisionDeadlineSeconds,
      submitWaitMs: cfg.submitWaitMs,
      publicUrl: cfg.publicUrl,
    }),
    policies,
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
