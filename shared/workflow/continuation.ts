/**
 * Which workflow execution drives an experiment, and how a new one continues it. Pure: the tasks and the
 * reconciliation use these rules; the writes that apply them are theirs.
 *
 * An experiment is driven by one Step Functions execution at a time. A new one takes over in two ways:
 * the driving execution hands over before it nears a Standard execution's age limit (`hand-over`), or
 * reconciliation finds the driving execution ended (stopped, timed out, failed) while the experiment is
 * not final (`reconcile`). Either way the take-over is one conditional write of the experiment (its
 * optimistic lock), naming the new execution, so two can never both win; the loser finds the new driver
 * and at most starts that same execution again, which Step Functions refuses or ignores (same name and
 * input while it runs). Every task checks it belongs to the driving execution before it acts.
 */
import type { Experiment, ResumePoint, WorkflowExecution } from '../domain/experiment.ts';
import { isFinalStatus } from '../domain/status.ts';

/** The first execution is named after the experiment; each continuation adds its generation. */
export const executionName = (experimentId: string, generation: number): string =>
  generation === 0 ? experimentId : `${experimentId}-${generation}`;

/** The last part of an execution ARN, `arn:aws:states:<region>:<account>:execution:<machine>:<name>`. */
const nameOf = (executionArn: string): string => executionArn.slice(executionArn.lastIndexOf(':') + 1);

/**
 * What an execution is started with. The first: `{ experimentId }`, exactly what the submission starts, so
 * every start of it is the same request. A continuation: where to resume, and for a wait for a cycle (or a
 * decision in the middle of testing), how many cycles the workflow had taken in; the state machine's
 * `Start` Choice reads `resume`.
 */
export interface ExecutionInput {
  experimentId: string;
  generation?: number;
  resume?: ResumePoint;
  cycle?: { number: number };
}

/** The input of an execution, from what the experiment records of it: the same every time it is asked. */
export const executionInput = (
  experimentId: string,
  execution: WorkflowExecution | undefined,
): ExecutionInput =>
  execution?.resume === undefined || execution.generation === 0
    ? { experimentId }
    : {
        experimentId,
        generation: execution.generation,
        resume: execution.resume,
        ...(execution.seen === undefined ? {} : { cycle: { number: execution.seen } }),
      };

/**
 * The execution that drives the experiment. Experiments submitted before it was recorded were driven by
 * their first execution, whose name is the experiment's id.
 */
export const drivingExecution = (
  exp: Pick<Experiment, 'id' | 'createdAt' | 'execution'>,
  arnOf: (name: string) => string,
): WorkflowExecution =>
  exp.execution ?? { arn: arnOf(executionName(exp.id, 0)), generation: 0, startedAt: exp.createdAt };

/**
 * A task of an execution that no longer drives the experiment: it must end without acting. The workflow
 * catches this error by name into a quiet end (`Superseded`), never into RecordFailure.
 */
export class SupersededExecution extends Error {
  override name = 'SupersededExecution';
}

/**
 * Throws SupersededExecution unless `executionArn` drives the experiment. An execution started before the
 * tasks were given their ARN passes none; it is let act, as it did before.
 */
export const requireDriver = (exp: Experiment, executionArn: string | undefined): void => {
  if (executionArn === undefined) return;
  const driving = exp.execution ? exp.execution.arn === executionArn : nameOf(executionArn) === exp.id;
  if (!driving) {
    throw new SupersededExecution(
      `Execution ${nameOf(executionArn)} no longer drives experiment ${exp.id}; it ends without acting`,
    );
  }
};

/** Events that tell nothing about where the workflow stood. */
const BOOKKEEPING = new Set(['continued', 'failed', 'incidentReported']);

/**
 * Where a continuation of an experiment whose execution ended resumes, by its status; undefined for a
 * final one, which no workflow drives.
 *
 * - `assessing`: the assessment (it records its answer once, so running it again is safe);
 * - `escalated`: the wait for a decision, with what is left of the deadline;
 * - `authorised` or `testing`, just approved: the wait for a decision too, which finds the decision at
 *   once and goes on as the approval would have (the owner is told, testing starts), since the execution
 *   may have ended before it could; the owner's message is sent once (its dedupe key is the decision's);
 * - otherwise `authorised` or `testing`: the wait for the next cycle, until the next review date.
 *
 * `seen` is the cycles recorded so far: the workflow has taken in every one of them, since a cycle's
 * effects (status, card, escalation) are made by the request that records it.
 */
export const resumePointOf = (exp: Experiment): { resume: ResumePoint; seen?: number } | undefined => {
  if (isFinalStatus(exp.status)) return undefined;
  const cycles = exp.cycles.length;
  const inTest = cycles > 0 ? { seen: cycles } : {};
  switch (exp.status) {
    case 'assessing':
      return { resume: 'assess' };
    case 'escalated':
      return { resume: 'decision', ...inTest };
    default: {
      const last = exp.history.findLast((entry) => !BOOKKEEPING.has(entry.event));
      return last?.event === 'approved'
        ? { resume: 'decision', ...inTest }
        : { resume: 'cycle', seen: cycles };
    }
  }
};
