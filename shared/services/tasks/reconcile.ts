import type { Experiment, WorkflowExecution } from '../../domain/experiment.ts';
import { SYSTEM_ACTOR } from '../../domain/roles.ts';
import { type Metrics, WORKFLOW_METRICS } from '../../metrics.ts';
import type { ActiveWorkflowsBackfill } from '../../store/active-workflows.ts';
import { drivingExecution, resumePointOf } from '../../workflow/continuation.ts';
import type { ExecutionState } from '../../workflow/port.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { historyEntry, load } from '../experiments/records.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';
import { type Continuation, continuationOf, takenOver } from './hand-over.ts';
import { owedWorkTask, withoutFailure } from './owed-work.ts';

/** Failed executions restarted in a row before reconciliation gives up and an operator is called. */
export const MAX_RESTARTS = 3;

/**
 * How long an execution named by a take-over (or the submission) may take to appear before
 * reconciliation starts it itself: the one that named it starts it within its request or task.
 */
export const START_GRACE_SECONDS = 60;

export interface ReconcileSummary {
  /** Experiments some workflow must still drive. */
  checked: number;
  /** Continued by a new execution. */
  resumed: number;
  /** Their named execution started, which the one that named it had not. */
  started: number;
  /** Left for a later round: a failure's backoff, or an execution that may still be starting. */
  waiting: number;
  /** Too many failed restarts: reconciliation stops, the experiment shows its failure, the alarm fires. */
  gaveUp: number;
  /** Serious incidents reported and adoptions told here, their execution having ended first (owed-work.ts). */
  owedDone: number;
}

type Outcome = 'running' | 'resumed' | 'started' | 'waiting' | 'gaveUp' | 'final';

interface ReconcileDeps extends ExperimentDeps {
  backfill: ActiveWorkflowsBackfill;
  /** The round's interval (RECONCILE_SECONDS; five minutes in AWS), also the unit of a failure's backoff. */
  intervalSeconds: number;
  metrics: Metrics;
}

/** An execution ended with a fault of its own (rather than stopped or timed out) counts towards giving up. */
const isFault = (state: ExecutionState) => state.status === 'FAILED' || state.status === 'SUCCEEDED';

/**
 * Reconciliation: every experiment that is not final must have a running execution that drives it. One
 * round reads the index of those experiments (gsi5, never a scan) and the running executions (one
 * ListExecutions page per thousand), so it describes only the few that are not running, and then for each:
 *
 * - an execution it names that does not exist yet (the submission or a take-over crashed before starting
 *   it) is started, once it is older than START_GRACE_SECONDS;
 * - an execution that ended (stopped, timed out, failed) is taken over by a new one at the point the
 *   status says (`resumePointOf`), by one conditional write, and started;
 * - a failed one is restarted at most MAX_RESTARTS times in a row, each after a backoff (one, two, four
 *   intervals); then reconciliation gives up on it: its failure stays on the experiment, and the round
 *   reports it (`gaveUp`) so the alarm fires.
 *
 * Then it does the work the workflow still owes where no execution is left to do it: a serious incident
 * not reported, an adoption not told (owed-work.ts; a partition of its own, read whole, never a scan).
 */
export const reconcileTask = (deps: ReconcileDeps) => {
  const secondsSince = (iso: string | undefined) =>
    iso === undefined ? Number.POSITIVE_INFINITY : (deps.now().getTime() - Date.parse(iso)) / 1000;

  /** Stop restarting: the failure stays visible (recorded by RecordFailure, or here if it could not). */
  const giveUp = (exp: Experiment, current: WorkflowExecution, state: ExecutionState): Experiment => {
    const at = deps.now().toISOString();
    const error = state.error ?? 'ExecutionFailed';
    return {
      ...exp,
      updatedAt: at,
      execution: { ...current, gaveUpAt: at },
      ...(exp.failure
        ? {}
        : {
            failure: { at, error, cause: (state.cause ?? '').slice(0, 1000) },
            history: [...exp.history, historyEntry(at, SYSTEM_ACTOR, 'failed', exp.status, error)],
          }),
    };
  };

  /** Decides for one experiment, with a consistent read; what to start is started after the write. */
  const decide = (id: string, graceSeconds: number) =>
    retryOnConflict(async (): Promise<{ outcome: Outcome; start?: Continuation }> => {
      const record = await load(deps.store, id);
      const exp = record.experiment;
      const point = resumePointOf(exp);
      if (!point || exp.execution?.gaveUpAt) return { outcome: 'final' };
      const current = drivingExecution(exp, deps.workflow.executionArn);
      const state = await deps.workflow.describeExecution(current.arn);
      if (state.status === 'RUNNING') return { outcome: 'running' };
      const pendingStart =
        state.status === 'MISSING' && (current.generation > 0 || exp.status === 'assessing');
      if (pendingStart) {
        if (secondsSince(current.startedAt) < graceSeconds) return { outcome: 'waiting' };
        return { outcome: 'started', start: continuationOf(exp, current) };
      }
      const restarts = current.restarts ?? 0;
      if (isFault(state)) {
        if (restarts >= MAX_RESTARTS) {
          await deps.store.save(giveUp(exp, current, state), record);
          return { outcome: 'gaveUp' };
        }
        if (secondsSince(state.stoppedAt) < deps.intervalSeconds * 2 ** restarts)
          return { outcome: 'waiting' };
      }
      const next = takenOver(
        deps,
        exp,
        current,
        { ...point, restarts: isFault(state) ? restarts + 1 : restarts },
        { as: state.status, at: deps.now().toISOString() },
      );
      // A restart tries again, so the failure it follows is no longer shown (its history entry stays).
      await deps.store.save(isFault(state) ? withoutFailure(next) : next, record);
      return { outcome: 'resumed', start: continuationOf(next, next.execution as WorkflowExecution) };
    });

  const reconcileOne = async (id: string, graceSeconds: number): Promise<Outcome> => {
    const { outcome, start } = await decide(id, graceSeconds);
    // Started only once the write that names it has won: the same name and input again is harmless.
    if (start) await deps.workflow.startExecution(start.name, start.input);
    return outcome;
  };

  const owedWork = owedWorkTask(deps);

  return async (opts: { graceSeconds?: number } = {}): Promise<ReconcileSummary> => {
    const graceSeconds = opts.graceSeconds ?? START_GRACE_SECONDS;
    await deps.backfill.backfill();
    const running = await deps.workflow.runningExecutions();
    const summary: ReconcileSummary = {
      checked: 0,
      resumed: 0,
      started: 0,
      waiting: 0,
      gaveUp: 0,
      owedDone: 0,
    };
    const errors: unknown[] = [];
    for await (const page of deps.store.each(deps.store.patterns.activeWorkflows(), { newestFirst: false })) {
      for (const exp of page) {
        summary.checked++;
        if (exp.execution?.gaveUpAt) continue;
        if (running.has(drivingExecution(exp, deps.workflow.executionArn).arn)) continue;
        try {
          const outcome = await reconcileOne(exp.id, graceSeconds);
          if (outcome !== 'running' && outcome !== 'final') summary[outcome]++;
        } catch (error) {
          // One experiment's trouble must not hold up the others; the round still fails, to be seen.
          errors.push(error);
        }
      }
    }
    // After the experiments: a continuation started above does its experiment's owed work itself.
    try {
      summary.owedDone = (await owedWork(running, graceSeconds)).done;
    } catch (error) {
      errors.push(error);
    }
    // The alarm on giving up is the operators' signal (docs/operations.md, "workflow-given-up").
    deps.metrics.count({
      [WORKFLOW_METRICS.resumed]: summary.resumed + summary.started,
      [WORKFLOW_METRICS.gaveUp]: summary.gaveUp,
    });
    if (errors.length > 0) {
      throw new AggregateError(errors, `Reconciliation failed for ${errors.length} experiments`);
    }
    return summary;
  };
};
