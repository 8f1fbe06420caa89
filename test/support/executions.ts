/**
 * The experiment's workflow executions as an operator follows them: the ARN the experiment records, and
 * the local Step Functions service's own API (DescribeExecution, GetExecutionHistory, StopExecution).
 */
import { DescribeExecutionCommand, type SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { allExecutions, executionArn, historyOfArn, parkedIn } from '../../bench/workflow-probe.ts';

export interface ExecutionRef {
  arn: string;
  generation: number;
  startedAt: string;
  resume?: string;
  seen?: number;
  restarts?: number;
  gaveUpAt?: string;
  ended?: { as: string; at: string };
}

/** The experiment as the API returns it, with what these tests read. */
export interface Exp {
  id: string;
  status: string;
  raisedToLeaders: boolean;
  failure?: { error: string; cause: string };
  execution?: ExecutionRef;
  previousExecutions?: ExecutionRef[];
  cycles: { number: number; next: string }[];
  history: { event: string; status: string }[];
}

/** The execution that drives the experiment: the one it records, or its first, named after it. */
export const drivingArn = (exp: Exp): string => exp.execution?.arn ?? executionArn(exp.id);

export const historyOf = historyOfArn;

/** The task state an execution waits in, or undefined while it runs or once it has ended. */
export const waitingIn = async (sfn: SFNClient, arn: string): Promise<string | undefined> => {
  try {
    const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
    return status === 'RUNNING' ? parkedIn(await historyOf(sfn, arn)) : undefined;
  } catch {
    return undefined;
  }
};

/** The execution's status, or MISSING while a continuation is named but not started yet. */
export const statusOf = async (sfn: SFNClient, arn: string): Promise<string | undefined> => {
  try {
    return (await sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).status;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExecutionDoesNotExist') return 'MISSING';
    throw error;
  }
};

/** Stops an execution as an operator would, with the SDK against the Step Functions endpoint. */
export const stop = (sfn: SFNClient, arn: string) =>
  sfn.send(new StopExecutionCommand({ executionArn: arn, error: 'Operator', cause: 'Stopped by hand' }));

/** The names of every execution of the experiment workflow whose name starts with the experiment's id. */
export const executionsOf = async (
  sfn: SFNClient,
  id: string,
): Promise<{ name: string; status: string }[]> => {
  const found: { name: string; status: string }[] = [];
  for (const e of await allExecutions(sfn)) {
    if (e.name?.startsWith(id)) found.push({ name: e.name, status: e.status ?? '' });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
};
