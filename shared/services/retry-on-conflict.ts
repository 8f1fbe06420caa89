import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError } from '../errors.ts';
import { AuditHeadBusy } from '../store/audit-store.ts';
import { VersionConflict } from '../store/experiment-store.ts';

/** The 409 of a change that could not take its turn on the audit trail: nothing was written. */
export const auditBusy = () =>
  new ConflictError('Too many changes are being recorded at this moment. Wait a few seconds and try again.');

/**
 * Re-runs a read-decide-write step when another writer got there first. The step re-reads, so a
 * decision that lost the race sees the new status and refuses with 409 instead of overwriting.
 */
export const retryOnConflict = async <T>(step: () => Promise<T>, attempts = 8): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (error instanceof AuditHeadBusy) throw auditBusy();
      if (!(error instanceof VersionConflict) || attempt >= attempts) throw error;
      await sleep(Math.random() * 10 * attempt);
    }
  }
};
