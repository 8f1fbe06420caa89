import type { Metrics } from '../../metrics.ts';
import type { ActiveWorkflowsBackfill } from '../../store/active-workflows.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { assessTask } from './assess.ts';
import { awaitCycleTask } from './await-cycle.ts';
import { awaitDecisionTask } from './await-decision.ts';
import { handOverTask } from './hand-over.ts';
import { notifyAdoptionTask } from './notify-adoption.ts';
import { notifyManagersTask } from './notify-managers.ts';
import { notifyOwnerTask } from './notify-owner.ts';
import { raiseToLeadersTask } from './raise-to-leaders.ts';
import { reconcileTask } from './reconcile.ts';
import { recordFailureTask } from './record-failure.ts';
import { remindOwnerTask } from './remind-owner.ts';
import { resumeTask } from './resume.ts';
import { seriousIncidentTask } from './serious-incident.ts';

/**
 * What the experiment workflow does, one function per task, each called by one handler in
 * `functions/<task>/`, and reconciliation, which keeps a workflow driving every experiment that is not
 * final. Each is idempotent, because Step Functions runs tasks at least once.
 */
export const workflowTasks = (
  deps: ExperimentDeps,
  reconciliation: { backfill: ActiveWorkflowsBackfill; intervalSeconds: number; metrics: Metrics },
) => ({
  assess: assessTask(deps),
  notifyManagers: notifyManagersTask(deps),
  awaitDecision: awaitDecisionTask(deps),
  awaitCycle: awaitCycleTask(deps),
  remindOwner: remindOwnerTask(deps),
  raiseToLeaders: raiseToLeadersTask(deps),
  notifyOwner: notifyOwnerTask(deps),
  recordFailure: recordFailureTask(deps),
  resume: resumeTask(deps),
  handOver: handOverTask(deps),
  seriousIncident: seriousIncidentTask(deps),
  notifyAdoption: notifyAdoptionTask(deps),
  reconcile: reconcileTask({ ...deps, ...reconciliation }),
});

export type WorkflowTasks = ReturnType<typeof workflowTasks>;
