import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { type AslDefinition, statesOf, type TaskStateInfo } from './definition.ts';
import type { EngineEvent } from './engine.ts';
import { dataDetails, type HistoryEvent, historyEvent, jsonText, taskResource } from './history.ts';
import type { Checkpoint, ExecutionRecord } from './store/records.ts';

/** One engine run: from a checkpoint to the end of the execution or to a task that waits for its token. */
export interface Segment {
  execution: ExecutionRecord;
  checkpoint: Checkpoint;
  definition: StateMachineDefinition;
  events: HistoryEvent[];
  /** JSON text of the latest raw input of each state entered. */
  rawInputs: Map<string, string>;
  /** Retry attempts spent in the current visit of each state. */
  attempts: Map<string, number[]>;
  replayPending: boolean;
  skipFirstEntered: boolean;
  /** Task failures already in `events`, whose StateFailed echo from the engine must not be recorded again. */
  recordedFailures: number;
  invocations: Map<string, { abandoned: boolean }>;
  failure?: { error: string; cause: string };
  parked: boolean;
  killed: boolean;
  abort: () => void;
  /** Why the execution times out if this segment runs past its deadline (see deadlines.ts). */
  timeoutCause: string;
}

export const newSegment = (
  execution: ExecutionRecord,
  checkpoint: Checkpoint,
  definition: StateMachineDefinition,
  timeoutCause: string,
): Segment => {
  const replay = checkpoint.replay !== undefined;
  const segment: Segment = {
    execution,
    checkpoint,
    definition,
    events: [],
    rawInputs: new Map(),
    attempts: new Map(),
    replayPending: replay,
    skipFirstEntered: replay,
    recordedFailures: 0,
    invocations: new Map(),
    parked: false,
    killed: false,
    abort: () => {},
    timeoutCause,
  };
  if (replay) {
    segment.rawInputs.set(checkpoint.state, checkpoint.input);
    segment.attempts.set(checkpoint.state, [...(checkpoint.attempts ?? [])]);
  }
  return segment;
};

const causeText = (cause: unknown): string => (typeof cause === 'string' ? cause : jsonText(cause));

/**
 * Turns the engine's event log into the execution's history, as GetExecutionHistory reports it, and
 * keeps what a later segment needs: each state's raw input and the retries spent on it.
 * Task events (scheduled, started, succeeded, failed) are recorded by tasks.ts, which sees them first.
 */
export const recordEngineEvents = async (
  events: AsyncGenerator<EngineEvent>,
  segment: Segment,
  tasks: Map<string, TaskStateInfo>,
): Promise<void> => {
  for await (const event of events) {
    switch (event.type) {
      case 'StateEntered': {
        const { name, type, input } = event.state;
        if (segment.skipFirstEntered && name === segment.checkpoint.state) {
          // A resumed task state: AWS entered it once, before the wait.
          segment.skipFirstEntered = false;
          break;
        }
        segment.rawInputs.set(name, jsonText(input));
        segment.attempts.set(name, []);
        segment.events.push(
          historyEvent(`${type}StateEntered`, { name, ...dataDetails('input', input) }, event.timestamp),
        );
        break;
      }
      case 'StateExited': {
        const { name, type, output } = event.state;
        segment.events.push(
          historyEvent(`${type}StateExited`, { name, ...dataDetails('output', output) }, event.timestamp),
        );
        break;
      }
      case 'StateFailed': {
        if (event.state.type !== 'Task') break;
        if (segment.recordedFailures > 0) {
          segment.recordedFailures--;
          break;
        }
        // The engine's own failure of a task, e.g. its TimeoutSeconds while the handler still runs.
        const invocation = segment.invocations.get(event.state.name);
        if (invocation) invocation.abandoned = true;
        const task = tasks.get(event.state.name);
        segment.events.push(
          historyEvent(
            event.Error === 'States.Timeout' ? 'TaskTimedOut' : 'TaskFailed',
            { ...taskResource(task?.resource ?? ''), error: event.Error, cause: causeText(event.Cause) },
            event.timestamp,
          ),
        );
        break;
      }
      case 'StateRetried': {
        const retriers = statesOf(segment.definition as unknown as AslDefinition)[event.state.name]?.Retry;
        const index = Array.isArray(retriers) ? retriers.indexOf(event.retry.retrier) : -1;
        if (index < 0) break;
        const attempts = segment.attempts.get(event.state.name) ?? [];
        attempts[index] = (attempts[index] ?? 0) + 1;
        segment.attempts.set(event.state.name, attempts);
        break;
      }
      case 'ExecutionSucceeded':
        segment.events.push(
          historyEvent('ExecutionSucceeded', dataDetails('output', event.output), event.timestamp),
        );
        break;
      case 'ExecutionFailed': {
        segment.failure = { error: event.Error, cause: causeText(event.Cause) };
        segment.events.push(historyEvent('ExecutionFailed', { ...segment.failure }, event.timestamp));
        break;
      }
      case 'ExecutionTimeout':
        segment.events.push(
          historyEvent(
            'ExecutionTimedOut',
            { error: 'States.Timeout', cause: segment.timeoutCause },
            event.timestamp,
          ),
        );
        break;
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed':
        segment.events.push(
          historyEvent(event.type, { name: event.parentState.name, index: event.index }, event.timestamp),
        );
        break;
      default:
        break;
    }
  }
};
