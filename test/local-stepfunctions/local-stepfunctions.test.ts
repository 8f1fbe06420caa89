import { setTimeout as sleep } from 'node:timers/promises';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { type LocalStepFunctions, startLocalStepFunctions } from '../../infra/local/stepfunctions/index.ts';
import { listeningAddresses, rawRequest } from '../local/listening.ts';
import { approvalDefinition, clientFor, describeWhen, FakeFunctions } from './fixtures.ts';

let dynamo: DynamoDbLocal;
let tableCount = 0;

const start = async (fakes: FakeFunctions, tableName: string): Promise<LocalStepFunctions> =>
  startLocalStepFunctions({
    dynamoEndpoint: dynamo.endpoint,
    tableName,
    stateMachines: fakes.specs(),
    timerIntervalMs: 50,
  });

const waitForStatus = (sfn: SFNClient, executionArn: string, status: string, withinMs?: number) =>
  describeWhen(sfn, executionArn, (described) => described.status === status, withinMs);

/** The task token request-decision got for an item, once it differs from `previous`. */
const waitForToken = async (fakes: FakeFunctions, item: string, previous?: string): Promise<string> => {
  const until = Date.now() + 5_000;
  while ((!fakes.tokens.has(item) || fakes.tokens.get(item) === previous) && Date.now() < until)
    await sleep(10);
  return fakes.tokens.get(item) ?? '';
};

const outputOf = (described: DescribeExecutionCommandOutput): unknown =>
  JSON.parse(described.output ?? 'null');

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
});

afterAll(async () => {
  await dynamo?.stop();
});

describe('a running local Step Functions service', () => {
  const fakes = new FakeFunctions();
  let service: LocalStepFunctions;
  let sfn: SFNClient;

  beforeAll(async () => {
    service = await start(fakes, `shared-${++tableCount}`);
    sfn = clientFor(service);
  });

  afterAll(async () => {
    sfn?.destroy();
    await service?.stop();
  });

  it('retries Lambda.ServiceException and routes on the result', async () => {
    // Prepare
    fakes.measureFailures = 2;
    const before = fakes.calls.measure?.length ?? 0;

    // Act
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('sizing'), input: '{"n":42}' }),
    );
    await service.idle();

    // Assess
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(outputOf(described)).toEqual({ n: 42, measured: { size: 42 }, route: 'big' });
    expect((fakes.calls.measure?.length ?? 0) - before).toBe(3);
  });

  it('takes the Choice default branch', async () => {
    // Prepare
    const input = '{"n":3}';

    // Act
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('sizing'), input }),
    );
    await service.idle();

    // Assess
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(outputOf(described)).toEqual({ n: 3, measured: { size: 3 }, route: 'small' });
  });

  it('catches a permanent failure into a Pass state that leads to a Fail state', async () => {
    // Prepare
    const before = fakes.calls.charge?.length ?? 0;

    // Act
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: service.stateMachineArn('charging'),
        input: '{"card":"declined"}',
      }),
    );
    await service.idle();

    // Assess
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({
      status: 'FAILED',
      error: 'PaymentDeclined',
      cause: 'The card was declined',
    });
    expect((fakes.calls.charge?.length ?? 0) - before).toBe(1);
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const failed = events?.find((event) => event.type === 'TaskFailed');
    expect(failed?.taskFailedEventDetails).toMatchObject({ error: 'CardDeclined', resourceType: 'lambda' });
    const noted = events?.find((event) => event.type === 'PassStateExited');
    expect(JSON.parse(noted?.stateExitedEventDetails?.output ?? '{}')).toMatchObject({
      note: { error: 'CardDeclined' },
    });
    expect(events?.map((event) => event.type).slice(-3)).toEqual([
      'PassStateExited',
      'FailStateEntered',
      'ExecutionFailed',
    ]);
  });

  it('honours the explicit TimeoutSeconds of a task', async () => {
    // Prepare
    const input = '{"card":"slow"}';

    // Act
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('charging'), input }),
    );
    await service.idle();

    // Assess
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'FAILED', error: 'PaymentDeclined' });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events?.find((event) => event.type === 'TaskTimedOut')?.taskTimedOutEventDetails).toMatchObject({
      error: 'States.Timeout',
    });
    expect(events?.some((event) => event.type === 'TaskSucceeded')).toBe(false);
  });

  it('fails the execution with the error and cause of an uncaught task error', async () => {
    // Prepare
    const input = '{"card":"broken"}';

    // Act
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('charging'), input }),
    );
    await service.idle();

    // Assess
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('FAILED');
    expect(described.error).toBe('TypeError');
    expect(JSON.parse(described.cause ?? '{}')).toEqual({
      errorType: 'TypeError',
      errorMessage: 'card is not a function',
    });
    expect(described.stopDate).toBeInstanceOf(Date);
  });

  it('resumes a task-token wait with SendTaskSuccess, the output at ResultPath', async () => {
    // Prepare
    const input = JSON.stringify({ item: 'bench', deadlineSeconds: 60, heartbeatSeconds: 30 });
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('approval'), input }),
    );
    const taskToken = await waitForToken(fakes, 'bench');
    await service.idle();
    const waiting = await sfn.send(new DescribeExecutionCommand({ executionArn }));

    // Act
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"approved":true}' }));
    await service.idle();

    // Assess
    expect(waiting.status).toBe('RUNNING');
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(outputOf(described)).toEqual({
      item: 'bench',
      decision: { approved: true },
      startedWith: JSON.parse(input),
    });
    expect(fakes.calls.requestDecision).toContainEqual({ taskToken, item: 'bench' });
  });

  it('answers a second SendTaskSuccess for the same token with TaskTimedOut', async () => {
    // Prepare
    const input = JSON.stringify({ item: 'kettle', deadlineSeconds: 60, heartbeatSeconds: 30 });
    await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('approval'), input }),
    );
    const taskToken = await waitForToken(fakes, 'kettle');
    await service.idle();
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"approved":false}' }));

    // Act
    const [second, failure, unknown] = await Promise.allSettled([
      sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"approved":true}' })),
      sfn.send(new SendTaskFailureCommand({ taskToken, error: 'Late' })),
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })),
    ]);
    await service.idle();

    // Assess
    expect(second).toMatchObject({ status: 'rejected', reason: { name: 'TaskTimedOut' } });
    expect(failure).toMatchObject({ status: 'rejected', reason: { name: 'TaskTimedOut' } });
    expect(unknown).toMatchObject({ status: 'rejected', reason: { name: 'InvalidToken' } });
  });

  it('accepts a callback sent before the task handler has returned', async () => {
    // Prepare
    fakes.onDecisionRequested = async (taskToken, item) => {
      if (item === 'stool')
        await sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"approved":"at once"}' }));
    };
    onTestFinished(() => {
      fakes.onDecisionRequested = undefined;
    });
    const input = JSON.stringify({ item: 'stool', deadlineSeconds: 60, heartbeatSeconds: 30 });

    // Act
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('approval'), input }),
    );
    await waitForToken(fakes, 'stool');
    await service.idle();

    // Assess
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(outputOf(described)).toMatchObject({ decision: { approved: 'at once' } });
  });

  it('fails the execution on an uncaught SendTaskFailure', async () => {
    // Prepare
    const input = JSON.stringify({ item: 'lamp', deadlineSeconds: 60, heartbeatSeconds: 30 });
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('approval'), input }),
    );
    const taskToken = await waitForToken(fakes, 'lamp');
    await service.idle();

    // Act
    await sfn.send(new SendTaskFailureCommand({ taskToken, error: 'Rejected', cause: 'not in budget' }));
    await service.idle();

    // Assess
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'not in budget' });
  });

  it('retries a callback failure with a new token, within the retrier budget', async () => {
    // Prepare
    const input = JSON.stringify({ item: 'vase', deadlineSeconds: 60, heartbeatSeconds: 30 });
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('approval'), input }),
    );
    const firstToken = await waitForToken(fakes, 'vase');
    await service.idle();

    // Act
    await sfn.send(new SendTaskFailureCommand({ taskToken: firstToken, error: 'Resubmit', cause: 'once' }));
    const secondToken = await waitForToken(fakes, 'vase', firstToken);
    await service.idle();
    const retried = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    await sfn.send(new SendTaskFailureCommand({ taskToken: secondToken, error: 'Resubmit', cause: 'twice' }));
    await service.idle();

    // Assess
    expect(secondToken).not.toBe(firstToken);
    expect(retried.status).toBe('RUNNING');
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'FAILED', error: 'Resubmit', cause: 'twice' });
    expect(
      fakes.calls.requestDecision?.filter((call) => (call as { item: string }).item === 'vase'),
    ).toHaveLength(2);
  });

  it('times an execution out at its own TimeoutSeconds while a task waits', async () => {
    // Prepare
    const input = JSON.stringify({ item: 'clock', deadlineSeconds: 60, heartbeatSeconds: 30 });

    // Act
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('deadline'), input }),
    );
    const described = await waitForStatus(sfn, executionArn ?? '', 'TIMED_OUT');

    // Assess
    expect(described).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events?.at(-1)?.type).toBe('ExecutionTimedOut');
  });

  it('times a task-token wait out into the Catch branch', async () => {
    // Prepare
    const input = JSON.stringify({ item: 'chair', deadlineSeconds: 1, heartbeatSeconds: 30 });
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('approval'), input }),
    );
    const taskToken = await waitForToken(fakes, 'chair');

    // Act
    const described = await waitForStatus(sfn, executionArn ?? '', 'SUCCEEDED');

    // Assess
    expect(described.status).toBe('SUCCEEDED');
    expect(outputOf(described)).toMatchObject({
      timeout: { Error: 'States.Timeout' },
      escalation: { to: 'leaders' },
    });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events?.some((event) => event.type === 'TaskTimedOut')).toBe(true);
  });

  it('keeps a task alive while heartbeats arrive, then times it out as a heartbeat timeout', async () => {
    // Prepare
    const input = JSON.stringify({ item: 'desk', deadlineSeconds: 10, heartbeatSeconds: 1 });
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('approval'), input }),
    );
    const taskToken = await waitForToken(fakes, 'desk');

    // Act
    for (let beat = 0; beat < 4; beat++) {
      await sleep(400);
      await sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
    }
    const alive = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    const described = await waitForStatus(sfn, executionArn ?? '', 'SUCCEEDED');

    // Assess
    expect(alive.status).toBe('RUNNING');
    expect(outputOf(described)).toMatchObject({ timeout: { Error: 'States.HeartbeatTimeout' } });
    await expect(sfn.send(new SendTaskHeartbeatCommand({ taskToken }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
  });

  it('starts an execution once for the same name and input, even concurrently', async () => {
    // Prepare
    const stateMachineArn = service.stateMachineArn('approval');
    const input = JSON.stringify({ item: 'door', deadlineSeconds: 60, heartbeatSeconds: 30 });
    const before = fakes.calls.requestDecision?.length ?? 0;

    // Act
    const starts = await Promise.all(
      Array.from({ length: 5 }, () =>
        sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'door-1', input })),
      ),
    );
    await waitForToken(fakes, 'door');
    await service.idle();
    const again = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'door-1', input }));
    const [other] = await Promise.allSettled([
      sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'door-1', input: '{"item":"window"}' })),
    ]);

    // Assess
    expect(new Set(starts.map((started) => started.executionArn)).size).toBe(1);
    expect(new Set(starts.map((started) => started.startDate?.getTime())).size).toBe(1);
    expect(again).toMatchObject({ executionArn: starts[0]?.executionArn, startDate: starts[0]?.startDate });
    expect(other).toMatchObject({ status: 'rejected', reason: { name: 'ExecutionAlreadyExists' } });
    expect((fakes.calls.requestDecision?.length ?? 0) - before).toBe(1);
    expect(starts[0]?.executionArn).toBe('arn:aws:states:eu-west-2:000000000000:execution:approval:door-1');
  });

  it('rejects an unknown state machine with StateMachineDoesNotExist', async () => {
    // Prepare
    const stateMachineArn = service.stateMachineArn('nowhere');

    // Act
    const [started] = await Promise.allSettled([sfn.send(new StartExecutionCommand({ stateMachineArn }))]);

    // Assess
    expect(started).toMatchObject({ status: 'rejected', reason: { name: 'StateMachineDoesNotExist' } });
  });

  it('lists and describes state machines', async () => {
    // Prepare
    const stateMachineArn = service.stateMachineArn('approval');

    // Act
    const listed = await sfn.send(new ListStateMachinesCommand({}));
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));

    // Assess
    expect(listed.stateMachines?.map((machine) => machine.name)).toEqual([
      'approval',
      'charging',
      'deadline',
      'sizing',
    ]);
    expect(listed.stateMachines?.[0]).toMatchObject({ stateMachineArn, type: 'STANDARD' });
    expect(described).toMatchObject({ name: 'approval', status: 'ACTIVE', type: 'STANDARD' });
    expect(JSON.parse(described.definition ?? '{}')).toEqual(approvalDefinition);
  });

  it('lists executions newest first, by status and a page at a time', async () => {
    // Prepare
    const stateMachineArn = service.stateMachineArn('sizing');
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'newest-sizing', input: '{"n":1}' }),
    );
    await service.idle();

    // Act
    const first = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 1 }));
    const rest = await sfn.send(new ListExecutionsCommand({ stateMachineArn, nextToken: first.nextToken }));
    const running = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: service.stateMachineArn('approval'),
        statusFilter: 'RUNNING',
      }),
    );

    // Assess
    expect(first.executions).toHaveLength(1);
    expect(first.executions?.[0]).toMatchObject({ executionArn, name: 'newest-sizing', status: 'SUCCEEDED' });
    expect(rest.executions?.length).toBeGreaterThanOrEqual(2);
    expect(rest.executions?.map((execution) => execution.executionArn)).not.toContain(executionArn);
    expect(running.executions?.length).toBeGreaterThan(0);
    expect(running.executions?.every((execution) => execution.status === 'RUNNING')).toBe(true);
  });

  it('returns the execution history in the AWS shape', async () => {
    // Prepare
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('sizing'), input: '{"n":20}' }),
    );
    await service.idle();

    // Act
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const reversed = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2 }),
    );

    // Assess
    expect(events?.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events?.map((event) => event.id)).toEqual(events?.map((_, index) => index + 1));
    expect(events?.[1]).toMatchObject({ previousEventId: 1, stateEnteredEventDetails: { name: 'Measure' } });
    expect(events?.[0]?.timestamp).toBeInstanceOf(Date);
    expect(JSON.parse(events?.[2]?.taskScheduledEventDetails?.parameters ?? '{}')).toMatchObject({
      Payload: { n: 20 },
    });
    expect(reversed.events?.map((event) => event.type)).toEqual(['ExecutionSucceeded', 'PassStateExited']);
    expect(reversed.nextToken).toBeDefined();
  });

  it('stops a waiting execution, which voids its token', async () => {
    // Prepare
    const input = JSON.stringify({ item: 'shelf', deadlineSeconds: 60, heartbeatSeconds: 30 });
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: service.stateMachineArn('approval'), input }),
    );
    const taskToken = await waitForToken(fakes, 'shelf');
    await service.idle();

    // Act
    await sfn.send(new StopExecutionCommand({ executionArn, error: 'Withdrawn', cause: 'idea withdrawn' }));

    // Assess
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'ABORTED', error: 'Withdrawn' });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
  });

  it('answers an unknown action with UnknownOperationException', async () => {
    // Prepare
    const request = {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AWSStepFunctions.CreateActivity',
      },
      body: '{}',
    };

    // Act
    const response = await fetch(service.endpoint, request);

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('answers only requests addressed to 127.0.0.1 or localhost and its port (DNS rebinding)', async () => {
    // Prepare
    const port = Number(new URL(service.endpoint).port);
    const call = (host: string) =>
      rawRequest(port, {
        method: 'POST',
        path: '/',
        host,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'AWSStepFunctions.ListStateMachines',
        },
        body: Buffer.from('{}'),
      });

    // Act
    const forged = await Promise.all(
      ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `127.0.0.1:${port + 1}`].map(
        call,
      ),
    );
    const addressed = await Promise.all([`127.0.0.1:${port}`, `localhost:${port}`].map(call));

    // Assess
    for (const response of forged) {
      expect(response.status).toBe(421);
      expect(JSON.parse(response.body)).toMatchObject({ __type: 'MisdirectedRequestException' });
    }
    for (const response of addressed) expect(response.status).toBe(200);
    expect(listeningAddresses(port)).toEqual(['127.0.0.1']);
  });
});

describe('durability across restarts', () => {
  // One table for the whole block: each test stops its instances before the next one starts.
  const tableName = `durable-${++tableCount}`;

  const instance = async (fakes: FakeFunctions): Promise<{ service: LocalStepFunctions; sfn: SFNClient }> => {
    const service = await start(fakes, tableName);
    const sfn = clientFor(service);
    onTestFinished(async () => {
      sfn.destroy();
      await service.stop();
    });
    return { service, sfn };
  };

  it('completes a token wait after a restart, on a new service instance', async () => {
    // Prepare
    const fakes = new FakeFunctions();
    const first = await instance(fakes);
    const input = JSON.stringify({ item: 'sofa', deadlineSeconds: 60, heartbeatSeconds: 30 });
    const { executionArn } = await first.sfn.send(
      new StartExecutionCommand({ stateMachineArn: first.service.stateMachineArn('approval'), input }),
    );
    const taskToken = await waitForToken(fakes, 'sofa');
    await first.service.idle();
    await first.service.stop();
    const second = await instance(new FakeFunctions());

    // Act
    await second.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"approved":true}' }));
    await second.service.idle();

    // Assess
    const described = await second.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(outputOf(described)).toMatchObject({ item: 'sofa', decision: { approved: true } });
  });

  it('fires a deadline that fell due while the service was down', async () => {
    // Prepare
    const fakes = new FakeFunctions();
    const first = await instance(fakes);
    const input = JSON.stringify({ item: 'rug', deadlineSeconds: 1, heartbeatSeconds: 30 });
    const { executionArn } = await first.sfn.send(
      new StartExecutionCommand({ stateMachineArn: first.service.stateMachineArn('approval'), input }),
    );
    await waitForToken(fakes, 'rug');
    await first.service.idle();
    await first.service.stop();
    await sleep(1_200);
    const restartedFakes = new FakeFunctions();

    // Act
    const second = await instance(restartedFakes);
    const described = await waitForStatus(second.sfn, executionArn ?? '', 'SUCCEEDED');

    // Assess
    expect(described.status).toBe('SUCCEEDED');
    expect(outputOf(described)).toMatchObject({
      timeout: { Error: 'States.Timeout' },
      escalation: { to: 'leaders' },
    });
    expect(restartedFakes.calls.escalate).toEqual([{ item: 'rug', reason: 'States.Timeout' }]);
  });

  it('recovers an execution whose segment was cut off mid-task', async () => {
    // Prepare
    const stuck = new FakeFunctions();
    let release = () => {};
    stuck.measureGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = await instance(stuck);
    const { executionArn } = await first.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: first.service.stateMachineArn('sizing'),
        input: '{"n":11}',
      }),
    );
    while (stuck.calls.measure?.length === 0) await sleep(10);
    await first.service.stop();
    release();
    const fresh = new FakeFunctions();
    const second = await instance(fresh);
    const before = await second.sfn.send(new DescribeExecutionCommand({ executionArn }));

    // Act
    await second.service.recover();
    await second.service.idle();

    // Assess
    expect(before.status).toBe('RUNNING');
    const described = await second.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(outputOf(described)).toEqual({ n: 11, measured: { size: 11 }, route: 'big' });
    expect(fresh.calls.measure).toEqual([{ n: 11 }]);
    const { events } = await second.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events?.filter((event) => event.type === 'ExecutionStarted')).toHaveLength(1);
  });
});
