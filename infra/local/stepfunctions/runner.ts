import { ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';
import { executionDeadline } from './deadlines.ts';
import { MAX_TIMER_SECONDS, segmentDefinition } from './definition.ts';
import type { EngineContext, JsonValue, LocalHandlers } from './engine.ts';
import { type HistoryEvent, historyEvent, jsonText } from './history.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Machine, Machines } from './machines.ts';
import { newSegment, recordEngineEvents, type Segment } from './segment.ts';
import type { ExecutionStore } from './store/executions.ts';
import type { Checkpoint, ExecutionRecord, SegmentEnd } from './store/records.ts';
import type { WaitStore } from './store/waits.ts';
import type { TaskRunner } from './tasks.ts';

interface RunnerDeps {
  machines: Machines;
  executions: ExecutionStore;
  waits: WaitStore;
  tasks: TaskRunner;
  lifecycle: Lifecycle;
}

/**
 * Runs executions, one segment at a time: a segment starts at a checkpoint (the start state, or a task
 * state whose callback outcome it replays) and ends when the execution ends or a task parks on its token.
 * Its end is one write (store/executions.ts `endSegment`).
 */
export class Runner {
  /** The latest scheduled segment of each execution; segments of one execution never overlap. */
  private readonly active = new Map<string, Promise<void>>();
  private readonly segments = new Set<Segment>();

  private readonly deps: RunnerDeps;

  constructor(deps: RunnerDeps) {
    this.deps = deps;
  }

  schedule(executionArn: string, checkpoint: Checkpoint, known?: ExecutionRecord): void {
    const { lifecycle } = this.deps;
    const previous = this.active.get(executionArn) ?? Promise.resolve();
    const next = previous
      .then(() => this.runSegment(executionArn, checkpoint, known))
      .catch((error: unknown) => lifecycle.report(error));
    this.active.set(executionArn, next);
    lifecycle.track(next).then(() => {
      if (this.active.get(executionArn) === next) this.active.delete(executionArn);
    });
  }

  /** Ends the running segment of a stopped execution, whose outcome no longer counts. */
  kill(executionArn: string): void {
    for (const segment of this.segments) {
      if (segment.execution.executionArn === executionArn) {
        segment.killed = true;
        segment.abort();
      }
    }
  }

  killAll(): void {
    for (const segment of this.segments) {
      segment.killed = true;
      segment.abort();
    }
  }

  /** Re-runs, from its checkpoint, every RUNNING execution that is not parked on a waiting token. */
  async recover(): Promise<void> {
    const { executions, machines, waits } = this.deps;
    for (const executionArn of await executions.runningArns()) {
      if (this.active.has(executionArn)) continue;
      const { smName, execName } = machines.executionKeyOf(executionArn);
      const execution = await executions.get(smName, execName);
      if (execution?.status !== 'RUNNING') continue;
      const parked = execution.parkedToken !== undefined && execution.parkedToken === execution.seg.token;
      if (parked && (await waits.get(execution.seg.token))) continue;
      // Cut off mid-segment: run it again from its checkpoint, with the same token (tasks are at-least-once).
      this.schedule(executionArn, execution.seg, execution);
    }
  }

  private async runSegment(
    executionArn: string,
    checkpoint: Checkpoint,
    known?: ExecutionRecord,
  ): Promise<void> {
    const { machines, executions, lifecycle } = this.deps;
    if (lifecycle.stopped) return;
    const { smName, execName } = machines.executionKeyOf(executionArn);
    const execution = known ?? (await executions.get(smName, execName));
    // Stale: the execution ended or moved to another segment meanwhile.
    if (execution?.status !== 'RUNNING' || execution.seg.token !== checkpoint.token) return;
    const machine = machines.get(smName);
    if (!machine) {
      const cause = `State machine ${smName} is not configured`;
      await this.endSegment(execution, checkpoint, { status: 'FAILED', error: 'States.Runtime', cause }, []);
      return;
    }
    const deadline = executionDeadline(machine, execution);
    const timeoutSeconds = (deadline.at - Date.now()) / 1000;
    if (timeoutSeconds <= 0) {
      const timedOut = historyEvent('ExecutionTimedOut', { error: 'States.Timeout', cause: deadline.cause });
      const end: SegmentEnd = { status: 'TIMED_OUT', error: 'States.Timeout', cause: deadline.cause };
      await this.endSegment(execution, checkpoint, end, [timedOut]);
      return;
    }
    const replay = checkpoint.replay;
    const definition = segmentDefinition(machine.base, {
      startAt: checkpoint.state,
      ...(checkpoint.attempts ? { attempts: checkpoint.attempts } : {}),
      heartbeatTimeout: replay?.kind === 'timeout' && replay.error === 'States.HeartbeatTimeout',
      // Beyond what a timer can hold no segment runs (they end at each wait), and the waiting records
      // carry the deadline across waits.
      ...(timeoutSeconds <= MAX_TIMER_SECONDS ? { timeoutSeconds } : {}),
    });
    const segment = newSegment(execution, checkpoint, definition, deadline.cause);
    const end = await this.runEngine(machine, segment);
    if (!end || segment.killed) return;
    await this.endSegment(execution, checkpoint, end, segment.events);
  }

  /** One engine run of a segment; undefined when the segment was killed. */
  private async runEngine(machine: Machine, segment: Segment): Promise<SegmentEnd | undefined> {
    const handlers: LocalHandlers = {};
    for (const task of machine.tasks.values()) {
      handlers[task.name] = (input) => this.deps.tasks.run(machine, task, segment, input);
    }
    const { execution, checkpoint, definition } = segment;
    const run = new StateMachine(definition, { validationOptions: { noValidate: true } }).run(
      JSON.parse(checkpoint.input) as JsonValue,
      {
        overrides: { taskResourceLocalHandlers: handlers },
        noThrowOnAbort: true,
        context: this.contextFor(machine, execution, checkpoint.token),
      },
    );
    segment.abort = run.abort;
    this.segments.add(segment);
    const recorded = recordEngineEvents(run.eventLogs, segment, machine.tasks);
    let end: SegmentEnd | undefined;
    try {
      const output = await run.result;
      if (segment.parked) end = { status: 'PARKED' };
      else if (!segment.killed) end = { status: 'SUCCEEDED', output: jsonText(output) };
    } catch (error) {
      end = segment.parked ? { status: 'PARKED' } : engineFailure(error, segment.timeoutCause);
    }
    await recorded;
    this.segments.delete(segment);
    if (end?.status === 'FAILED' && segment.failure) end = { status: 'FAILED', ...segment.failure };
    return end;
  }

  private async endSegment(
    execution: ExecutionRecord,
    checkpoint: Checkpoint,
    end: SegmentEnd,
    events: HistoryEvent[],
  ): Promise<void> {
    // A stopped service abandons its runs: they are recovered from the checkpoint, as after a crash.
    if (this.deps.lifecycle.stopped) return;
    await this.deps.executions.endSegment(execution, checkpoint.token, end, events);
  }

  private contextFor(machine: Machine, execution: ExecutionRecord, token: string): EngineContext {
    const startTime = new Date(execution.startDate).toISOString();
    const input = JSON.parse(execution.input) as unknown;
    return {
      Execution: {
        Id: execution.executionArn,
        Name: execution.execName,
        StartTime: startTime,
        Input: input as JsonValue,
        RoleArn: this.deps.machines.roleArn(machine.spec.name),
        // Kept apart from Input and StartTime, which the engine overwrites on every run (see definition.ts).
        LocalInput: input,
        LocalStartTime: startTime,
      },
      StateMachine: { Id: machine.arn, Name: machine.spec.name },
      Task: { Token: token },
    };
  }
}

/** How an engine run that threw ends the execution. */
const engineFailure = (error: unknown, timeoutCause: string): SegmentEnd => {
  if (error instanceof ExecutionTimeoutError) {
    return { status: 'TIMED_OUT', error: 'States.Timeout', cause: timeoutCause };
  }
  const cause = error instanceof Error ? error.cause : undefined;
  return {
    status: 'FAILED',
    error: cause instanceof Error ? cause.name : 'States.Runtime',
    cause: cause instanceof Error ? cause.message : String(error),
  };
};
