import { escalatedToManagers } from '../../notifications/messages.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { load } from '../experiments/records.ts';

/** Task "NotifyManagers": tells the team's managers an idea is waiting for them. */
export const notifyManagersTask =
  (deps: ExperimentDeps) =>
  async (id: string): Promise<void> => {
    const { experiment } = await load(deps.store, id);
    await deps.notifier.send(escalatedToManagers(experiment, deps.publicUrl));
  };
