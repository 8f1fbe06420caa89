import { randomUUID } from 'node:crypto';
import { ServiceError } from './errors.ts';
import { historyEvent, taskResource } from './history.ts';
import type { Machines } from './machines.ts';
import type { ExecutionStore } from './store/executions.ts';
import type { Checkpoint, Replay, WaitingRecord } from './store/records.ts';
import { decodeToken, encodeToken } from './store/table.ts';
import type { WaitStore } from './store/waits.ts';

/**
 * A fresh task token for the next segment of an execution. Tokens name their execution, so a spent token
 * can be told apart from one never issued.
 */
export const newTaskToken = (executionArn: string): string => encodeToken({ executionArn, id: randomUUID() });

interface TaskTokensDeps {
  waits: WaitStore;
  executions: ExecutionStore;
  machines: Machines;
  /** Runs the execution on from the checkpoint the claim wrote. */
  resume: (executionArn: string, next: Checkpoint) => void;
}

/**
 * Task-token waits, from the caller's side: SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat, and
 * the deadline timer, which completes a task the same way with a timeout.
 */
export class TaskTokens {
  private readonly deps: TaskTokensDeps;

  constructor(deps: TaskTokensDeps) {
    this.deps = deps;
  }

  /** A token this service could have issued; anything else is InvalidToken. */
  checked(token: string): string {
    const executionArn = decodeToken(token)?.executionArn;
    if (typeof executionArn !== 'string') throw new ServiceError('InvalidToken', 'Invalid Token');
    return token;
  }

  /**
   * Claims the waiting task (once: a second callback, or one after the timeout, gets TaskTimedOut) and
   * resumes the execution at the task state, where the engine applies the result as AWS would.
   * `due` is the timer's claim of a record whose deadline passed by `by`.
   */
  async complete(token: string, replay: Replay, due?: { record: WaitingRecord; by: number }): Promise<void> {
    const { waits, machines } = this.deps;
    const waiting = due?.record ?? (await waits.get(token));
    if (!waiting) throw await this.spent(token);
    const next: Checkpoint = {
      token: newTaskToken(waiting.executionArn),
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
    const claimed = await waits.claim(
      waiting,
      machines.executionKeyOf(waiting.executionArn),
      next,
      [event],
      due?.by,
    );
    if (claimed !== 'claimed') throw await this.spent(token);
    this.deps.resume(waiting.executionArn, next);
  }

  async heartbeat(token: string): Promise<void> {
    const { waits } = this.deps;
    const waiting = await waits.get(token);
    if (!waiting || !(await waits.heartbeat(waiting, Date.now()))) throw await this.spent(token);
  }

  /** The error for a token that waits no more: TaskTimedOut if its execution exists, else InvalidToken. */
  private async spent(token: string): Promise<ServiceError> {
    const executionArn = String(decodeToken(token)?.executionArn);
    try {
      const { smName, execName } = this.deps.machines.executionKeyOf(executionArn);
      if (await this.deps.executions.get(smName, execName)) {
        return new ServiceError('TaskTimedOut', 'Task Timed Out: Provided task does not exist anymore');
      }
    } catch {
      // Not an execution of ours: the token was never issued.
    }
    return new ServiceError('InvalidToken', 'Invalid Token: the task token was not issued by this service');
  }
}
