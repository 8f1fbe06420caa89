import { escalatedToManagers } from '../../notifications/messages.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { load } from '../experiments/records.ts';

/**
 * Task "NotifyManagers": tells the team's managers an idea is waiting for them, while it is. A workflow
 * that resumes at the wait for a decision comes through here too: the message is sent once per
 * escalation (its dedupe key), and not at all if a decision came first.
 */
export const notifyManagersTask =
  (deps: ExperimentDeps) =>
  async (id: string, executionArn?: string): Promise<void> => {
    const { experiment } = await load(deps.store, id);
    requireDriver(experiment, executionArn);
    if (experiment.status !== 'escalated') return;
    await deps.notifier.send(escalatedToManagers(experiment, deps.publicUrl));
  };
