/**
 * Reads the experiment workflow through the local Step Functions service's own API (GetExecutionHistory),
 * as the AWS CLI would. Polling it reads only the service's table, so it does not disturb the app
 * table's counts.
 */
import {
  type ExecutionListItem,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  ListExecutionsCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';

export const STATE_MACHINE_ARN = 'arn:aws:states:eu-west-2:000000000000:stateMachine:fail-forward-experiment';
export const executionArn = (experimentId: string) =>
  `arn:aws:states:eu-west-2:000000000000:execution:fail-forward-experiment:${experimentId}`;

export const sfnClient = (endpoint: string) =>
  new SFNClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/** Every event of one execution, page by page. */
export const historyOfArn = async (sfn: SFNClient, arn: string): Promise<HistoryEvent[]> => {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const out = await sfn.send(
      new GetExecutionHistoryCommand({
        executionArn: arn,
        maxResults: 1000,
        ...(nextToken ? { nextToken } : {}),
      }),
    );
    events.push(...(out.events ?? []));
    nextToken = out.nextToken;
  } while (nextToken);
  return events;
};

export const history = (sfn: SFNClient, experimentId: string): Promise<HistoryEvent[]> =>
  historyOfArn(sfn, executionArn(experimentId));

/** Every execution of the experiment workflow (ListExecutions), page by page. */
export const allExecutions = async (sfn: SFNClient): Promise<ExecutionListItem[]> => {
  const executions: ExecutionListItem[] = [];
  let nextToken: string | undefined;
  do {
    const out = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: STATE_MACHINE_ARN,
        maxResults: 1000,
        ...(nextToken ? { nextToken } : {}),
      }),
    );
    executions.push(...(out.executions ?? []));
    nextToken = out.nextToken;
  } while (nextToken);
  return executions;
};

/** The states entered, in order. */
export const statesEntered = (events: HistoryEvent[]): string[] =>
  events.flatMap((e) => (e.stateEnteredEventDetails?.name ? [e.stateEnteredEventDetails.name] : []));

/**
 * The task state the execution is parked in (waiting for a token), or undefined while it runs.
 * `after` counts only a park that came after that many events, to wait for the next one.
 */
export const parkedIn = (events: HistoryEvent[], after = 0): string | undefined => {
  const last = events.at(-1);
  if (events.length <= after || last?.type !== 'TaskSubmitted') return undefined;
  return statesEntered(events).at(-1);
};

export interface WorkflowCounts {
  /** State transitions as Step Functions bills them: one per state entered, plus one per retry. */
  transitions: number;
  /** Lambda invocations made by the workflow (one per TaskScheduled, retries included). */
  taskInvocations: number;
  /** Time each task invocation ran, from TaskStarted to its result (or TaskSubmitted for a wait). */
  taskDurationsMs: number[];
}

export const countEvents = (events: HistoryEvent[]): WorkflowCounts => {
  let transitions = 0;
  let taskInvocations = 0;
  const taskDurationsMs: number[] = [];
  let started: number | undefined;
  let retries = 0;
  for (const event of events) {
    const type = event.type ?? '';
    if (type.endsWith('StateEntered')) transitions++;
    if (type === 'TaskScheduled') {
      // A second TaskScheduled inside one state is a Retry, which AWS bills as a transition.
      taskInvocations++;
    }
    if (type === 'TaskStarted') started = event.timestamp?.getTime();
    if (
      (type === 'TaskSucceeded' || type === 'TaskFailed' || type === 'TaskSubmitted') &&
      started !== undefined
    ) {
      taskDurationsMs.push((event.timestamp?.getTime() ?? started) - started);
      started = undefined;
    }
  }
  // Retries: task invocations beyond one per entered Task state.
  const enteredTasks = events.filter((e) => e.type === 'TaskStateEntered').length;
  retries = Math.max(0, taskInvocations - enteredTasks);
  return { transitions: transitions + retries, taskInvocations, taskDurationsMs };
};
