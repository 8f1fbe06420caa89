/**
 * What the state machine reads from the workflow's Lambda tasks and task tokens (see the state data in
 * workflows/experiment-workflow.ts). Deadlines are policy data, so the tasks compute them.
 */
import type { Cycle, DecisionRecord, Experiment } from '../domain/experiment.ts';

/**
 * A task-token wait: its timeout, and a heartbeat just inside it (see `waitTimes`). `endsBy` says what
 * its timeout means: the deadline (raise to leaders, remind the owner), or the end of the execution's age
 * budget (hand over to a new execution).
 */
export interface WaitTimes {
  timeoutSeconds: number;
  heartbeatSeconds: number;
  endsBy: 'deadline' | 'handOver';
}

/** The waits ahead of an experiment: a manager's deadline, and the time to its review date. */
export interface Timers {
  decision: WaitTimes;
  review: WaitTimes;
}

/** Workflow payload answering a decision task token. */
export interface DecisionOutput {
  outcome: DecisionRecord['outcome'];
}

/** Workflow payload answering a cycle task token. */
export interface CycleOutput {
  number: number;
  next: Cycle['next'];
  escalated: boolean;
  /** The cycle recorded a serious incident: the workflow tells people and takes back the team's own limits. */
  seriousIncident: boolean;
  timers: Timers;
}

export type TokenOutput = DecisionOutput | CycleOutput;

/**
 * The wait a workflow is parked in: a manager's decision on one escalation (named by its `escalatedAt`),
 * or the owner's next cycle (named by how many cycles the workflow has already seen). A token is only
 * ever answered by the change it waits for, so a token left from an earlier wait is never misused.
 */
export type WaitFor = { kind: 'decision'; escalatedAt: string } | { kind: 'cycle'; seen: number };

export const decisionOutput = (exp: Experiment): DecisionOutput | undefined =>
  exp.decision ? { outcome: exp.decision.outcome } : undefined;

export const cycleOutput = (cycle: Cycle, timers: Timers): CycleOutput => ({
  number: cycle.number,
  next: cycle.next,
  escalated: cycle.assessment?.decision === 'escalated',
  seriousIncident: cycle.incident === 'serious',
  timers,
});
