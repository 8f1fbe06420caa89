import type { SFNClient, SFNClientConfig } from '@aws-sdk/client-sfn';
import type { AnswerOutcome, Workflow } from './port.ts';

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

/** The workflow port on Step Functions: the deployed state machine in AWS, the local service on one machine. */
export const stepFunctionsWorkflow = (opts: {
  stateMachineArn: string;
  client: () => Promise<SFNClient>;
}): Workflow => ({
  async start(experimentId) {
    // The execution is named after the experiment and its input never varies, so a duplicate start is
    // harmless: a no-op while it runs, and ExecutionAlreadyExists once it has finished.
    const [client, { StartExecutionCommand }] = await Promise.all([opts.client(), sfnApi()]);
    try {
      await client.send(
        new StartExecutionCommand({
          stateMachineArn: opts.stateMachineArn,
          name: experimentId,
          input: JSON.stringify({ experimentId }),
        }),
      );
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ExecutionAlreadyExists')) throw error;
    }
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
});
