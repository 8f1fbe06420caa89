import { isPersonId } from '../../domain/stored-experiment.ts';
import { decisionToOwner } from '../../notifications/messages.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import { type DecisionOutput, decisionOutput, type Timers } from '../../workflow/payloads.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { load, policyOf } from '../experiments/records.ts';

/** Task "NotifyOwner": tells the owner what was decided, and hands the workflow the outcome and its timers. */
export const notifyOwnerTask =
  (deps: ExperimentDeps) =>
  async (id: string, executionArn?: string): Promise<DecisionOutput & { timers: Timers }> => {
    const { experiment: exp } = await load(deps.store, id);
    requireDriver(exp, executionArn);
    const output = decisionOutput(exp);
    const { decision } = exp;
    if (!decision || !output) throw new Error(`Experiment ${id} has no decision to tell its owner about`);
    // An owner erased by information governance has nobody left to tell.
    if (isPersonId(exp.owner))
      await deps.notifier.send(decisionToOwner({ ...exp, decision }, deps.publicUrl));
    return { ...output, timers: deps.timers.timersFor(exp, await policyOf(deps.policies, exp)) };
  };
