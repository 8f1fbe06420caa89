import { setTimeout as sleep } from 'node:timers/promises';
import { VersionConflict } from '../store/experiment-store.ts';

/**
 * Re-runs a read-decide-write step when another writer got there first. The step re-reads, so a
 * decision that lost the race sees the new status and refuses with 409 instead of overwriting.
 */
export const retryOnConflict = async <T>(step: () => Promise<T>, attempts = 8): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= attempts) throw error;
      await sleep(Math.random() * 10 * attempt);
    }
  }
};
