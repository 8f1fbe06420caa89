/**
 * The registry's scheduled functions on one machine: EventBridge runs them in AWS; here the runtime
 * calls the same handlers with a scheduled event, at start and then on an interval. A run never
 * overlaps the last, and stopping waits for the one under way, so it never outlives the table.
 */
import type { Context } from 'aws-lambda';
import type { LambdaHandler } from './gateway.ts';

export const SCHEDULED_EVENT = { 'detail-type': 'Scheduled Event', source: 'fail-forward.local', detail: {} };

export interface LocalSchedule {
  /** The run at start, which the runtime waits for, so a new system is settled before it answers. */
  first: Promise<void>;
  stop(): Promise<void>;
}

export const runEvery = (name: string, handler: LambdaHandler, everyMs: number): LocalSchedule => {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    const context = { functionName: name, awsRequestId: crypto.randomUUID() } as unknown as Context;
    running = handler(SCHEDULED_EVENT, context)
      .then(
        () => undefined,
        (error: unknown) => console.error(`Scheduled ${name} failed`, error),
      )
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const first = running ?? Promise.resolve();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    first,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
};
