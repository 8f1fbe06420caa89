/**
 * EventBridge's schedules on one machine: every function of the registry with a `schedule` is invoked
 * as AWS invokes it (a "Scheduled Event"), once at start, so that what fell due while the system was
 * down happens at once, and then every `everyMs`, one run at a time per function. Only the interval
 * differs from AWS (seconds, not hours), so retention can be tried in seconds with RETENTION_SECONDS.
 */
import type { Context } from 'aws-lambda';
import { FUNCTION_NAMES, FUNCTIONS, type FunctionName, type FunctionSpec } from '#functions/registry.ts';
import { LOCAL_REGION } from './dynamodb-local.ts';
import type { LambdaHandler } from './gateway.ts';

export interface Schedules {
  stop(): Promise<void>;
}

const scheduledEvent = () => ({
  version: '0',
  id: crypto.randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '000000000000',
  time: new Date().toISOString(),
  region: LOCAL_REGION,
  resources: [],
  detail: {},
});

export const startSchedules = (opts: {
  handlers: Record<FunctionName, LambdaHandler>;
  everyMs: number;
  logError?: (error: unknown) => void;
}): Schedules => {
  const logError = opts.logError ?? ((error: unknown) => console.error(error));
  const scheduled = FUNCTION_NAMES.filter((name) => (FUNCTIONS[name] as FunctionSpec).schedule !== undefined);
  const running = new Map<FunctionName, Promise<void>>();
  let stopped = false;

  const run = (name: FunctionName) => {
    if (stopped || running.has(name)) return;
    const context = { functionName: name, awsRequestId: crypto.randomUUID() } as unknown as Context;
    const done = opts.handlers[name](scheduledEvent(), context).then(
      () => undefined,
      (error: unknown) => logError(error),
    );
    running.set(name, done);
    void done.finally(() => running.delete(name));
  };

  const runAll = () => {
    for (const name of scheduled) run(name);
  };
  runAll();
  const timer = setInterval(runAll, opts.everyMs);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all(running.values());
    },
  };
};
