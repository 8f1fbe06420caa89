import { TaskError } from './engine.ts';
import { ServiceError } from './errors.ts';
import type { LocalTaskHandler } from './machines.ts';

/** What the API's StartExecution answers (api.ts). */
export type StartExecution = (params: Record<string, unknown>) => Promise<unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A Task state with `Resource: arn:aws:states:::states:startExecution` (request-response): it starts an
 * execution of a state machine of this service, as StartExecution through the API would, and goes on
 * without waiting for it. Its parameters are the API's in AWS's spelling (`StateMachineArn`, `Name`,
 * `Input` as an object or as JSON text); its result is `{ ExecutionArn, StartDate }`. The API's errors
 * come back as the integration names them, `StepFunctions.<Code>Exception` (for example
 * `StepFunctions.ExecutionAlreadyExistsException`), for Retry and Catch to match.
 */
export const startExecutionTask =
  (start: StartExecution): LocalTaskHandler =>
  async (parameters) => {
    if (!isObject(parameters) || typeof parameters.StateMachineArn !== 'string') {
      throw new TaskError('States.Runtime', 'startExecution needs a StateMachineArn');
    }
    const { StateMachineArn, Name, Input } = parameters;
    const input = Input === undefined ? '{}' : typeof Input === 'string' ? Input : JSON.stringify(Input);
    try {
      const started = (await start({
        stateMachineArn: StateMachineArn,
        input,
        ...(typeof Name === 'string' ? { name: Name } : {}),
      })) as { executionArn: string; startDate: number };
      return {
        ExecutionArn: started.executionArn,
        StartDate: new Date(started.startDate * 1000).toISOString(),
      };
    } catch (error) {
      if (error instanceof ServiceError) {
        throw new TaskError(`StepFunctions.${error.code}Exception`, error.message);
      }
      throw error;
    }
  };
