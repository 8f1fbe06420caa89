import type { ExperimentDeps } from '../experiments/deps.ts';
import { assessTask } from './assess.ts';
import { awaitCycleTask } from './await-cycle.ts';
import { awaitDecisionTask } from './await-decision.ts';
import { notifyManagersTask } from './notify-managers.ts';
import { notifyOwnerTask } from './notify-owner.ts';
import { raiseToLeadersTask } from './raise-to-leaders.ts';
import { recordFailureTask } from './record-failure.ts';
import { remindOwnerTask } from './remind-owner.ts';
import { resumeAssessmentsTask } from './resume-assessments.ts';

/**
 * What the experiment workflow does, one function per task, each called by one handler in
 * `functions/<task>/`. Each is idempotent, because Step Functions runs tasks at least once.
 */
export const workflowTasks = (deps: ExperimentDeps) => ({
  assess: assessTask(deps),
  notifyManagers: notifyManagersTask(deps),
  awaitDecision: awaitDecisionTask(deps),
  awaitCycle: awaitCycleTask(deps),
  remindOwner: remindOwnerTask(deps),
  raiseToLeaders: raiseToLeadersTask(deps),
  notifyOwner: notifyOwnerTask(deps),
  recordFailure: recordFailureTask(deps),
  resumeAssessments: resumeAssessmentsTask(deps),
});

export type WorkflowTasks = ReturnType<typeof workflowTasks>;
