import { randomUUID } from 'node:crypto';
import { setImmediate as nextMacrotask, setTimeout as sleep } from 'node:timers/promises';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';
import {
  type AslDefinition,
  type AslState,
  engineBaseDefinition,
  resolveSeconds,
  StatesRuntimeError,
  segmentDefinition,
  statesOf,
  type TaskStateInfo,
  taskStates,
} from './definition.ts';
import {
  type EngineContext,
  type EngineEvent,
  type JsonValue,
  type LocalHandlers,
  ParkSignal,
  TaskError,
  taskErrorOf,
  timeoutError,
} from './engine.ts';
import { ServiceError } from './errors.ts';
import {
  dataDetails,
  type HistoryEvent,
  historyEvent,
  jsonText,
  type TaskResource,
  taskResource,
  toAwsEvents,
} from './history.ts';
import {
  type Checkpoint,
  decodeToken,
  type ExecutionRecord,
  type Replay,
  type SegmentEnd,
  Store,
  type WaitingRecord,
} from './store.ts';

export type LocalTaskHandler = (
  payload: unknown,
  context: { stateName: string; executionArn: string },
) => Promise<unknown>;

export interface LocalStateMachineSpec {
  name: string;
  /** ASL object with Fn::GetAtt already resolved (Resource and FunctionName values are plain strings). */
  definition: Record<string, unknown>;
  /** Keyed by Task state name. */
  taskHandlers: Record<string, LocalTaskHandler>;
}

export interface ServiceOptions {
  dynamoEndpoint: string;
  tableName: string;
  region: string;
  accountId: string;
  stateMachines: LocalStateMachineSpec[];
  timerIntervalMs: number;
}

interface Machine {
  spec: LocalStateMachineSpec;
  arn: string;
  creationDate: number;
  base: AslDefinition;
  tasks: Map<string, TaskStateInfo>;
  executionTimeoutSeconds?: number;
}

/** One engine run: from a checkpoint to the end of the execution or to a task that waits for its token. */
interface Segment {
  execution: ExecutionRecord;
  checkpoint: Checkpoint;
  definition: StateMachineDefinition;
  events: HistoryEvent[];
  /** JSON text of the latest raw input of each state entered. */
  rawInputs: Map<string, string>;
  /** Retry attempts spent in the current visit of each state. */
  attempts: Map<string, number[]>;
  replayPending: boolean;
  skipFirstEntered: boolean;
  /** Task failures already in `events`, whose StateFailed echo from the engine must not be recorded again. */
  recordedFailures: number;
  invocations: Map<string, { abandoned: boolean }>;
  failure?: { error: string; cause: string };
  parked: boolean;
  killed: boolean;
  abort: () => void;
}

type Params = Record<string, unknown>;

const NAME_PATTERN = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;
const DUE_BATCH = 25;

const toSeconds = (ms: number): number => ms / 1000;

const requireString = (params: Params, key: string): string => {
  const value = params[key];
  if (typeof value !== 'string' || value.length === 0) {
    throw new ServiceError(
      'ValidationException',
      `1 validation error detected: Value at '${key}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
};

const optionalString = (params: Params, key: string): string | undefined => {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new ServiceError('ValidationException', `Value at '${key}' must be a string`);
  return value;
};

const maxResultsOf = (params: Params, fallback: number): number => {
  const value = params.maxResults;
  if (value === undefined || value === null || value === 0) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1000) {
    throw new ServiceError('ValidationException', 'maxResults must be between 0 and 1000');
  }
  return value;
};

const offsetOf = (token: string | undefined): number => {
  if (token === undefined) return 0;
  const offset = Number(decodeToken(token)?.offset);
  if (!Number.isInteger(offset) || offset < 0) throw new ServiceError('InvalidToken', 'Invalid nextToken');
  return offset;
};

const offsetToken = (offset: number): string => Buffer.from(JSON.stringify({ offset })).toString('base64url');

const parseJsonText = (text: string, code: string, what: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceError(code, `${what} is not valid JSON`);
  }
};

const toJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

const causeText = (cause: unknown): string => (typeof cause === 'string' ? cause : jsonText(cause));

/** The engine hands a lambda:invoke task its effective input, `{ FunctionName, Payload }`; the function gets Payload. */
const payloadOf = (effective: unknown): unknown =>
  typeof effective === 'object' && effective !== null && !Array.isArray(effective)
    ? ((effective as Record<string, unknown>).Payload ?? {})
    : effective;

export class LocalStepFunctionsService {
  private readonly store: Store;
  private readonly options: ServiceOptions;
  private readonly machines = new Map<string, Machine>();
  /** The latest scheduled segment of each execution; segments of one execution never overlap. */
  private readonly active = new Map<string, Promise<void>>();
  private readonly segments = new Set<Segment>();
  private readonly inflight = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private stopped = false;

  constructor(options: ServiceOptions) {
    this.options = options;
    this.store = new Store({
      endpoint: options.dynamoEndpoint,
      region: options.region,
      tableName: options.tableName,
    });
  }

  async init(): Promise<void> {
    for (const spec of this.options.stateMachines) this.addMachine(spec);
    await this.store.ensureTable();
    const now = Date.now();
    for (const machine of this.machines.values()) {
      machine.creationDate = await this.store.registerStateMachine(machine.spec.name, now);
    }
    // Borrow the engine's timeout error class now, so the first replayed timeout does not wait for it.
    await timeoutError('States.Timeout', '');
    this.timer = setInterval(() => this.track(this.tick()), this.options.timerIntervalMs);
    this.timer.unref();
  }

  private addMachine(spec: LocalStateMachineSpec): void {
    if (!NAME_PATTERN.test(spec.name)) throw new Error(`Invalid state machine name: ${spec.name}`);
    if (this.machines.has(spec.name)) throw new Error(`State machine ${spec.name} is defined twice`);
    const definition = spec.definition;
    const startAt = definition.StartAt;
    if (typeof startAt !== 'string' || !statesOf(definition)[startAt]) {
      throw new Error(`State machine ${spec.name}: StartAt does not name a state`);
    }
    // Validate once up front; segments then run with validation off, since they start mid-definition.
    new StateMachine(definition as unknown as StateMachineDefinition, {
      validationOptions: { checkArn: false },
    });
    const tasks = new Map<string, TaskStateInfo>();
    for (const task of taskStates(definition)) {
      if (!spec.taskHandlers[task.name]) {
        // Without a local handler the engine would call the real AWS Lambda.
        throw new Error(`State machine ${spec.name}: no task handler for Task state ${task.name}`);
      }
      if (task.callback && task.nested) {
        throw new Error(
          `State machine ${spec.name}: ${task.name} waits for a task token inside a Parallel or Map state, which is not supported locally`,
        );
      }
      tasks.set(task.name, task);
    }
    for (const name of Object.keys(spec.taskHandlers)) {
      if (!tasks.has(name))
        throw new Error(`State machine ${spec.name}: task handler ${name} matches no Task state`);
    }
    const timeout = definition.TimeoutSeconds;
    this.machines.set(spec.name, {
      spec,
      arn: this.stateMachineArn(spec.name),
      creationDate: Date.now(),
      base: engineBaseDefinition(definition),
      tasks,
      ...(typeof timeout === 'number' ? { executionTimeoutSeconds: timeout } : {}),
    });
  }

  stateMachineArn(name: string): string {
    return `arn:aws:states:${this.options.region}:${this.options.accountId}:stateMachine:${name}`;
  }

  private executionArn(smName: string, execName: string): string {
    return `arn:aws:states:${this.options.region}:${this.options.accountId}:execution:${smName}:${execName}`;
  }

  private roleArn(smName: string): string {
    return `arn:aws:iam::${this.options.accountId}:role/${smName}-role`;
  }

  private machineByArn(arn: string): Machine {
    const match = /^arn:aws:states:([^:]+):([^:]+):stateMachine:([^:]+)$/.exec(arn);
    if (!match) throw new ServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    const machine = match[3] ? this.machines.get(match[3]) : undefined;
    if (!machine || match[1] !== this.options.region || match[2] !== this.options.accountId) {
      throw new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    }
    return machine;
  }

  private executionKeyOf(arn: string): { smName: string; execName: string } {
    const match = /^arn:aws:states:([^:]+):([^:]+):execution:([^:]+):([^:]+)$/.exec(arn);
    if (!match?.[3] || !match[4]) throw new ServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    if (match[1] !== this.options.region || match[2] !== this.options.accountId) {
      throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    }
    return { smName: match[3], execName: match[4] };
  }

  private async existingExecution(arn: string): Promise<ExecutionRecord> {
    const { smName, execName } = this.executionKeyOf(arn);
    const execution = await this.store.getExecution(smName, execName);
    if (!execution) throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return execution;
  }

  /** Tokens name their execution, so a spent token can be told apart from one never issued. */
  private newToken(executionArn: string): string {
    return Buffer.from(JSON.stringify({ executionArn, id: randomUUID() })).toString('base64url');
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inflight.add(promise);
    const untrack = () => this.inflight.delete(promise);
    promise.then(untrack, untrack);
    return promise;
  }

  private report(error: unknown): void {
    if (!this.stopped) console.error('local-stepfunctions:', error);
  }

  // --- API actions -------------------------------------------------------------------------------

  async startExecution(params: Params): Promise<unknown> {
    const machine = this.machineByArn(requireString(params, 'stateMachineArn'));
    const name = optionalString(params, 'name') ?? randomUUID();
    if (!NAME_PATTERN.test(name)) throw new ServiceError('InvalidName', `Invalid Name: '${name}'`);
    const input = optionalString(params, 'input') ?? '{}';
    parseJsonText(input, 'InvalidExecutionInput', 'Execution input');
    const executionArn = this.executionArn(machine.spec.name, name);
    const startDate = Date.now();
    const execution: ExecutionRecord = {
      executionArn,
      smName: machine.spec.name,
      execName: name,
      status: 'RUNNING',
      input,
      startDate,
      seg: { token: this.newToken(executionArn), state: String(machine.spec.definition.StartAt), input },
    };
    const started = historyEvent(
      'ExecutionStarted',
      { input, inputDetails: { truncated: false }, roleArn: this.roleArn(machine.spec.name) },
      startDate,
    );
    if (!(await this.store.createExecution(execution, started))) {
      const existing = await this.store.getExecution(machine.spec.name, name);
      // As in AWS: the same name and input while the execution is open is the same request.
      if (existing?.status === 'RUNNING' && existing.input === input) {
        return { executionArn, startDate: toSeconds(existing.startDate) };
      }
      throw new ServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    this.schedule(executionArn, execution.seg, execution);
    return { executionArn, startDate: toSeconds(startDate) };
  }

  async describeExecution(params: Params): Promise<unknown> {
    const execution = await this.existingExecution(requireString(params, 'executionArn'));
    return {
      executionArn: execution.executionArn,
      stateMachineArn: this.stateMachineArn(execution.smName),
      name: execution.execName,
      status: execution.status,
      startDate: toSeconds(execution.startDate),
      ...(execution.stopDate === undefined ? {} : { stopDate: toSeconds(execution.stopDate) }),
      input: execution.input,
      inputDetails: { included: true },
      ...(execution.output === undefined
        ? {}
        : { output: execution.output, outputDetails: { included: true } }),
      ...(execution.error === undefined ? {} : { error: execution.error }),
      ...(execution.cause === undefined ? {} : { cause: execution.cause }),
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
    };
  }

  async listExecutions(params: Params): Promise<unknown> {
    const machine = this.machineByArn(requireString(params, 'stateMachineArn'));
    const status = optionalString(params, 'statusFilter');
    const nextToken = optionalString(params, 'nextToken');
    const page = await this.store.listExecutions(machine.spec.name, {
      maxResults: maxResultsOf(params, 100),
      ...(status === undefined ? {} : { status }),
      ...(nextToken === undefined ? {} : { nextToken }),
    });
    return {
      executions: page.executions.map((execution) => ({
        executionArn: execution.executionArn,
        stateMachineArn: machine.arn,
        name: execution.execName,
        status: execution.status,
        startDate: toSeconds(execution.startDate),
        ...(execution.stopDate === undefined ? {} : { stopDate: toSeconds(execution.stopDate) }),
      })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  async getExecutionHistory(params: Params): Promise<unknown> {
    const arn = requireString(params, 'executionArn');
    const { smName, execName } = this.executionKeyOf(arn);
    const stored = await this.store.getHistory(smName, execName);
    if (!stored) throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    let events = toAwsEvents(stored, params.includeExecutionData !== false);
    if (params.reverseOrder === true) events = events.reverse();
    const offset = offsetOf(optionalString(params, 'nextToken'));
    const limit = maxResultsOf(params, 100);
    const page = events.slice(offset, offset + limit);
    return {
      events: page,
      ...(offset + limit < events.length ? { nextToken: offsetToken(offset + limit) } : {}),
    };
  }

  async listStateMachines(params: Params): Promise<unknown> {
    const all = [...this.machines.values()].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
    const offset = offsetOf(optionalString(params, 'nextToken'));
    const limit = maxResultsOf(params, 100);
    return {
      stateMachines: all.slice(offset, offset + limit).map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.spec.name,
        type: 'STANDARD',
        creationDate: toSeconds(machine.creationDate),
      })),
      ...(offset + limit < all.length ? { nextToken: offsetToken(offset + limit) } : {}),
    };
  }

  private describeMachine(machine: Machine): Record<string, unknown> {
    return {
      stateMachineArn: machine.arn,
      name: machine.spec.name,
      status: 'ACTIVE',
      definition: JSON.stringify(machine.spec.definition),
      roleArn: this.roleArn(machine.spec.name),
      type: 'STANDARD',
      creationDate: toSeconds(machine.creationDate),
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    };
  }

  async describeStateMachine(params: Params): Promise<unknown> {
    return this.describeMachine(this.machineByArn(requireString(params, 'stateMachineArn')));
  }

  async describeStateMachineForExecution(params: Params): Promise<unknown> {
    const execution = await this.existingExecution(requireString(params, 'executionArn'));
    const machine = this.machines.get(execution.smName);
    if (!machine)
      throw new ServiceError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${execution.smName}'`,
      );
    const {
      status: _status,
      type: _type,
      creationDate: _created,
      ...described
    } = this.describeMachine(machine);
    return { ...described, updateDate: toSeconds(machine.creationDate) };
  }

  async stopExecution(params: Params): Promise<unknown> {
    const execution = await this.existingExecution(requireString(params, 'executionArn'));
    const error = optionalString(params, 'error');
    const cause = optionalString(params, 'cause');
    const stopDate = Date.now();
    if (execution.status === 'RUNNING') {
      const aborted = historyEvent(
        'ExecutionAborted',
        { ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) },
        stopDate,
      );
      if (await this.store.abortExecution(execution, stopDate, error, cause, [aborted])) {
        for (const segment of this.segments) {
          if (segment.execution.executionArn === execution.executionArn) {
            segment.killed = true;
            segment.abort();
          }
        }
        return { stopDate: toSeconds(stopDate) };
      }
    }
    const latest = await this.existingExecution(execution.executionArn);
    return { stopDate: toSeconds(latest.stopDate ?? stopDate) };
  }

  async sendTaskSuccess(params: Params): Promise<unknown> {
    const token = this.checkedToken(requireString(params, 'taskToken'));
    const output = requireString(params, 'output');
    parseJsonText(output, 'InvalidOutput', 'Task output');
    await this.completeTask(token, { kind: 'success', output });
    return {};
  }

  async sendTaskFailure(params: Params): Promise<unknown> {
    const token = this.checkedToken(requireString(params, 'taskToken'));
    await this.completeTask(token, {
      kind: 'failure',
      error: optionalString(params, 'error') ?? '',
      cause: optionalString(params, 'cause') ?? '',
    });
    return {};
  }

  async sendTaskHeartbeat(params: Params): Promise<unknown> {
    const token = this.checkedToken(requireString(params, 'taskToken'));
    const waiting = await this.store.getWaiting(token);
    if (!waiting || !(await this.store.heartbeat(waiting, Date.now()))) throw await this.spentToken(token);
    return {};
  }

  private checkedToken(token: string): string {
    const executionArn = decodeToken(token)?.executionArn;
    if (typeof executionArn !== 'string') throw new ServiceError('InvalidToken', 'Invalid Token');
    return token;
  }

  private async spentToken(token: string): Promise<ServiceError> {
    const executionArn = String(decodeToken(token)?.executionArn);
    try {
      const { smName, execName } = this.executionKeyOf(executionArn);
      if (await this.store.getExecution(smName, execName)) {
        return new ServiceError('TaskTimedOut', 'Task Timed Out: Provided task does not exist anymore');
      }
    } catch {
      // Not an execution of ours: the token was never issued.
    }
    return new ServiceError('InvalidToken', 'Invalid Token: the task token was not issued by this service');
  }

  // --- callbacks and deadlines ---------------------------------------------------------------------

  /**
   * Claims the waiting task (once: a second callback, or one after the timeout, gets TaskTimedOut) and
   * resumes the execution at the task state, where the engine applies the result as AWS would.
   */
  private async completeTask(
    token: string,
    replay: Replay,
    due?: { record: WaitingRecord; by: number },
  ): Promise<void> {
    const waiting = due?.record ?? (await this.store.getWaiting(token));
    if (!waiting) throw await this.spentToken(token);
    const next: Checkpoint = {
      token: this.newToken(waiting.executionArn),
      state: waiting.stateName,
      input: waiting.rawInput,
      replay,
      attempts: waiting.attempts ?? [],
    };
    const resource = taskResource(waiting.resource);
    const event =
      replay.kind === 'success'
        ? historyEvent('TaskSucceeded', {
            ...resource,
            output: replay.output,
            outputDetails: { truncated: false },
          })
        : historyEvent(replay.kind === 'timeout' ? 'TaskTimedOut' : 'TaskFailed', {
            ...resource,
            error: replay.error,
            cause: replay.cause,
          });
    const claimed = await this.store.claim(
      waiting,
      this.executionKeyOf(waiting.executionArn),
      next,
      [event],
      due?.by,
    );
    if (claimed !== 'claimed') throw await this.spentToken(token);
    this.schedule(waiting.executionArn, next);
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      let due: WaitingRecord[];
      do {
        const now = Date.now();
        due = await this.store.dueWaiting(now, DUE_BATCH);
        for (const record of due) {
          if (this.stopped) return;
          try {
            await this.completeTask(record.token, this.expiry(record, now), { record, by: now });
          } catch (error) {
            // A callback or a heartbeat got there first.
            if (!(error instanceof ServiceError)) throw error;
          }
        }
      } while (due.length === DUE_BATCH);
    } catch (error) {
      this.report(error);
    } finally {
      this.ticking = false;
    }
  }

  private expiry(record: WaitingRecord, now: number): Replay {
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
  }

  // --- segments ------------------------------------------------------------------------------------

  private schedule(executionArn: string, checkpoint: Checkpoint, known?: ExecutionRecord): void {
    const previous = this.active.get(executionArn) ?? Promise.resolve();
    const next = previous
      .then(() => this.runSegment(executionArn, checkpoint, known))
      .catch((error: unknown) => this.report(error));
    this.active.set(executionArn, next);
    this.track(next).then(() => {
      if (this.active.get(executionArn) === next) this.active.delete(executionArn);
    });
  }

  private async runSegment(
    executionArn: string,
    checkpoint: Checkpoint,
    known?: ExecutionRecord,
  ): Promise<void> {
    if (this.stopped) return;
    const { smName, execName } = this.executionKeyOf(executionArn);
    const execution = known ?? (await this.store.getExecution(smName, execName));
    // Stale: the execution ended or moved to another segment meanwhile.
    if (execution?.status !== 'RUNNING' || execution.seg.token !== checkpoint.token) return;
    const machine = this.machines.get(smName);
    if (!machine) {
      await this.endSegment(
        execution,
        checkpoint,
        { status: 'FAILED', error: 'States.Runtime', cause: `State machine ${smName} is not configured` },
        [],
      );
      return;
    }
    let timeoutSeconds: number | undefined;
    if (machine.executionTimeoutSeconds !== undefined) {
      timeoutSeconds = machine.executionTimeoutSeconds - toSeconds(Date.now() - execution.startDate);
      if (timeoutSeconds <= 0) {
        const cause = 'The execution ran longer than its TimeoutSeconds';
        const timedOut = historyEvent('ExecutionTimedOut', { error: 'States.Timeout', cause });
        await this.endSegment(
          execution,
          checkpoint,
          { status: 'TIMED_OUT', error: 'States.Timeout', cause },
          [timedOut],
        );
        return;
      }
    }
    const replay = checkpoint.replay;
    const definition = segmentDefinition(machine.base, {
      startAt: checkpoint.state,
      ...(checkpoint.attempts ? { attempts: checkpoint.attempts } : {}),
      heartbeatTimeout: replay?.kind === 'timeout' && replay.error === 'States.HeartbeatTimeout',
      ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    });
    const segment: Segment = {
      execution,
      checkpoint,
      definition,
      events: [],
      rawInputs: new Map(),
      attempts: new Map(),
      replayPending: replay !== undefined,
      skipFirstEntered: replay !== undefined,
      recordedFailures: 0,
      invocations: new Map(),
      parked: false,
      killed: false,
      abort: () => {},
    };
    if (replay) {
      segment.rawInputs.set(checkpoint.state, checkpoint.input);
      segment.attempts.set(checkpoint.state, [...(checkpoint.attempts ?? [])]);
    }
    const handlers: LocalHandlers = {};
    for (const task of machine.tasks.values()) {
      handlers[task.name] = (input) => this.runTask(machine, task, segment, input);
    }
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
    const consumed = this.consume(run.eventLogs, segment);
    let end: SegmentEnd | undefined;
    try {
      const output = await run.result;
      if (segment.parked) end = { status: 'PARKED' };
      else if (!segment.killed) end = { status: 'SUCCEEDED', output: jsonText(output) };
    } catch (error) {
      if (segment.parked) end = { status: 'PARKED' };
      else if (error instanceof ExecutionTimeoutError) {
        end = {
          status: 'TIMED_OUT',
          error: 'States.Timeout',
          cause: 'The execution ran longer than its TimeoutSeconds',
        };
      } else {
        const cause = error instanceof Error ? error.cause : undefined;
        end = {
          status: 'FAILED',
          error: cause instanceof Error ? cause.name : 'States.Runtime',
          cause: cause instanceof Error ? cause.message : String(error),
        };
      }
    }
    await consumed;
    this.segments.delete(segment);
    if (!end || segment.killed) return;
    if (end.status === 'FAILED' && segment.failure) end = { status: 'FAILED', ...segment.failure };
    await this.endSegment(execution, checkpoint, end, segment.events);
  }

  private async endSegment(
    execution: ExecutionRecord,
    checkpoint: Checkpoint,
    end: SegmentEnd,
    events: HistoryEvent[],
  ): Promise<void> {
    // A stopped service abandons its runs: they are recovered from the checkpoint, as after a crash.
    if (this.stopped) return;
    await this.store.endSegment(execution, checkpoint.token, end, events);
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
        RoleArn: this.roleArn(machine.spec.name),
        // Kept apart from Input and StartTime, which the engine overwrites on every run (see definition.ts).
        LocalInput: input,
        LocalStartTime: startTime,
      },
      StateMachine: { Id: machine.arn, Name: machine.spec.name },
      Task: { Token: token },
    };
  }

  private async consume(events: AsyncGenerator<EngineEvent>, segment: Segment): Promise<void> {
    for await (const event of events) {
      switch (event.type) {
        case 'StateEntered': {
          const { name, type, input } = event.state;
          if (segment.skipFirstEntered && name === segment.checkpoint.state) {
            // A resumed task state: AWS entered it once, before the wait.
            segment.skipFirstEntered = false;
            break;
          }
          segment.rawInputs.set(name, jsonText(input));
          segment.attempts.set(name, []);
          segment.events.push(
            historyEvent(`${type}StateEntered`, { name, ...dataDetails('input', input) }, event.timestamp),
          );
          break;
        }
        case 'StateExited': {
          const { name, type, output } = event.state;
          segment.events.push(
            historyEvent(`${type}StateExited`, { name, ...dataDetails('output', output) }, event.timestamp),
          );
          break;
        }
        case 'StateFailed': {
          if (event.state.type !== 'Task') break;
          if (segment.recordedFailures > 0) {
            segment.recordedFailures--;
            break;
          }
          // The engine's own failure of a task, e.g. its TimeoutSeconds while the handler still runs.
          const invocation = segment.invocations.get(event.state.name);
          if (invocation) invocation.abandoned = true;
          const task = this.machines.get(segment.execution.smName)?.tasks.get(event.state.name);
          segment.events.push(
            historyEvent(
              event.Error === 'States.Timeout' ? 'TaskTimedOut' : 'TaskFailed',
              { ...taskResource(task?.resource ?? ''), error: event.Error, cause: causeText(event.Cause) },
              event.timestamp,
            ),
          );
          break;
        }
        case 'StateRetried': {
          const retriers = statesOf(segment.definition as unknown as AslDefinition)[event.state.name]?.Retry;
          const index = Array.isArray(retriers) ? retriers.indexOf(event.retry.retrier) : -1;
          if (index < 0) break;
          const attempts = segment.attempts.get(event.state.name) ?? [];
          attempts[index] = (attempts[index] ?? 0) + 1;
          segment.attempts.set(event.state.name, attempts);
          break;
        }
        case 'ExecutionSucceeded':
          segment.events.push(
            historyEvent('ExecutionSucceeded', dataDetails('output', event.output), event.timestamp),
          );
          break;
        case 'ExecutionFailed': {
          segment.failure = { error: event.Error, cause: causeText(event.Cause) };
          segment.events.push(historyEvent('ExecutionFailed', { ...segment.failure }, event.timestamp));
          break;
        }
        case 'ExecutionTimeout':
          segment.events.push(
            historyEvent(
              'ExecutionTimedOut',
              { error: 'States.Timeout', cause: 'The execution ran longer than its TimeoutSeconds' },
              event.timestamp,
            ),
          );
          break;
        case 'MapIterationStarted':
        case 'MapIterationSucceeded':
        case 'MapIterationFailed':
          segment.events.push(
            historyEvent(event.type, { name: event.parentState.name, index: event.index }, event.timestamp),
          );
          break;
        default:
          break;
      }
    }
  }

  private async runTask(
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
    const resource = taskResource(task.resource);
    const invocation = { abandoned: false };
    segment.invocations.set(task.name, invocation);
    const payload = task.lambdaInvoke ? payloadOf(effective) : effective;
    if (task.callback)
      return this.invokeForCallback(machine, task, segment, effective, payload, resource, invocation);
    const timeout = task.state.TimeoutSeconds;
    segment.events.push(
      historyEvent('TaskScheduled', {
        ...resource,
        region: this.options.region,
        parameters: jsonText(effective),
        ...(typeof timeout === 'number' ? { timeoutInSeconds: timeout } : {}),
      }),
      historyEvent('TaskStarted', resource),
    );
    const handler = machine.spec.taskHandlers[task.name] as NonNullable<
      (typeof machine.spec.taskHandlers)[string]
    >;
    let result: unknown;
    try {
      result = await handler(payload, { stateName: task.name, executionArn: segment.execution.executionArn });
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

  private async replay(replay: Replay, segment: Segment): Promise<JsonValue> {
    if (replay.kind === 'success') return JSON.parse(replay.output) as JsonValue;
    // TaskFailed / TaskTimedOut went into the history with the claim.
    segment.recordedFailures++;
    if (replay.kind === 'timeout') throw await timeoutError(replay.error, replay.cause);
    throw new TaskError(replay.error, replay.cause);
  }

  private async invokeForCallback(
    machine: Machine,
    task: TaskStateInfo,
    segment: Segment,
    effective: JsonValue,
    payload: unknown,
    resource: TaskResource,
    invocation: { abandoned: boolean },
  ): Promise<JsonValue> {
    const rawInput = segment.rawInputs.get(task.name);
    if (rawInput === undefined) throw new StatesRuntimeError(`No input recorded for ${task.name}`);
    const state: AslState = task.state;
    const raw = JSON.parse(rawInput) as unknown;
    const timeoutSeconds = resolveSeconds(state, 'Timeout', raw);
    const heartbeatSeconds = resolveSeconds(state, 'Heartbeat', raw);
    const now = Date.now();
    const token = segment.checkpoint.token;
    const { execution } = segment;
    segment.events.push(
      historyEvent('TaskScheduled', {
        ...resource,
        region: this.options.region,
        parameters: jsonText(effective),
        ...(timeoutSeconds === undefined ? {} : { timeoutInSeconds: timeoutSeconds }),
        ...(heartbeatSeconds === undefined ? {} : { heartbeatInSeconds: heartbeatSeconds }),
      }),
      historyEvent('TaskStarted', resource),
    );
    const waiting: WaitingRecord = {
      token,
      executionArn: execution.executionArn,
      stateName: task.name,
      resource: task.resource,
      rawInput,
      attempts: segment.attempts.get(task.name) ?? [],
      ...(timeoutSeconds === undefined ? {} : { timeoutAt: now + timeoutSeconds * 1000 }),
      ...(heartbeatSeconds === undefined
        ? {}
        : { heartbeatAt: now + heartbeatSeconds * 1000, heartbeatSeconds }),
      ...(machine.executionTimeoutSeconds === undefined
        ? {}
        : { executionDeadlineAt: execution.startDate + machine.executionTimeoutSeconds * 1000 }),
    };
    // Recorded before the invocation: the handler may pass the token on at once, and that callback must
    // find the task waiting.
    if (segment.killed) throw new ParkSignal();
    await this.store.putWaiting(waiting);
    const handler = machine.spec.taskHandlers[task.name] as NonNullable<
      (typeof machine.spec.taskHandlers)[string]
    >;
    try {
      await handler(payload, { stateName: task.name, executionArn: execution.executionArn });
    } catch (thrown) {
      const error = taskErrorOf(thrown);
      if (segment.killed || invocation.abandoned) throw error;
      if (await this.store.deleteWaiting(token)) {
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
      await this.store.deleteWaiting(token);
      throw new ParkSignal();
    }
    segment.events.push(
      historyEvent('TaskSubmitted', { ...resource, ...dataDetails('output', { StatusCode: 200 }) }),
    );
    segment.parked = true;
    segment.abort();
    throw new ParkSignal();
  }

  // --- lifecycle -----------------------------------------------------------------------------------

  async recover(): Promise<void> {
    for (const executionArn of await this.store.runningExecutionArns()) {
      if (this.active.has(executionArn)) continue;
      const { smName, execName } = this.executionKeyOf(executionArn);
      const execution = await this.store.getExecution(smName, execName);
      if (execution?.status !== 'RUNNING') continue;
      const parked = execution.parkedToken !== undefined && execution.parkedToken === execution.seg.token;
      if (parked && (await this.store.getWaiting(execution.seg.token))) continue;
      // Cut off mid-segment: run it again from its checkpoint, with the same token (tasks are at-least-once).
      this.schedule(executionArn, execution.seg, execution);
    }
  }

  async idle(): Promise<void> {
    for (;;) {
      while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
      if (this.stopped) return;
      const due = await this.store.dueWaiting(Date.now(), 1);
      if (due.length === 0 && this.inflight.size === 0) return;
      await sleep(Math.min(this.options.timerIntervalMs, 20));
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    for (const segment of this.segments) {
      segment.killed = true;
      segment.abort();
    }
    this.store.destroy();
  }
}
