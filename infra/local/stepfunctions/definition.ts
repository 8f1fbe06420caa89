import type { StateMachineDefinition } from 'aws-local-stepfunctions';

export type AslState = Record<string, unknown>;
export type AslDefinition = Record<string, unknown>;

interface Retrier {
  ErrorEquals: string[];
  MaxAttempts?: number;
  IntervalSeconds?: number;
  BackoffRate?: number;
  [other: string]: unknown;
}

interface Catcher {
  ErrorEquals: string[];
  [other: string]: unknown;
}

export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
/** Starting an execution of a state machine, request-response: the service runs it itself. */
export const START_EXECUTION = 'arn:aws:states:::states:startExecution';
export const CALLBACK_SUFFIX = '.waitForTaskToken';

/** `setTimeout` holds 32-bit milliseconds; a longer delay fires at once, which would time every task out. */
export const MAX_TIMER_SECONDS = 2_147_483;

/**
 * The engine applies a callback state's TimeoutSeconds to the Lambda invocation only (the wait is ours),
 * so cap it at Lambda's own 15-minute limit.
 */
const CALLBACK_INVOKE_TIMEOUT_SECONDS = 900;

export interface TaskStateInfo {
  name: string;
  resource: string;
  lambdaInvoke: boolean;
  /** `states:startExecution`, run by the service; other patterns of it (`.sync`, callbacks) are refused. */
  startExecution: boolean;
  callback: boolean;
  /** Inside a Parallel branch or a Map iteration. */
  nested: boolean;
  state: AslState;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const statesOf = (definition: AslDefinition): Record<string, AslState> => {
  const states = definition.States;
  return isObject(states) ? (states as Record<string, AslState>) : {};
};

const childDefinitions = (state: AslState): AslDefinition[] => {
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) return state.Branches.filter(isObject);
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    return isObject(processor) ? [processor] : [];
  }
  return [];
};

export const isCallbackResource = (resource: string): boolean => resource.endsWith(CALLBACK_SUFFIX);

export const taskStates = (definition: AslDefinition, nested = false): TaskStateInfo[] => {
  const found: TaskStateInfo[] = [];
  for (const [name, state] of Object.entries(statesOf(definition))) {
    if (state.Type === 'Task') {
      const resource = typeof state.Resource === 'string' ? state.Resource : '';
      found.push({
        name,
        resource,
        lambdaInvoke: resource === LAMBDA_INVOKE || resource === `${LAMBDA_INVOKE}${CALLBACK_SUFFIX}`,
        startExecution: resource === START_EXECUTION,
        callback: isCallbackResource(resource),
        nested,
        state,
      });
    }
    for (const child of childDefinitions(state)) found.push(...taskStates(child, true));
  }
  return found;
};

/**
 * The engine builds the Context object afresh for every run and overwrites `Execution.Input` and
 * `Execution.StartTime` with the run's own values. A resumed segment is a new run, so point those paths
 * at copies of the execution's real values that the engine leaves alone.
 */
const rewriteContextPaths = (value: unknown): unknown => {
  if (typeof value === 'string') {
    return value.replace(
      /\$\$\.Execution\.(Input|StartTime)\b/g,
      (_match, field: string) => `$$.Execution.Local${field}`,
    );
  }
  if (Array.isArray(value)) return value.map(rewriteContextPaths);
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteContextPaths(v)]));
  return value;
};

const adjustTaskTimeouts = (definition: AslDefinition): void => {
  for (const state of Object.values(statesOf(definition))) {
    if (state.Type === 'Task') {
      const resource = typeof state.Resource === 'string' ? state.Resource : '';
      if (isCallbackResource(resource)) {
        const declared =
          typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : Number.POSITIVE_INFINITY;
        state.TimeoutSeconds = Math.min(declared, CALLBACK_INVOKE_TIMEOUT_SECONDS);
        // The engine would read these paths from the effective input (after Parameters); the service reads
        // them from the raw input itself when it records the wait.
        delete state.TimeoutSecondsPath;
        delete state.HeartbeatSeconds;
        delete state.HeartbeatSecondsPath;
      } else if (typeof state.TimeoutSeconds === 'number' && state.TimeoutSeconds > MAX_TIMER_SECONDS) {
        state.TimeoutSeconds = MAX_TIMER_SECONDS;
      }
    }
    for (const child of childDefinitions(state)) adjustTaskTimeouts(child);
  }
};

/** The definition as the engine should see it, before a segment picks its start state. */
export const engineBaseDefinition = (definition: AslDefinition): AslDefinition => {
  const copy = rewriteContextPaths(structuredClone(definition)) as AslDefinition;
  // The execution timeout spans segments, so each segment gets the time that is left instead.
  delete copy.TimeoutSeconds;
  adjustTaskTimeouts(copy);
  return copy;
};

export interface SegmentShape {
  startAt: string;
  /** Retry attempts already spent on the start state before this segment (a callback that failed). */
  attempts?: number[];
  /** A heartbeat timeout is replayed: `States.Timeout` matchers must catch it too, as in AWS. */
  heartbeatTimeout?: boolean;
  /** Seconds left of the execution's own TimeoutSeconds. */
  timeoutSeconds?: number;
}

const withHeartbeatMatch = <T extends { ErrorEquals: string[] }>(matchers: T[]): T[] =>
  matchers.map((matcher) =>
    matcher.ErrorEquals.includes('States.Timeout') && !matcher.ErrorEquals.includes('States.HeartbeatTimeout')
      ? { ...matcher, ErrorEquals: [...matcher.ErrorEquals, 'States.HeartbeatTimeout'] }
      : matcher,
  );

/**
 * The engine counts retries per run; a callback failure resumes in a new run, so the retrier budget and
 * backoff already spent are carried over by shrinking MaxAttempts and growing IntervalSeconds.
 */
const withSpentAttempts = (retriers: Retrier[], attempts: number[]): Retrier[] =>
  retriers.map((retrier, index) => {
    const spent = attempts[index] ?? 0;
    if (spent === 0) return retrier;
    return {
      ...retrier,
      MaxAttempts: Math.max(0, (retrier.MaxAttempts ?? 3) - spent),
      IntervalSeconds: (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** spent,
    };
  });

export const segmentDefinition = (base: AslDefinition, shape: SegmentShape): StateMachineDefinition => {
  const states = statesOf(base);
  const start = states[shape.startAt];
  if (!start) throw new Error(`State ${shape.startAt} is not in the definition`);
  let startState = start;
  if (shape.attempts?.some((spent) => spent > 0) || shape.heartbeatTimeout) {
    startState = { ...start };
    if (Array.isArray(start.Retry)) {
      let retriers = start.Retry as Retrier[];
      if (shape.attempts) retriers = withSpentAttempts(retriers, shape.attempts);
      if (shape.heartbeatTimeout) retriers = withHeartbeatMatch(retriers);
      startState.Retry = retriers;
    }
    if (shape.heartbeatTimeout && Array.isArray(start.Catch)) {
      startState.Catch = withHeartbeatMatch(start.Catch as Catcher[]);
    }
  }
  const segment: AslDefinition = {
    ...base,
    StartAt: shape.startAt,
    States: { ...states, [shape.startAt]: startState },
  };
  if (shape.timeoutSeconds !== undefined)
    segment.TimeoutSeconds = Math.min(shape.timeoutSeconds, MAX_TIMER_SECONDS);
  return segment as unknown as StateMachineDefinition;
};

/** Reference paths as ASL uses them for *SecondsPath fields: `$`, `$.a.b`, `$.a[0]`, `$['a']`. */
export const readReferencePath = (value: unknown, path: string): unknown => {
  if (!path.startsWith('$')) return undefined;
  const steps: (string | number)[] = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/g;
  let consumed = 1;
  for (let match = pattern.exec(path); match; match = pattern.exec(path)) {
    if (match.index !== consumed) return undefined;
    consumed = match.index + match[0].length;
    if (match[1] !== undefined) steps.push(match[1]);
    else if (match[2] !== undefined) steps.push(Number(match[2]));
    else if (match[3] !== undefined) steps.push(match[3]);
  }
  if (consumed !== path.length) return undefined;
  let current: unknown = value;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (!isObject(current)) return undefined;
      current = current[step];
    }
  }
  return current;
};

/** Thrown for definition problems AWS reports as States.Runtime: neither retried nor caught. */
export class StatesRuntimeError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(message: string) {
    super(message);
    this.name = 'States.Runtime';
  }
}

/**
 * Seconds from `<field>Seconds`, or from `<field>SecondsPath` read against the state's raw input.
 * `undefined` means the state sets no limit.
 */
export const resolveSeconds = (
  state: AslState,
  field: 'Timeout' | 'Heartbeat',
  rawInput: unknown,
): number | undefined => {
  const fixed = state[`${field}Seconds`];
  if (typeof fixed === 'number') return fixed;
  const path = state[`${field}SecondsPath`];
  if (typeof path !== 'string') return undefined;
  const seconds = readReferencePath(rawInput, path);
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) {
    throw new StatesRuntimeError(`${field}SecondsPath ${path} did not select a positive integer`);
  }
  return seconds;
};
