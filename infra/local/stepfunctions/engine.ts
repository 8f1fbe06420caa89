import type { RunOptions, StateMachineDefinition } from 'aws-local-stepfunctions';
import { StateMachine } from 'aws-local-stepfunctions';
import { LAMBDA_INVOKE } from './definition.ts';

/** The engine's own types, which its package declares but does not export. */
export type JsonValue = Parameters<StateMachine['run']>[0];
export type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
export type EngineEvent =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;
export type EngineContext = NonNullable<RunOptions['context']>;

/**
 * A task failure as the engine matches it against Retry and Catch: by `name`, with `message` as the
 * Cause. A plain Error is retryable and catchable, since the engine reads `isRetryable ?? true`.
 */
export class TaskError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/**
 * Ends a run segment quietly when a task starts waiting for its token: thrown after the run is aborted,
 * neither retried nor caught, so the engine unwinds without calling the task again.
 */
export class ParkSignal extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor() {
    super('Waiting for a task token');
    this.name = 'ParkSignal';
  }
}

/** Errors of a service rather than of a function's code. */
const SERVICE_ERROR_PREFIXES = ['Lambda.', 'States.', 'StepFunctions.'];

/**
 * What AWS reports when a Lambda function throws: the error type as Error and a JSON Cause.
 * Errors named `Lambda.*`, `States.*` or `StepFunctions.*` stand for a service (Lambda, Step Functions,
 * its startExecution integration) and keep their message as Cause.
 */
export const taskErrorOf = (thrown: unknown): TaskError => {
  const name = thrown instanceof Error && thrown.name ? thrown.name : 'Error';
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  if (SERVICE_ERROR_PREFIXES.some((prefix) => name.startsWith(prefix))) return new TaskError(name, message);
  return new TaskError(name, JSON.stringify({ errorType: name, errorMessage: message }));
};

type ErrorClass = new () => Error;

let timeoutErrorClass: Promise<ErrorClass> | undefined;

/**
 * The engine lets `States.TaskFailed` match any task error except instances of its own (unexported)
 * StatesTimeoutError. A replayed callback timeout must be such an instance, so borrow the class from a
 * one-millisecond task timeout.
 */
const probeTimeoutErrorClass = async (): Promise<ErrorClass> => {
  const probe = new StateMachine(
    {
      StartAt: 'Probe',
      States: { Probe: { Type: 'Task', Resource: LAMBDA_INVOKE, TimeoutSeconds: 0.001, End: true } },
    } as unknown as StateMachineDefinition,
    { validationOptions: { noValidate: true } },
  );
  const run = probe.run(null, {
    overrides: { taskResourceLocalHandlers: { Probe: () => new Promise(() => {}) } },
  });
  try {
    await run.result;
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof Error && cause.name === 'States.Timeout') return cause.constructor as ErrorClass;
  }
  throw new Error('aws-local-stepfunctions no longer reports task timeouts as States.Timeout');
};

export const timeoutError = async (name: string, cause: string): Promise<Error> => {
  timeoutErrorClass ??= probeTimeoutErrorClass();
  const ErrorClass = await timeoutErrorClass;
  const error = new ErrorClass();
  error.name = name;
  error.message = cause;
  return error;
};
