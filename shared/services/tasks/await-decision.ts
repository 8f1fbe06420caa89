import { NotFoundError } from '../../errors.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import { decisionOutput } from '../../workflow/payloads.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { load } from '../experiments/records.ts';

/**
 * Task "WaitForDecision" (task token): parks the token for the experiment's current escalation; if the
 * decision is already in (before or while the token was parked), answers it at once. The race with the
 * decision itself is settled by the rule in shared/workflow/task-tokens.ts.
 */
export const awaitDecisionTask =
  (deps: ExperimentDeps) =>
  async (id: string, taskToken: string, executionArn?: string): Promise<void> => {
    let record = await load(deps.store, id);
    requireDriver(record.experiment, executionArn);
    const generation = record.experiment.execution?.generation ?? 0;
    while (record.experiment.status === 'escalated') {
      const escalatedAt = record.experiment.escalatedAt ?? '';
      const after = await deps.tokens.park(id, taskToken, { kind: 'decision', escalatedAt }, generation);
      if (!after) throw new NotFoundError();
      // Still waiting for this escalation's decision: whoever decides it reads the token afterwards.
      if (after.experiment.status === 'escalated' && (after.experiment.escalatedAt ?? '') === escalatedAt)
        return;
      record = after;
    }
    const output = decisionOutput(record.experiment);
    if (!output)
      throw new Error(`Experiment ${id} is ${record.experiment.status} with no decision to report`);
    await deps.tokens.answerOwn(taskToken, output);
  };
