/** What the service keeps in DynamoDB: one item per execution, per waiting task and per state machine. */

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** A failed or timed-out callback, or a callback result, replayed through the engine at the task state. */
export type Replay =
  | { kind: 'success'; output: string }
  | { kind: 'failure'; error: string; cause: string }
  | { kind: 'timeout'; error: 'States.Timeout' | 'States.HeartbeatTimeout'; cause: string };

/** Where a run segment starts: enough to run it again after a crash. */
export interface Checkpoint {
  /** The segment's task token, also its identity. */
  token: string;
  state: string;
  /** JSON text of the state's raw input. */
  input: string;
  replay?: Replay;
  /** Retry attempts already spent on `state` (replays only). */
  attempts?: number[];
}

export interface ExecutionRecord {
  executionArn: string;
  smName: string;
  execName: string;
  status: ExecutionStatus;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: number;
  stopDate?: number;
  seg: Checkpoint;
  /** Set when the current segment ended waiting for its token. */
  parkedToken?: string;
}

export interface WaitingRecord {
  token: string;
  executionArn: string;
  stateName: string;
  resource: string;
  /** JSON text of the state's raw input. */
  rawInput: string;
  attempts: number[];
  timeoutAt?: number;
  heartbeatAt?: number;
  heartbeatSeconds?: number;
  /** The execution's own deadline, when its definition sets TimeoutSeconds. */
  executionDeadlineAt?: number;
  dueAt?: number;
}

export interface ExecutionSummary {
  executionArn: string;
  smName: string;
  execName: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
}

export type SegmentEnd =
  | { status: 'SUCCEEDED'; output: string }
  | { status: 'FAILED' | 'TIMED_OUT'; error: string; cause: string }
  | { status: 'PARKED' };

export type ClaimResult = 'claimed' | 'gone';
