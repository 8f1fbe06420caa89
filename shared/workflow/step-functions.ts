import type { SFNClient, SFNClientConfig } from '@aws-sdk/client-sfn';
import type { ExecutionInput } from './continuation.ts';
import type { AnswerOutcome, ExecutionState, Workflow } from './port.ts';

/**
 * The Step Functions API, imported on first use: only the functions that start or answer a workflow
 * need it, and importing it at a cold start cost every other function too (see docs/performance.md).
 */
const sfnApi = () => import('@aws-sdk/client-sfn');

/** A Step Functions client made on first use and kept; `destroy` closes it if it was made. */
export const lazySfnClient = (config: SFNClientConfig = {}) => {
  let client: Promise<SFNClient> | undefined;
  return {
    get: (): Promise<SFNClient> => {
      client ??= sfnApi().then(({ SFNClient }) => new SFNClient({ maxAttempts: 5, ...config }));
      return client;
    },
    destroy: async (): Promise<void> => {
      if (client) (await client).destroy();
    },
  };
};

const TOKEN_GONE = ['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist'];

const isTokenGone = (error: unknown) => error instanceof Error && TOKEN_GONE.includes(error.name);

const named = (error: unknown, name: string) => error instanceof Error && error.name === name;

/** The workflow port on Step Functions: the deployed state machine in AWS, the local service on one machine. */
export const stepFunctionsWorkflow = (opts: {
  stateMachineArn: string;
  client: () => Promise<SFNClient>;
}): Workflow => {
  const startExecution = async (name: string, input: ExecutionInput): Promise<'started' | 'exists'> => {
    const [client, { StartExecutionCommand }] = await Promise.all([opts.client(), sfnApi()]);
    try {
      await client.send(
        new StartExecutionCommand({
          stateMachineArn: opts.stateMachineArn,
          name,
          input: JSON.stringify(input),
        }),
      );
      return 'started';
    } catch (error) {
      if (named(error, 'ExecutionAlreadyExists')) return 'exists';
      throw error;
    }
  };

  return {
    async start(experimentId) {
      // The execution is named after the experiment and its input never varies, so a duplicate start is
      // harmless: a no-op while it runs, and ExecutionAlreadyExists once it has finished.
      await startExecution(experimentId, { experimentId });
    },

    startExecution,

    executionArn: (name) => `${opts.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`,

    async describeExecution(executionArn): Promise<ExecutionState> {
      const [client, { DescribeExecutionCommand }] = await Promise.all([opts.client(), sfnApi()]);
      try {
        const out = await client.send(new DescribeExecutionCommand({ executionArn }));
        return {
          status: (out.status ?? 'RUNNING') as ExecutionState['status'],
          ...(out.stopDate ? { stoppedAt: out.stopDate.toISOString() } : {}),
          ...(out.error ? { error: out.error } : {}),
          ...(out.cause ? { cause: out.cause } : {}),
        };
      } catch (error) {
        if (named(error, 'ExecutionDoesNotExist')) return { status: 'MISSING' };
        throw error;
      }
    },

    async runningExecutions() {
      const [client, { ListExecutionsCommand }] = await Promise.all([opts.client(), sfnApi()]);
      const running = new Set<string>();
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new ListExecutionsCommand({
            stateMachineArn: opts.stateMachineArn,
            statusFilter: 'RUNNING',
            maxResults: 1000,
            nextToken,
          }),
        );
        for (const execution of page.executions ?? []) {
          if (execution.executionArn) running.add(execution.executionArn);
        }
        nextToken = page.nextToken;
      } while (nextToken);
      return running;
    },

    async answer(taskToken, output): Promise<AnswerOutcome> {
      const [client, { SendTaskSuccessCommand }] = await Promise.all([opts.client(), sfnApi()]);
      try {
        await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
        return 'answered';
      } catch (error) {
        if (isTokenGone(error)) return 'gone';
        throw error;
      }
    },
  };
};
