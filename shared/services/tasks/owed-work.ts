import { type Experiment, unreportedIncidents } from '../../domain/experiment.ts';
import { isFinalStatus } from '../../domain/status.ts';
import type { OwedWork } from '../../store/owed-work.ts';
import { drivingExecution } from '../../workflow/continuation.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';
import { sendAdoptionNotice } from './notify-adoption.ts';
import { seriousIncidentTask } from './serious-incident.ts';

/** The experiment without its visible failure; the `failed` entry in its history stays. */
export const withoutFailure = ({ failure: _failure, ...exp }: Experiment): Experiment => exp;

/**
 * How long one round holds a piece of work while it does it: well over the function's timeout, so a round
 * that died holding it lets a later round try again.
 */
const CLAIM_SECONDS = 120;

/** What one round did with the work the workflow owed. */
export interface OwedWorkSummary {
  /** Done here: a serious incident reported, or an adoption's notice sent (or nothing left to do it for). */
  done: number;
  /** Left to the execution that drives the experiment (running or about to start), or to another round. */
  left: number;
}

/**
 * The work still owed (shared/store/owed-work.ts) that no execution is left to do: a serious incident not
 * reported, an adoption not told, because the execution ended (stopped, timed out, failed, superseded)
 * between the cycle and its task. For an open experiment the continuation reconciliation starts does it
 * (task "Resume"); a closed one is never driven again, so it is done here. An experiment whose driving
 * execution runs, or was named less than `graceSeconds` ago and may still be starting, is left to it.
 * Two rounds at once take turns by a claim on the item; doing the work again after it was done is
 * harmless all the same (reports and notices are idempotent).
 * A closed experiment's visible failure can only come from that work's task failing for good, so once
 * all its work is done the failure goes, as it does when reconciliation restarts an open one.
 */
export const owedWorkTask =
  (deps: ExperimentDeps) =>
  async (running: ReadonlySet<string>, graceSeconds: number): Promise<OwedWorkSummary> => {
    const summary: OwedWorkSummary = { done: 0, left: 0 };
    const errors: unknown[] = [];
    const driven = async (arn: string, startedAt: string): Promise<boolean> => {
      if (running.has(arn)) return true;
      const state = await deps.workflow.describeExecution(arn);
      if (state.status === 'RUNNING') return true;
      const age = (deps.now().getTime() - Date.parse(startedAt)) / 1000;
      return state.status === 'MISSING' && age < graceSeconds;
    };
    const settle = async (work: OwedWork): Promise<'done' | 'left'> => {
      const record = await deps.store.get(work.experimentId);
      if (!record) {
        await deps.store.settleOwedWork(work);
        return 'done';
      }
      const exp = record.experiment;
      const driver = drivingExecution(exp, deps.workflow.executionArn);
      if (!driver.gaveUpAt && (await driven(driver.arn, driver.startedAt))) return 'left';
      const now = deps.now();
      const until = new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString();
      // Another round at the same moment does it (or has just done it).
      if (!(await deps.store.claimOwedWork(work, now.toISOString(), until))) return 'left';
      const owesReport =
        work.kind === 'incident' && unreportedIncidents(exp).some((c) => c.number === work.cycle);
      // The report notes the incident, and that same write settles the work; anything else settles here.
      if (owesReport) await seriousIncidentTask(deps)(exp.id, work.cycle);
      else if (!(work.kind === 'adoption' && (await sendAdoptionNotice(deps, exp))))
        await deps.store.settleOwedWork(work);
      return 'done';
    };
    const clearFailure = (id: string) =>
      retryOnConflict(async () => {
        const record = await deps.store.get(id);
        const exp = record?.experiment;
        if (!record || !exp?.failure || !isFinalStatus(exp.status)) return;
        await deps.store.save({ ...withoutFailure(exp), updatedAt: deps.now().toISOString() }, record);
      });
    const byExperiment = Map.groupBy(await deps.store.owedWork(), (work) => work.experimentId);
    for (const [id, works] of byExperiment) {
      try {
        let allDone = true;
        for (const work of works) {
          const outcome = await settle(work);
          summary[outcome]++;
          allDone &&= outcome === 'done';
        }
        if (allDone) await clearFailure(id);
      } catch (error) {
        // One experiment's trouble (Notify down) must not hold up the others; the round still fails.
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, `Owed work failed for ${errors.length} items`);
    return summary;
  };
