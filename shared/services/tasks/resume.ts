import { requireDriver } from '../../workflow/continuation.ts';
import type { Timers } from '../../workflow/payloads.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { load, policyOf } from '../experiments/records.ts';
import { reportMissedIncidents } from './serious-incident.ts';

/**
 * Task "Resume", the first of an execution that continues an earlier one (a hand-over or a
 * reconciliation): it checks this execution drives the experiment, and gives the wait it resumes at its
 * timers from the experiment as it is now: what is left of a manager's deadline (none left: it raises at
 * once), or the time to the next review date. The wait itself then finds any decision or cycle that came
 * while no execution was waiting (the token rule, shared/workflow/task-tokens.ts). A serious incident the
 * replaced execution had not reported yet (it ended between the cycle and its SeriousIncident task) is
 * reported here first: the continuation resumes after that cycle, so its own SeriousIncident never runs.
 */
export const resumeTask =
  (deps: ExperimentDeps) =>
  async (id: string, executionArn?: string): Promise<{ timers: Timers }> => {
    const { experiment: exp } = await load(deps.store, id);
    requireDriver(exp, executionArn);
    await reportMissedIncidents(deps, exp);
    return { timers: deps.timers.timersFor(exp, await policyOf(deps.policies, exp)) };
  };
