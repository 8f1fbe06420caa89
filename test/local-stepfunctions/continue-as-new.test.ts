import { setTimeout as sleep } from 'node:timers/promises';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import {
  type LocalStateMachineSpec,
  type LocalStepFunctions,
  startLocalStepFunctions,
} from '../../infra/local/stepfunctions/index.ts';
import { approvalDefinition, clientFor, describeWhen } from './fixtures.ts';

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const START_EXECUTION = 'arn:aws:states:::states:startExecution';
const RELAY_ARN = 'arn:aws:states:eu-west-2:000000000000:stateMachine:relay';

/**
 * A workflow that continues as new: each execution does one step, then starts the next execution of the
 * same state machine under a name of its own, carrying what is left, and ends.
 */
const relayDefinition = {
  StartAt: 'Step',
  States: {
    Step: {
      Type: 'Task',
      Resource: LAMBDA_INVOKE,
      Parameters: { FunctionName: 'arn:aws:lambda:eu-west-2:000000000000:function:step', 'Payload.$': '$' },
      ResultSelector: { 'left.$': '$.Payload.left', 'name.$': '$.Payload.name' },
      ResultPath: '$.step',
      Next: 'More',
    },
    More: {
      Type: 'Choice',
      Choices: [{ Variable: '$.step.left', NumericGreaterThan: 0, Next: 'ContinueAsNew' }],
      Default: 'Done',
    },
    ContinueAsNew: {
      Type: 'Task',
      Resource: START_EXECUTION,
      Parameters: {
        StateMachineArn: RELAY_ARN,
        'Name.$': '$.step.name',
        Input: { 'left.$': '$.step.left', 'clash.$': '$.clash' },
      },
      ResultPath: '$.started',
      Catch: [
        {
          ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'],
          ResultPath: '$.refused',
          Next: 'AlreadyStarted',
        },
      ],
      Next: 'HandedOver',
    },
    HandedOver: { Type: 'Succeed' },
    AlreadyStarted: { Type: 'Succeed' },
    Done: { Type: 'Succeed' },
  },
};

const relaySpec = (steps: unknown[]): LocalStateMachineSpec => ({
  name: 'relay',
  definition: relayDefinition,
  taskHandlers: {
    Step: async (payload) => {
      steps.push(payload);
      const { left, clash } = payload as { left: number; clash: boolean };
      // With `clash`, every execution names its successor the same, so the second start is refused.
      return { left: left - 1, name: clash ? 'relay-clash' : `relay-${left - 1}` };
    },
  },
});

const approvalSpec = (tokens: string[]): LocalStateMachineSpec => ({
  name: 'approval',
  definition: approvalDefinition,
  taskHandlers: {
    AwaitDecision: async (payload) => {
      tokens.push((payload as { taskToken: string }).taskToken);
      return {};
    },
    Escalate: async () => ({ to: 'leaders' }),
  },
});

let dynamo: DynamoDbLocal;
let tables = 0;

const start = async (
  stateMachines: LocalStateMachineSpec[],
  maxExecutionAgeSeconds?: number,
): Promise<{ service: LocalStepFunctions; sfn: SFNClient }> => {
  const service = await startLocalStepFunctions({
    dynamoEndpoint: dynamo.endpoint,
    tableName: `continue-${++tables}`,
    stateMachines,
    timerIntervalMs: 50,
    ...(maxExecutionAgeSeconds === undefined ? {} : { maxExecutionAgeSeconds }),
  });
  const sfn = clientFor(service);
  onTestFinished(async () => {
    sfn.destroy();
    await service.stop();
  });
  return { service, sfn };
};

const statesEntered = async (sfn: SFNClient, executionArn: string) =>
  ((await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? []).flatMap((e) =>
    e.stateEnteredEventDetails?.name ? [e.stateEnteredEventDetails.name] : [],
  );

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
});

afterAll(async () => {
  await dynamo?.stop();
});

describe('a Task state that starts an execution (arn:aws:states:::states:startExecution)', () => {
  it('starts the next execution of the same state machine with its name and input, and goes on', async () => {
    // Prepare
    const steps: unknown[] = [];
    const { service, sfn } = await start([relaySpec(steps)]);

    // Act
    const first = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: RELAY_ARN,
        name: 'relay-3',
        input: JSON.stringify({ left: 3, clash: false }),
      }),
    );
    await service.idle();
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: RELAY_ARN }));

    // Assess
    expect(steps).toEqual([
      { left: 3, clash: false },
      { left: 2, clash: false },
      { left: 1, clash: false },
    ]);
    expect(listed.executions?.map((e) => [e.name, e.status]).sort()).toEqual([
      ['relay-1', 'SUCCEEDED'],
      ['relay-2', 'SUCCEEDED'],
      ['relay-3', 'SUCCEEDED'],
    ]);
    expect(await statesEntered(sfn, first.executionArn ?? '')).toEqual([
      'Step',
      'More',
      'ContinueAsNew',
      'HandedOver',
    ]);
    const handedOver = await sfn.send(new DescribeExecutionCommand({ executionArn: first.executionArn }));
    expect(JSON.parse(handedOver.output ?? '{}').started).toEqual({
      ExecutionArn: 'arn:aws:states:eu-west-2:000000000000:execution:relay:relay-2',
      StartDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: first.executionArn }));
    expect(events?.find((e) => e.type === 'TaskScheduled')?.taskScheduledEventDetails).toBeDefined();
    expect(
      events?.filter((e) => e.type === 'TaskSucceeded').map((e) => e.taskSucceededEventDetails?.resourceType),
    ).toEqual(['lambda', 'states']);
  });

  it('fails with StepFunctions.ExecutionAlreadyExistsException when the name is taken, for Catch to match', async () => {
    // Prepare
    const steps: unknown[] = [];
    const { service, sfn } = await start([relaySpec(steps)]);

    // Act
    const first = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: RELAY_ARN,
        name: 'relay-first',
        input: JSON.stringify({ left: 3, clash: true }),
      }),
    );
    await service.idle();
    const clash = 'arn:aws:states:eu-west-2:000000000000:execution:relay:relay-clash';

    // Assess
    expect(await statesEntered(sfn, first.executionArn ?? '')).toContain('HandedOver');
    // relay-clash (left 2) tries to start relay-clash again, with other input: refused, and caught.
    expect(await statesEntered(sfn, clash)).toEqual(['Step', 'More', 'ContinueAsNew', 'AlreadyStarted']);
    const refused = JSON.parse(
      (await sfn.send(new DescribeExecutionCommand({ executionArn: clash }))).output ?? '{}',
    ).refused;
    expect(refused.Error).toBe('StepFunctions.ExecutionAlreadyExistsException');
    expect(refused.Cause).toContain('relay-clash');
    expect(steps).toHaveLength(2);
  });

  it('is refused at start with a handler of its own, or with a .sync pattern', async () => {
    // Prepare
    const withHandler: LocalStateMachineSpec = {
      ...relaySpec([]),
      taskHandlers: { ...relaySpec([]).taskHandlers, ContinueAsNew: async () => ({}) },
    };
    const sync = structuredClone(relayDefinition);
    sync.States.ContinueAsNew.Resource = `${START_EXECUTION}.sync:2`;

    // Act
    const attempts = await Promise.allSettled([
      startLocalStepFunctions({ dynamoEndpoint: dynamo.endpoint, stateMachines: [withHandler] }),
      startLocalStepFunctions({
        dynamoEndpoint: dynamo.endpoint,
        stateMachines: [{ ...relaySpec([]), definition: sync }],
      }),
    ]);

    // Assess
    expect(attempts.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    expect(String((attempts[0] as PromiseRejectedResult).reason)).toContain('takes no handler');
    expect(String((attempts[1] as PromiseRejectedResult).reason)).toContain('request-response');
  });
});

describe('the maximum execution age', () => {
  it('times out an execution that waits past it, as AWS does at a year', async () => {
    // Prepare
    const tokens: string[] = [];
    const { sfn, service } = await start([approvalSpec(tokens)], 1);
    const input = JSON.stringify({ item: 'lamp', deadlineSeconds: 60, heartbeatSeconds: 30 });

    // Act
    const started = Date.now();
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('approval'), input }),
    );
    const described = await describeWhen(sfn, executionArn ?? '', (d) => d.status !== 'RUNNING');

    // Assess
    expect(tokens).toHaveLength(1);
    expect(described).toMatchObject({
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      cause: 'The execution reached the maximum duration of a Standard workflow execution',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events?.at(-1)?.type).toBe('ExecutionTimedOut');
  });

  it('leaves an execution alone while it is younger than that', async () => {
    // Prepare
    const tokens: string[] = [];
    const { sfn, service } = await start([approvalSpec(tokens)], 30);
    const input = JSON.stringify({ item: 'rug', deadlineSeconds: 60, heartbeatSeconds: 30 });

    // Act
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('approval'), input }),
    );
    await describeWhen(sfn, executionArn ?? '', () => tokens.length > 0);
    await sleep(1_500);
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));

    // Assess
    expect(described.status).toBe('RUNNING');
  });
});
