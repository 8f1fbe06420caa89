import { setTimeout as sleep } from 'node:timers/promises';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import {
  type DynamoDbLocal,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb-local.ts';
import {
  type LocalStateMachineSpec,
  type LocalStepFunctions,
  startLocalStepFunctions,
} from '../../infra/local/stepfunctions/index.ts';

/** The SDK's Step Functions client, pointed at a running local service. */
export const clientFor = (service: LocalStepFunctions): SFNClient =>
  new SFNClient({ endpoint: service.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });

/** DescribeExecution until `done` holds, or `withinMs` has passed: then the last description. */
export const describeWhen = async (
  sfn: SFNClient,
  executionArn: string,
  done: (d: DescribeExecutionCommandOutput) => boolean,
  withinMs = 8_000,
): Promise<DescribeExecutionCommandOutput> => {
  const until = Date.now() + withinMs;
  for (;;) {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (done(described) || Date.now() > until) return described;
    await sleep(25);
  }
};

export const waitForStatus = (sfn: SFNClient, executionArn: string, status: string, withinMs?: number) =>
  describeWhen(sfn, executionArn, (described) => described.status === status, withinMs);

/** The task token request-decision got for an item, once it differs from `previous`. */
export const waitForToken = async (
  fakes: FakeFunctions,
  item: string,
  previous?: string,
): Promise<string> => {
  const until = Date.now() + 5_000;
  while ((!fakes.tokens.has(item) || fakes.tokens.get(item) === previous) && Date.now() < until)
    await sleep(10);
  return fakes.tokens.get(item) ?? '';
};

export const outputOf = (described: DescribeExecutionCommandOutput): unknown =>
  JSON.parse(described.output ?? 'null');

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const functionArn = (name: string) => `arn:aws:lambda:eu-west-2:000000000000:function:${name}`;

/** A lambda:invoke task that Lambda throttles or fails at times, then a Choice on its result. */
export const sizingDefinition = {
  Comment: 'Retry on Lambda service errors, then route on the result',
  StartAt: 'Measure',
  States: {
    Measure: {
      Type: 'Task',
      Resource: LAMBDA_INVOKE,
      Parameters: { FunctionName: functionArn('measure'), 'Payload.$': '$' },
      ResultSelector: { 'size.$': '$.Payload.size' },
      ResultPath: '$.measured',
      Retry: [
        {
          ErrorEquals: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException'],
          IntervalSeconds: 1,
          BackoffRate: 1,
          MaxAttempts: 3,
        },
      ],
      Next: 'Route',
    },
    Route: {
      Type: 'Choice',
      Choices: [{ Variable: '$.measured.size', NumericGreaterThan: 10, Next: 'Big' }],
      Default: 'Small',
    },
    Big: { Type: 'Pass', Result: 'big', ResultPath: '$.route', End: true },
    Small: { Type: 'Pass', Result: 'small', ResultPath: '$.route', End: true },
  },
};

/** A permanent task failure (or a task timeout) caught into a Pass state that ends in a Fail state. */
export const chargingDefinition = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: LAMBDA_INVOKE,
      Parameters: { FunctionName: functionArn('charge'), 'Payload.$': '$' },
      OutputPath: '$.Payload',
      TimeoutSeconds: 1,
      Retry: [{ ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 1, MaxAttempts: 2 }],
      Catch: [
        { ErrorEquals: ['CardDeclined', 'States.Timeout'], ResultPath: '$.failure', Next: 'NoteDecline' },
      ],
      End: true,
    },
    NoteDecline: {
      Type: 'Pass',
      Parameters: { 'error.$': '$.failure.Error' },
      ResultPath: '$.note',
      Next: 'Declined',
    },
    Declined: { Type: 'Fail', Error: 'PaymentDeclined', Cause: 'The card was declined' },
  },
};

/** A decision that waits for a task token, with deadlines taken from the input and a timeout branch. */
export const approvalDefinition = {
  StartAt: 'AwaitDecision',
  States: {
    AwaitDecision: {
      Type: 'Task',
      Resource: `${LAMBDA_INVOKE}.waitForTaskToken`,
      Parameters: {
        FunctionName: functionArn('request-decision'),
        Payload: { 'taskToken.$': '$$.Task.Token', 'item.$': '$.item' },
      },
      TimeoutSecondsPath: '$.deadlineSeconds',
      HeartbeatSecondsPath: '$.heartbeatSeconds',
      ResultPath: '$.decision',
      Retry: [{ ErrorEquals: ['Resubmit'], IntervalSeconds: 1, MaxAttempts: 1 }],
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'Escalate' }],
      Next: 'Record',
    },
    Record: {
      Type: 'Pass',
      Parameters: { 'item.$': '$.item', 'decision.$': '$.decision', 'startedWith.$': '$$.Execution.Input' },
      End: true,
    },
    Escalate: {
      Type: 'Task',
      Resource: LAMBDA_INVOKE,
      Parameters: {
        FunctionName: functionArn('escalate'),
        Payload: { 'item.$': '$.item', 'reason.$': '$.timeout.Error' },
      },
      ResultSelector: { 'to.$': '$.Payload.to' },
      ResultPath: '$.escalation',
      End: true,
    },
  },
};

/** The same decision under an execution-wide deadline. */
export const deadlineDefinition = { ...approvalDefinition, TimeoutSeconds: 1 };

/** Stand-ins for the Lambda functions, recording what they were asked. */
export class FakeFunctions {
  readonly calls: Record<string, unknown[]> = { measure: [], charge: [], requestDecision: [], escalate: [] };
  /** Task tokens handed to request-decision, by item. */
  readonly tokens = new Map<string, string>();
  /** How many calls to measure fail with Lambda.ServiceException first. */
  measureFailures = 0;
  /** When set, measure waits for it: a run cut off mid-task. */
  measureGate: Promise<void> | undefined;
  /** When set, request-decision hands its token on before it returns, as a quick decider would. */
  onDecisionRequested: ((taskToken: string, item: string) => Promise<void>) | undefined;

  specs(): LocalStateMachineSpec[] {
    return [
      {
        name: 'sizing',
        definition: sizingDefinition,
        taskHandlers: {
          Measure: async (payload) => {
            this.calls.measure?.push(payload);
            if (this.measureGate) await this.measureGate;
            if (this.measureFailures > 0) {
              this.measureFailures--;
              throw Object.assign(new Error('Rate exceeded'), { name: 'Lambda.ServiceException' });
            }
            return { size: (payload as { n: number }).n };
          },
        },
      },
      {
        name: 'charging',
        definition: chargingDefinition,
        taskHandlers: {
          Charge: async (payload) => {
            this.calls.charge?.push(payload);
            const { card } = payload as { card: string };
            if (card === 'declined')
              throw Object.assign(new Error('card declined'), { name: 'CardDeclined' });
            if (card === 'broken') throw new TypeError('card is not a function');
            if (card === 'slow') await sleep(1_500);
            return { charged: card };
          },
        },
      },
      {
        name: 'approval',
        definition: approvalDefinition,
        taskHandlers: {
          AwaitDecision: async (payload) => {
            this.calls.requestDecision?.push(payload);
            const { taskToken, item } = payload as { taskToken: string; item: string };
            this.tokens.set(item, taskToken);
            await this.onDecisionRequested?.(taskToken, item);
            return { requested: item };
          },
          Escalate: async (payload) => {
            this.calls.escalate?.push(payload);
            return { to: 'leaders' };
          },
        },
      },
      {
        name: 'deadline',
        definition: deadlineDefinition,
        taskHandlers: {
          AwaitDecision: async (payload) => {
            const { taskToken, item } = payload as { taskToken: string; item: string };
            this.tokens.set(item, taskToken);
            return { requested: item };
          },
          Escalate: async () => ({ to: 'leaders' }),
        },
      },
    ];
  }
}

/*
 * A running service for local-stepfunctions.test.ts and local-stepfunctions-callbacks.test.ts. Each test
 * file loads its own copy of this module, so each has its own DynamoDB Local, `service` and `sfn`.
 */
let dynamo: DynamoDbLocal | undefined;

/** Starts DynamoDB Local before the calling file's tests, for `start`, and stops it after them. */
export const useDynamoDbLocal = () => {
  beforeAll(async () => {
    dynamo = await startDynamoDbLocal();
  });
  afterAll(async () => {
    await dynamo?.stop();
  });
};

/** A service running the fakes' state machines on the file's DynamoDB Local, its state in `tableName`. */
const start = async (fakes: FakeFunctions, tableName: string): Promise<LocalStepFunctions> => {
  if (!dynamo) throw new Error('Call useDynamoDbLocal() first');
  return startLocalStepFunctions({
    dynamoEndpoint: dynamo.endpoint,
    tableName,
    stateMachines: fakes.specs(),
    timerIntervalMs: 50,
  });
};

/** A service, and a client for it, that stop when the test that started them finishes. */
export const startInstance = async (
  fakes: FakeFunctions,
  tableName: string,
): Promise<{ service: LocalStepFunctions; sfn: SFNClient }> => {
  const service = await start(fakes, tableName);
  const sfn = clientFor(service);
  onTestFinished(async () => {
    sfn.destroy();
    await service.stop();
  });
  return { service, sfn };
};

/** The service a describe block's tests share (`shareService`), and a client for it. */
export let service: LocalStepFunctions;
export let sfn: SFNClient;

/** Starts `service` and `sfn` before the calling block's tests, running the fakes' state machines. */
export const shareService = (fakes: FakeFunctions) => {
  beforeAll(async () => {
    service = await start(fakes, 'shared');
    sfn = clientFor(service);
  });
  afterAll(async () => {
    sfn?.destroy();
    await service?.stop();
  });
};
