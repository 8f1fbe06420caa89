/**
 * The local Step Functions service running state machines on DynamoDB Local, called through the AWS SDK:
 * retries, Choice, Catch and task timeouts, then the API itself (idempotent starts, lists, history, stop,
 * unknown actions, the Host check). Task tokens and restarts: local-stepfunctions-callbacks.test.ts.
 */
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { listeningAddresses, rawRequest } from '../local/listening.ts';
import {
  approvalDefinition,
  FakeFunctions,
  outputOf,
  service,
  sfn,
  shareService,
  useDynamoDbLocal,
  waitForToken,
} from './fixtures.ts';

useDynamoDbLocal();

describe('a running local Step Functions service', () => {
  const fakes = new FakeFunctions();
  shareService(fakes);

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
