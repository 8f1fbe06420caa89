import type { Experiment } from '../../domain/experiment.ts';
import { SYSTEM_ACTOR } from '../../domain/roles.ts';
import { raisedToLeaders } from '../../notifications/messages.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import type { Timers } from '../../workflow/payloads.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { historyEntry, load, policyOf } from '../experiments/records.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';

/** Task "RaiseToLeaders": the deadline passed; the case stays escalated and joins the leaders' queue. Never a decision. */
export const raiseToLeadersTask =
  (deps: ExperimentDeps) =>
  async (id: string, executionArn?: string): Promise<{ timers: Timers }> => {
    const raised = await retryOnConflict(async () => {
      const record = await load(deps.store, id);
      const exp = record.experiment;
      requireDriver(exp, executionArn);
      const policy = await policyOf(deps.policies, exp);
      if (exp.status !== 'escalated') return { timers: deps.timers.timersFor(exp, policy), exp: undefined };
      const at = deps.now().toISOString();
      const entry = historyEntry(at, SYSTEM_ACTOR, 'raisedToLeaders', 'escalated');
      const next: Experiment = {
        ...exp,
        raisedToLeaders: true,
        deadlineAt: deps.timers.deadlineAt(at, policy),
        updatedAt: at,
        history: exp.raisedToLeaders ? exp.history : [...exp.history, entry],
      };
      // The timed-out token is dead: a decision sent to it meanwhile is refused, and the next wait finds it.
      await deps.store.save(next, record);
      // The next wait runs to the new deadline.
      return { timers: deps.timers.timersFor(next, policy), exp: next };
    });
    if (raised.exp) await deps.notifier.send(raisedToLeaders(raised.exp, deps.publicUrl));
    return { timers: raised.timers };
  };
