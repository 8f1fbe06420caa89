import type { ExecutionInput } from './continuation.ts';
import type { TokenOutput } from './payloads.ts';

/**
 * `gone`: the wait the token belonged to has already ended (its deadline passed, or the token was
 * answered), so the workflow will not take this answer. Never an error to its callers: see task-tokens.ts.
 */
export type AnswerOutcome = 'answered' | 'gone';

/** What Step Functions says of an execution; `MISSING` when there is none of that name. */
export interface ExecutionState {
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'MISSING';
  /** When it ended, if it has. */
  stoppedAt?: string;
  error?: string;
  cause?: string;
}

/** The experiment workflow, as the application uses it. Step Functions in both places (step-functions.ts). */
export interface Workflow {
  /** Starts the experiment's workflow; starting it again is harmless. */
  start(experimentId: string): Promise<void>;
  /**
   * Starts the execution `name` with `input`. Starting it again with the same input while it runs is
   * harmless; `exists` when the name is taken otherwise (Step Functions keeps names for 90 days).
   */
  startExecution(name: string, input: ExecutionInput): Promise<'started' | 'exists'>;
  /** The ARN the execution `name` has, or will have once started. */
  executionArn(name: string): string;
  describeExecution(executionArn: string): Promise<ExecutionState>;
  /** The ARNs of the executions running now (eventually consistent, as ListExecutions is). */
  runningExecutions(): Promise<Set<string>>;
  /** Hands a decision or a cycle to the wait that parked `taskToken`. */
  answer(taskToken: string, output: TokenOutput): Promise<AnswerOutcome>;
}
