import type { Experiment } from '../../domain/experiment.ts';
import { adoptedToManagers } from '../../notifications/messages.ts';
import { adoptionOwed } from '../../store/owed-work.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { load } from '../experiments/records.ts';

/**
 * Tells the team's managers the experiment is recommended as normal practice, then settles the notice the
 * adoption owed (shared/store/owed-work.ts). Safe to run again, by the workflow or by reconciliation: the
 * message's dedupe key (one per experiment: adopting is final) sends it once.
 */
export const sendAdoptionNotice = async (deps: ExperimentDeps, experiment: Experiment): Promise<boolean> => {
  if (experiment.status !== 'adopted') return false;
  await deps.notifier.send(adoptedToManagers(experiment, deps.publicUrl));
  await deps.store.settleOwedWork(adoptionOwed(experiment));
  return true;
};

/**
 * Task "NotifyAdoption", after the cycle that recommends making an idea normal practice: tells the team's
 * managers, who decide whether the service changes (issue 19). A workflow task like every other message,
 * so a Notify failure after the cycle was saved is retried rather than lost or answered as a 500. Should
 * the execution end first, reconciliation sends what the adoption still owes.
 */
export const notifyAdoptionTask =
  (deps: ExperimentDeps) =>
  async (id: string, executionArn?: string): Promise<{ notified: boolean }> => {
    const { experiment } = await load(deps.store, id);
    requireDriver(experiment, executionArn);
    return { notified: await sendAdoptionNotice(deps, experiment) };
  };
