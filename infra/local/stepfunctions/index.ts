import type { AddressInfo } from 'node:net';
import { DEFAULT_MAX_EXECUTION_AGE_SECONDS } from './deadlines.ts';
import { createApiServer } from './http-api.ts';
import type { LocalStateMachineSpec } from './machines.ts';
import { LocalStepFunctionsService } from './service.ts';

/*
 * The public entry point of the local Step Functions service (see README.md): everything else in this
 * folder is internal to it.
 */
export type { LocalStateMachineSpec, LocalTaskHandler } from './machines.ts';

export interface LocalStepFunctions {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  stateMachineArn(name: string): string;
  /** Resumes RUNNING executions that were cut off mid-segment by a restart or crash. */
  recover(): Promise<void>;
  /** Stops the HTTP server and timers; in-flight runs are abandoned and recoverable. */
  stop(): Promise<void>;
  /** Test hook: resolves when no execution segment is running and no timer is due. */
  idle(): Promise<void>;
}

export interface LocalStepFunctionsOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** DynamoDB (Local) endpoint; the service keeps all its state there. */
  dynamoEndpoint: string;
  /** Default 'local-stepfunctions'; created on demand if missing. */
  tableName?: string;
  /** Default 'eu-west-2'. */
  region?: string;
  /** Default '000000000000'. */
  accountId?: string;
  stateMachines: LocalStateMachineSpec[];
  /** How often due task-token deadlines are checked, in ms (default 250). */
  timerIntervalMs?: number;
  /**
   * The maximum age of an execution, in seconds, past which it ends TIMED_OUT as in AWS (default one
   * year, a Standard execution's limit). Shorter, it lets a workflow that continues as new be tried.
   */
  maxExecutionAgeSeconds?: number;
}

/**
 * A durable Step Functions service in this process: it runs the definitions with aws-local-stepfunctions,
 * calls the task handlers directly, keeps executions, history and task tokens in DynamoDB, and answers the
 * Step Functions JSON API on loopback, so @aws-sdk/client-sfn and the AWS CLI work against it unchanged.
 */
export const startLocalStepFunctions = async (
  opts: LocalStepFunctionsOptions,
): Promise<LocalStepFunctions> => {
  const service = new LocalStepFunctionsService({
    dynamoEndpoint: opts.dynamoEndpoint,
    tableName: opts.tableName ?? 'local-stepfunctions',
    region: opts.region ?? 'eu-west-2',
    accountId: opts.accountId ?? '000000000000',
    stateMachines: opts.stateMachines,
    timerIntervalMs: opts.timerIntervalMs ?? 250,
    maxExecutionAgeSeconds: opts.maxExecutionAgeSeconds ?? DEFAULT_MAX_EXECUTION_AGE_SECONDS,
  });
  try {
    await service.init();
  } catch (error) {
    await service.stop();
    throw error;
  }
  const server = createApiServer(service.actions(), (error) => console.error('local-stepfunctions:', error));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await service.stop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stateMachineArn: (name) => service.stateMachineArn(name),
    recover: () => service.recover(),
    idle: () => service.idle(),
    async stop() {
      await service.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
};
