import type { Experiment, ResumePoint, WorkflowExecution } from '../../domain/experiment.ts';
import { SYSTEM_ACTOR } from '../../domain/roles.ts';
import {
  drivingExecution,
  type ExecutionInput,
  executionInput,
  executionName,
  requireDriver,
} from '../../workflow/continuation.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { historyEntry, load } from '../experiments/records.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';

/** The execution a hand-over or a reconciliation starts: its name, and the input that goes with it. */
export interface Continuation {
  name: string;
  input: ExecutionInput;
}

/** The continuation the experiment now names as its driver. */
export const continuationOf = (exp: Experiment, execution: WorkflowExecution): Continuation => ({
  name: executionName(exp.id, execution.generation),
  input: executionInput(exp.id, execution),
});

/**
 * The experiment taken over by the execution after `current`: it drives from now on, `current` joins the
 * earlier ones with how it ended, and the history says so. Saved with the experiment's optimistic lock,
 * this is the one write that decides which of two continuations drives.
 */
export const takenOver = (
  deps: Pick<ExperimentDeps, 'workflow'>,
  exp: Experiment,
  current: WorkflowExecution,
  next: Omit<WorkflowExecution, 'arn' | 'generation' | 'startedAt'>,
  ended: NonNullable<WorkflowExecution['ended']>,
): Experiment => {
  const generation = current.generation + 1;
  const execution: WorkflowExecution = {
    arn: deps.workflow.executionArn(executionName(exp.id, generation)),
    generation,
    startedAt: ended.at,
    ...next,
  };
  const { gaveUpAt: _gaveUp, ...previous } = current;
  return {
    ...exp,
    execution,
    previousExecutions: [...(exp.previousExecutions ?? []), { ...previous, ended }],
    updatedAt: ended.at,
    history: [...exp.history, historyEntry(ended.at, SYSTEM_ACTOR, 'continued', exp.status)],
  };
};

/**
 * Task "HandOverDecision" / "HandOverCycle": the driving execution's age budget ran out while it waited,
 * so it names its successor (the next generation, resuming at the same wait; for a cycle, with the cycles
 * it had taken in) and returns the name and input the workflow's `StartContinuation` starts it with. Run
 * again after its write (tasks run at least once), it returns the same continuation.
 */
export const handOverTask =
  (deps: ExperimentDeps) =>
  (id: string, executionArn: string, resume: Exclude<ResumePoint, 'assess'>, seen?: number) =>
    retryOnConflict(async (): Promise<Continuation> => {
      const record = await load(deps.store, id);
      const exp = record.experiment;
      const previous = exp.previousExecutions?.at(-1);
      if (exp.execution && previous?.arn === executionArn && previous.ended?.as === 'HANDED_OVER') {
        return continuationOf(exp, exp.execution);
      }
      requireDriver(exp, executionArn);
      const current = drivingExecution(exp, deps.workflow.executionArn);
      // A decision is awaited between cycles, never during one: the cycles so far are the ones taken in.
      const cycles = resume === 'cycle' ? (seen ?? exp.cycles.length) : exp.cycles.length;
      const next = takenOver(
        deps,
        exp,
        current,
        { resume, ...(resume === 'cycle' || cycles > 0 ? { seen: cycles } : {}), restarts: 0 },
        { as: 'HANDED_OVER', at: deps.now().toISOString() },
      );
      await deps.store.save(next, record);
      return continuationOf(next, next.execution as WorkflowExecution);
    });
