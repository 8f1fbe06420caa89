import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { executionDeadlineAt } from './deadlines.ts';
import { resolveSeconds, StatesRuntimeError, type TaskStateInfo } from './definition.ts';
import { type JsonValue, ParkSignal, TaskError, taskErrorOf, timeoutError } from './engine.ts';
import { dataDetails, historyEvent, jsonText, type TaskResource, taskResource } from './history.ts';
import type { LocalTaskHandler, Machine } from './machines.ts';
import type { Segment } from './segment.ts';
import { type StartExecution, startExecutionTask } from './start-execution.ts';
import type { Replay, WaitingRecord } from './store/records.ts';
import type { WaitStore } from './store/waits.ts';

const toJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/** The engine hands a lambda:invoke task its effective input, `{ FunctionName, Payload }`; the function gets Payload. */
const payloadOf = (effective: unknown): unknown =>
  typeof effective === 'object' && effective !== null && !Array.isArray(effective)
    ? ((effective as Record<string, unknown>).Payload ?? {})
    : effective;

const handlerOf = (machine: Machine, task: TaskStateInfo): LocalTaskHandler =>
  machine.spec.taskHandlers[task.name] as LocalTaskHandler;

interface Call {
  machine: Machine;
  task: TaskStateInfo;
  segment: Segment;
  /** The task's effective input, after Parameters. */
  effective: JsonValue;
  payload: unknown;
  resource: TaskResource;
  invocation: { abandoned: boolean };
}

interface TaskRunnerDeps {
  waits: WaitStore;
  region: string;
  /** The API's StartExecution, for `states:startExecution` tasks (start-execution.ts). */
  startExecution: StartExecution;
}

/**
 * Runs a Task state for the engine (it calls `run` as the state's local handler) and records the task's
 * own history events. One kind of task per method: a replayed callback outcome, a task that waits for its
 * token, and a plain invocation (of the state's handler, or of the service's own `states:startExecution`).
 */
export class TaskRunner {
  private readonly deps: TaskRunnerDeps;
  private readonly startExecution: LocalTaskHandler;

  constructor(deps: TaskRunnerDeps) {
    this.deps = deps;
    this.startExecution = startExecutionTask(deps.startExecution);
  }

  private handlerFor(machine: Machine, task: TaskStateInfo): LocalTaskHandler {
    return task.startExecution ? this.startExecution : handlerOf(machine, task);
  }

  async run(
    machine: Machine,
    task: TaskStateInfo,
    segment: Segment,
    effective: JsonValue,
  ): Promise<JsonValue> {
    // The engine calls the handler in the same tick as it logs StateEntered; let the consumer record that
    // first, for the history's order and for the raw input a callback state keeps.
    await nextMacrotask();
    // An aborted run can still call a task: the engine retries a task whose own timeout fires after the abort.
    if (segment.killed) throw new ParkSignal();
    const replay = segment.checkpoint.replay;
    if (replay && segment.replayPending && task.name === segment.checkpoint.state) {
      segment.replayPending = false;
      return this.replay(replay, segment);
    }
    const invocation = { abandoned: false };
    segment.invocations.set(task.name, invocation);
    const call: Call = {
      machine,
      task,
      segment,
      effective,
      payload: task.lambdaInvoke ? payloadOf(effective) : effective,
      resource: taskResource(task.resource),
      invocation,
    };
    return task.callback ? this.invokeForCallback(call) : this.invoke(call);
  }

  /** The outcome a callback or a deadline delivered, given to the engine as the task's own result. */
  private async replay(replay: Replay, segment: Segment): Promise<JsonValue> {
    if (replay.kind === 'success') return JSON.parse(replay.output) as JsonValue;
    // TaskFailed / TaskTimedOut went into the history with the claim.
    segment.recordedFailures++;
    if (replay.kind === 'timeout') throw await timeoutError(replay.error, replay.cause);
    throw new TaskError(replay.error, replay.cause);
  }

  private async invoke({
    machine,
    task,
    segment,
    effective,
    payload,
    resource,
    invocation,
  }: Call): Promise<JsonValue> {
    const timeout = task.state.TimeoutSeconds;
    segment.events.push(
      historyEvent('TaskScheduled', {
        ...resource,
        region: this.deps.region,
        parameters: jsonText(effective),
        ...(typeof timeout === 'number' ? { timeoutInSeconds: timeout } : {}),
      }),
      historyEvent('TaskStarted', resource),
    );
    let result: unknown;
    try {
      result = await this.handlerFor(machine, task)(payload, {
        stateName: task.name,
        executionArn: segment.execution.executionArn,
      });
    } catch (thrown) {
      const error = taskErrorOf(thrown);
      if (!invocation.abandoned) {
        segment.recordedFailures++;
        segment.events.push(
          historyEvent('TaskFailed', { ...resource, error: error.name, cause: error.message }),
        );
      }
      throw error;
    }
    const output = task.lambdaInvoke
      ? { StatusCode: 200, Payload: toJson(result), ExecutedVersion: '$LATEST' }
      : toJson(result);
    if (!invocation.abandoned) {
      segment.events.push(historyEvent('TaskSucceeded', { ...resource, ...dataDetails('output', output) }));
    }
    return output as JsonValue;
  }

  /** The waiting record, with the deadlines the state's raw input gave it. */
  private waitingRecord(
    { machine, task, segment }: Call,
    rawInput: string,
    limits: { timeoutSeconds: number | undefined; heartbeatSeconds: number | undefined },
  ): WaitingRecord {
    const now = Date.now();
    const executionDeadline = executionDeadlineAt(machine, segment.execution);
    return {
      token: segment.checkpoint.token,
      executionArn: segment.execution.executionArn,
      stateName: task.name,
      resource: task.resource,
      rawInput,
      attempts: segment.attempts.get(task.name) ?? [],
      ...(limits.timeoutSeconds === undefined ? {} : { timeoutAt: now + limits.timeoutSeconds * 1000 }),
      ...(limits.heartbeatSeconds === undefined
        ? {}
        : { heartbeatAt: now + limits.heartbeatSeconds * 1000, heartbeatSeconds: limits.heartbeatSeconds }),
      executionDeadlineAt: executionDeadline,
    };
  }

  /**
   * `.waitForTaskToken`: store the wait, invoke the handler, then end the segment quietly (park). The
   * execution goes on when a callback or a deadline claims the waiting record (see task-tokens.ts).
   */
  private async invokeForCallback(call: Call): Promise<JsonValue> {
    const { machine, task, segment, effective, payload, resource, invocation } = call;
    const rawInput = segment.rawInputs.get(task.name);
    if (rawInput === undefined) throw new StatesRuntimeError(`No input recorded for ${task.name}`);
    // Read from the raw input, as AWS reads TimeoutSecondsPath and HeartbeatSecondsPath.
    const raw = JSON.parse(rawInput) as unknown;
    const timeoutSeconds = resolveSeconds(task.state, 'Timeout', raw);
    const heartbeatSeconds = resolveSeconds(task.state, 'Heartbeat', raw);
    segment.events.push(
      historyEvent('TaskScheduled', {
        ...resource,
        region: this.deps.region,
        parameters: jsonText(effective),
        ...(timeoutSeconds === undefined ? {} : { timeoutInSeconds: timeoutSeconds }),
        ...(heartbeatSeconds === undefined ? {} : { heartbeatInSeconds: heartbeatSeconds }),
      }),
      historyEvent('TaskStarted', resource),
    );
    const waiting = this.waitingRecord(call, rawInput, { timeoutSeconds, heartbeatSeconds });
    const token = waiting.token;
    // Recorded before the invocation: the handler may pass the token on at once, and that callback must
    // find the task waiting.
    if (segment.killed) throw new ParkSignal();
    await this.deps.waits.put(waiting);
    try {
      await handlerOf(machine, task)(payload, {
        stateName: task.name,
        executionArn: segment.execution.executionArn,
      });
    } catch (thrown) {
      const error = taskErrorOf(thrown);
      if (segment.killed || invocation.abandoned) throw error;
      if (await this.deps.waits.delete(token)) {
        segment.recordedFailures++;
        segment.events.push(
          historyEvent('TaskFailed', { ...resource, error: error.name, cause: error.message }),
        );
        throw error;
      }
      // A callback already completed the task; the late invocation error no longer matters.
    }
    if (segment.killed) throw new ParkSignal();
    if (invocation.abandoned) {
      // The engine timed the invocation out and moved on: this wait is void.
      await this.deps.waits.delete(token);
      throw new ParkSignal();
    }
    segment.events.push(
      historyEvent('TaskSubmitted', { ...resource, ...dataDetails('output', { StatusCode: 200 }) }),
    );
    segment.parked = true;
    segment.abort();
    throw new ParkSignal();
  }
}
