import type { TokenOutput } from './payloads.ts';

/**
 * `gone`: the wait the token belonged to has already ended (its deadline passed, or the token was
 * answered), so the workflow will not take this answer. Never an error to its callers: see task-tokens.ts.
 */
export type AnswerOutcome = 'answered' | 'gone';

/** The experiment workflow, as the application uses it. Step Functions in both places (step-functions.ts). */
export interface Workflow {
  /** Starts the experiment's workflow; starting it again is harmless. */
  start(experimentId: string): Promise<void>;
  /** Hands a decision or a cycle to the wait that parked `taskToken`. */
  answer(taskToken: string, output: TokenOutput): Promise<AnswerOutcome>;
}
