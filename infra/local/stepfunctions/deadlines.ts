import { ServiceError } from './errors.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Machine } from './machines.ts';
import type { ExecutionRecord, Replay, WaitingRecord } from './store/records.ts';
import type { WaitStore } from './store/waits.ts';

/*
 * Deadlines. A running segment is bounded by the engine itself (task TimeoutSeconds, and the execution
 * time that is left, given to it as the segment's TimeoutSeconds). A task waiting for its token has no
 * engine run behind it, so its deadlines are stored on its waiting record (see store/waits.ts) and this
 * timer claims the ones that have passed, even those that fell due while the process was down.
 */

export const EXECUTION_TIMEOUT_CAUSE = 'The execution ran longer than its TimeoutSeconds';
export const MAX_AGE_CAUSE = 'The execution reached the maximum duration of a Standard workflow execution';

/** AWS ends a Standard execution that runs for a year. */
export const DEFAULT_MAX_EXECUTION_AGE_SECONDS = 365 * 24 * 3600;

/**
 * When the execution must end, and why: its definition's TimeoutSeconds or the service's maximum
 * execution age, whichever comes first. Both span all segments.
 */
export const executionDeadline = (
  machine: Machine,
  execution: ExecutionRecord,
): { at: number; cause: string } => {
  const ageLimit = execution.startDate + machine.maxAgeSeconds * 1000;
  const timeout = machine.executionTimeoutSeconds;
  if (timeout !== undefined && execution.startDate + timeout * 1000 <= ageLimit) {
    return { at: execution.startDate + timeout * 1000, cause: EXECUTION_TIMEOUT_CAUSE };
  }
  return { at: ageLimit, cause: MAX_AGE_CAUSE };
};

export const executionDeadlineAt = (machine: Machine, execution: ExecutionRecord): number =>
  executionDeadline(machine, execution).at;

/** What a waiting task that is past a deadline resumes with: the first deadline that passed decides. */
const expiry = (record: WaitingRecord, now: number): Replay => {
  const passed = (at: number | undefined): number =>
    at !== undefined && at <= now ? at : Number.POSITIVE_INFINITY;
  const heartbeat = passed(record.heartbeatAt);
  if (heartbeat < passed(record.timeoutAt) && heartbeat < passed(record.executionDeadlineAt)) {
    return {
      kind: 'timeout',
      error: 'States.HeartbeatTimeout',
      cause: 'No heartbeat within HeartbeatSeconds',
    };
  }
  // An execution deadline also resumes here; the segment then finds no time left and times the execution out.
  return { kind: 'timeout', error: 'States.Timeout', cause: 'The task ran longer than its TimeoutSeconds' };
};

const DUE_BATCH = 25;

interface DeadlineTimerDeps {
  waits: WaitStore;
  lifecycle: Lifecycle;
  intervalMs: number;
  /** Completes the task as a callback would; a ServiceError means a callback or heartbeat won. */
  complete: (record: WaitingRecord, replay: Replay, dueBy: number) => Promise<void>;
}

/** Claims the waiting tasks whose deadline has passed, every `intervalMs`. */
export class DeadlineTimer {
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;

  private readonly deps: DeadlineTimerDeps;

  constructor(deps: DeadlineTimerDeps) {
    this.deps = deps;
  }

  start(): void {
    this.timer = setInterval(() => this.deps.lifecycle.track(this.tick()), this.deps.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async anyDue(now: number): Promise<boolean> {
    return (await this.deps.waits.due(now, 1)).length > 0;
  }

  private async tick(): Promise<void> {
    const { waits, lifecycle } = this.deps;
    if (this.ticking || lifecycle.stopped) return;
    this.ticking = true;
    try {
      let due: WaitingRecord[];
      do {
        const now = Date.now();
        due = await waits.due(now, DUE_BATCH);
        for (const record of due) {
          if (lifecycle.stopped) return;
          try {
            await this.deps.complete(record, expiry(record, now), now);
          } catch (error) {
            // A callback or a heartbeat got there first.
            if (!(error instanceof ServiceError)) throw error;
          }
        }
      } while (due.length === DUE_BATCH);
    } catch (error) {
      lifecycle.report(error);
    } finally {
      this.ticking = false;
    }
  }
}
