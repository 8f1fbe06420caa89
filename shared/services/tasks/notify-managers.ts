import { escalatedToCoverManager, escalatedToManagers } from '../../notifications/messages.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { load } from '../experiments/records.ts';

/**
 * Task "NotifyManagers": tells the team's managers an idea went outside the card. A workflow that resumes
 * at the wait for a decision comes through here too: the message is sent once per escalation (its dedupe
 * key), whether or not a decision came before it, so every escalation is told exactly once, to the
 * team's managers and to any manager covering the team at that moment.
 */
export const notifyManagersTask =
  (deps: ExperimentDeps) =>
  async (id: string, executionArn?: string): Promise<void> => {
    const { experiment } = await load(deps.store, id);
    requireDriver(experiment, executionArn);
    await deps.notifier.send(escalatedToManagers(experiment, deps.publicUrl));
    // Managers covering the team now hear of it too: their queue shows the case while cover runs.
    for (const coverManager of await deps.cover.coverManagersOf(experiment.team)) {
      if (coverManager.userId === experiment.owner) continue;
      await deps.notifier.send(escalatedToCoverManager(experiment, coverManager, deps.publicUrl));
    }
  };
