/**
 * The local Step Functions service's task-token callbacks (SendTaskSuccess, SendTaskFailure, heartbeats and
 * the timeouts that void a token), and executions that survive a restart of the service. The rest of the
 * service: local-stepfunctions.test.ts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  FakeFunctions,
  outputOf,
  service,
  sfn,
  shareService,
  startInstance,
  useDynamoDbLocal,
  waitForStatus,
  waitForToken,
} from './fixtures.ts';

useDynamoDbLocal();

describe('durability across restarts', () => {
  // One table for the whole block: each test stops its instances before the next one starts.
  const instance = (fakes: FakeFunctions) => startInstance(fakes, 'durable');

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

describe('a running local Step Functions service', () => {
  const fakes = new FakeFunctions();
  shareService(fakes);

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
});
