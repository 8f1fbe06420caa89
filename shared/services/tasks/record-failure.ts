import type { Experiment } from '../../domain/experiment.ts';
import { SYSTEM_ACTOR } from '../../domain/roles.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { historyEntry, load } from '../experiments/records.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';

/**
 * Task "RecordFailure": a step failed for good; record it on the experiment so people see it, not a silent
 * stall. Reconciliation then restarts the workflow a few times (reconcile.ts) before it gives up.
 */
export const recordFailureTask =
  (deps: ExperimentDeps) =>
  async (
    id: string,
    failure: { Error?: string | undefined; Cause?: string | undefined },
    executionArn?: string,
  ): Promise<void> => {
    await retryOnConflict(async () => {
      const record = await load(deps.store, id);
      const exp = record.experiment;
      requireDriver(exp, executionArn);
      const at = deps.now().toISOString();
      const error = failure.Error ?? 'States.TaskFailed';
      const next: Experiment = {
        ...exp,
        updatedAt: at,
        failure: { at, error, cause: String(failure.Cause ?? '').slice(0, 1000) },
        history: [...exp.history, historyEntry(at, SYSTEM_ACTOR, 'failed', exp.status, error)],
      };
      await deps.store.save(next, record);
    });
  };
