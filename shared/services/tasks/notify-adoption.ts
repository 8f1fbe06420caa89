import { adoptedToManagers } from '../../notifications/messages.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { load } from '../experiments/records.ts';

/**
 * Task "NotifyAdoption", after the cycle that recommends making an idea normal practice: tells the team's
 * managers, who decide whether the service changes (issue 19). A workflow task like every other message,
 * so a Notify failure after the cycle was saved is retried rather than lost or answered as a 500; the
 * message's dedupe key (one per experiment: adopting is final) keeps a retry from sending it twice.
 */
export const notifyAdoptionTask =
  (deps: ExperimentDeps) =>
  async (id: string, executionArn?: string): Promise<{ notified: boolean }> => {
    const { experiment } = await load(deps.store, id);
    requireDriver(experiment, executionArn);
    if (experiment.status !== 'adopted') return { notified: false };
    await deps.notifier.send(adoptedToManagers(experiment, deps.publicUrl));
    return { notified: true };
  };
