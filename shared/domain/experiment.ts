/**
 * The experiment as stored and as returned by the API: its types, and the names of the test card's fields.
 */
import type { AllowanceReason, AssessmentWithAllowance } from './allowance.ts';
import type { Reason } from './assess.ts';
import type { Card, CardAnswers } from './card.ts';
import type { Status } from './status.ts';

/** The test card's four sentences, in the order the form asks them. */
export const HYPOTHESIS_FIELDS = ['weBelieve', 'toTestIt', 'measure', 'rightIf'] as const;

export type Hypothesis = { [F in (typeof HYPOTHESIS_FIELDS)[number]]: string };

/** The card's assessment, with the innovation allowance's reason after the card's rows when it has one. */
export type AssessmentRecord = AssessmentWithAllowance & { assessedAt: string };

/** What an idea has to do with its team's innovation allowance (version 2). */
export interface AllowanceUse {
  /** Pounds this idea has drawn, over all its draws: what was drawn stays drawn. */
  drawn: number;
  /** The highest `extraCost` authorised for it so far, by the card or a manager: an `adapt` draws only above it. */
  covered: number;
}

export interface Authorisation {
  /** "card", or the id of the manager or leader who approved it. */
  by: string;
  byName?: string;
  at: string;
  conditions?: string;
}

export interface DecisionRecord {
  outcome: 'approve' | 'decline';
  by: string;
  byName: string;
  at: string;
  reason?: string;
  conditions?: string;
}

export type CycleResult = 'worked' | 'didNotWork' | 'unclear';
export type CycleNext = 'adapt' | 'adopt' | 'abandon';
/** "Did anything go wrong for anyone taking part?" (version 2), in the order the form asks it. */
export const INCIDENTS = ['none', 'minor', 'serious'] as const;
export type Incident = (typeof INCIDENTS)[number];

export interface Cycle {
  number: number;
  result: CycleResult;
  observed: string;
  learned: string;
  next: CycleNext;
  changes?: Partial<CardAnswers>;
  /** Present when `changes` were assessed again against the experiment's policy version. */
  assessment?: AssessmentRecord;
  recordedAt: string;
  recordedBy: string;
  /** Absent on cycles recorded before version 2: "not recorded", never `none`. */
  incident?: Incident;
  /** What went wrong, when `incident` is not `none`. */
  incidentDetail?: string;
}

export type HistoryEvent =
  | 'submitted'
  | 'authorised'
  | 'escalated'
  | 'raisedToLeaders'
  | 'approved'
  | 'declined'
  | 'cycleRecorded'
  | 'reminded'
  | 'failed'
  /** Another workflow execution took over: a yearly hand-over, or reconciliation of a stopped one. */
  | 'continued'
  /** Information governance removed one field's text; the entry names the field, never the text. */
  | 'redacted'
  /** A cycle's serious incident was told to managers and leaders, and the team's own limits taken back. */
  | 'incidentReported';

/** A reason as history keeps it: its codes, worded by whoever reads it (the pages, in their language). */
export type ReasonCodes = Omit<Reason, 'message'> | Omit<AllowanceReason, 'message'>;

export interface HistoryEntry {
  at: string;
  /** A user id, or "card" for the workflow (SYSTEM_ACTOR in roles.ts). */
  by: string;
  byName: string;
  event: HistoryEvent;
  /** The status after this entry. */
  status: Status;
  /**
   * Words a person wrote (a manager's reason or conditions), or a workflow failure's error. Entries the
   * service writes itself hold codes instead (`cycle`, `reasons`), so each page words them in its own
   * language; entries written before that may still hold English here.
   */
  detail?: string;
  /** The test the entry is about: a cycle recorded, or the escalation its changes caused. */
  cycle?: number;
  /** An escalation's reasons, as codes. */
  reasons?: ReasonCodes[];
  /** The team whose manager this decider stood in for (manager cover). */
  asCoverFor?: string;
  /** The field whose text information governance removed (a redaction's path); `detail` is their reason. */
  field?: string;
}

/** Where a workflow execution that continues an earlier one starts (see shared/workflow/continuation.ts). */
export type ResumePoint = 'assess' | 'decision' | 'cycle';

/** How an execution ended once another took over: handed over by itself, or found ended by reconciliation. */
export type ExecutionEnd = 'HANDED_OVER' | 'ABORTED' | 'TIMED_OUT' | 'FAILED' | 'SUCCEEDED' | 'MISSING';

/** One Step Functions execution of the experiment's workflow. */
export interface WorkflowExecution {
  /** Its ARN, to follow it with the AWS CLI (`aws stepfunctions describe-execution --execution-arn`). */
  arn: string;
  /** 0 for the execution the submission started, one more for each that continued it. */
  generation: number;
  startedAt: string;
  /** Where it resumed; absent on the first, which starts with the assessment. */
  resume?: ResumePoint;
  /** The cycles the workflow had taken in when it resumed. */
  seen?: number;
  /** Restarts after failed executions, in a row: reconciliation gives up after a few. */
  restarts?: number;
  /** Set when reconciliation stopped restarting it; an operator decides what happens next. */
  gaveUpAt?: string;
  /** On earlier executions: how and when it ended. */
  ended?: { as: ExecutionEnd; at: string };
}

export interface Experiment {
  id: string;
  title: string;
  problem: string;
  hypothesis: Hypothesis;
  card: Card;
  team: string;
  owner: string;
  ownerName: string;
  createdAt: string;
  updatedAt: string;
  status: Status;
  policyVersion: number;
  assessment?: AssessmentRecord;
  authorisation?: Authorisation;
  decision?: DecisionRecord;
  /** When the current escalation started; the manager's deadline runs from here. */
  escalatedAt?: string;
  deadlineAt?: string;
  /** The review date: `durationWeeks` after authorisation. */
  reviewBy?: string;
  raisedToLeaders: boolean;
  /** Managers may see an experiment of their team only if it was ever escalated. */
  everEscalated: boolean;
  cycles: Cycle[];
  history: HistoryEntry[];
  closedAt?: string;
  /** A workflow step that failed for good: visible, never a silent stall. */
  failure?: { at: string; error: string; cause: string };
  /** The workflow execution that drives the experiment now (absent on experiments older than the field). */
  execution?: WorkflowExecution;
  /** Every execution that drove it before, oldest first. */
  previousExecutions?: WorkflowExecution[];
  /** Present once the card drew from its team's innovation allowance (version 2). */
  allowance?: AllowanceUse;
  /** Set when the experiment reaches a final status: when retention anonymises it. */
  retainUntil?: string;
  /** True once anonymised (never undone); see `StoredExperiment` for the fields that become null. */
  anonymised?: boolean;
  anonymisedAt?: string;
}

/**
 * The serious incidents of an experiment that no workflow execution has reported yet (told people and
 * taken back the team's own limits), oldest first: each has a cycle, and no `incidentReported` entry for
 * that cycle. An execution that takes over reports them, as the one it replaced may have ended first.
 */
export const unreportedIncidents = <C extends Pick<Cycle, 'number' | 'incident'>>(exp: {
  cycles: readonly C[];
  history: readonly Pick<HistoryEntry, 'event' | 'cycle'>[];
}): C[] => {
  const reported = new Set(exp.history.filter((h) => h.event === 'incidentReported').map((h) => h.cycle));
  return exp.cycles.filter((cycle) => cycle.incident === 'serious' && !reported.has(cycle.number));
};
