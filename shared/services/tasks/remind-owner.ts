import type { Experiment } from '../../domain/experiment.ts';
import { SYSTEM_ACTOR } from '../../domain/roles.ts';
import { isPersonId } from '../../domain/stored-experiment.ts';
import { reviewReminderToOwner } from '../../notifications/messages.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import type { Timers } from '../../workflow/payloads.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { historyEntry, load, policyOf } from '../experiments/records.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';

/** Task "RemindOwner": the review date passed with no cycle recorded; remind the owner, the test goes on. */
export const remindOwnerTask =
  (deps: ExperimentDeps) =>
  async (id: string, executionArn?: string): Promise<{ timers: Timers }> => {
    const { exp, count } = await retryOnConflict(async () => {
      const record = await load(deps.store, id);
      const current = record.experiment;
      requireDriver(current, executionArn);
      const at = deps.now().toISOString();
      const next: Experiment = {
        ...current,
        updatedAt: at,
        history: [...current.history, historyEntry(at, SYSTEM_ACTOR, 'reminded', current.status)],
      };
      await deps.store.save(next, record);
      return { exp: next, count: next.history.filter((h) => h.event === 'reminded').length };
    });
    // An owner erased by information governance has nobody left to remind.
    if (isPersonId(exp.owner)) await deps.notifier.send(reviewReminderToOwner(exp, count, deps.publicUrl));
    const policy = await policyOf(deps.policies, exp);
    return { timers: deps.timers.timersFor(exp, policy, deps.timers.reminderSeconds) };
  };
