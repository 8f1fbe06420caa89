import { writeFileSync } from 'node:fs';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFaultHook } from '#infra/local/fault-hook.ts';
import { STATE_MACHINE_ARN } from '../../bench/workflow-probe.ts';
import { type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import {
  drivingArn,
  type Exp,
  executionsOf,
  historyOf,
  statusOf,
  stop,
  waitingIn,
} from '../support/executions.ts';
import { type SystemClients, startSystemClients, stopSystemClients } from '../support/local-system.ts';

/*
 * Reconciliation over the real local system: executions stopped with StopExecution through the SDK, as
 * an operator would, and a task failing for good through the fault hook. Reconciliation runs every
 * RECONCILE_SECONDS, as on its EventBridge schedule in AWS.
 */
const RECONCILE_SECONDS = 1;
const DEADLINE_SECONDS = 4;
const REVIEW_SECONDS = 4;

const hook = createFaultHook();
let system: SystemClients['system'];
let api: SystemClients['api'];
let sfn: SystemClients['sfn'];
/** Stop to driven again, in ms, for docs/performance.md. */
const recoveries: number[] = [];

const read = async (as: DemoUser, id: string) => (await api.get(as, id)).body as unknown as Exp;

const outbox = async () =>
  (await api.call<{ items: { template: string; experimentId: string }[] }>('GET', '/local/outbox')).body
    .items;

const sent = async (id: string, template: string) =>
  (await outbox()).filter((m) => m.experimentId === id && m.template === template).length;

/** Submits an idea and waits until its workflow waits in `state`. */
const submitted = async (owner: DemoUser, body: unknown, state: string): Promise<Exp> => {
  const { id } = (await api.submit(owner, body)).body as unknown as Exp;
  const exp = await api.eventually(
    () => read(owner, id),
    (e) => e.status !== 'assessing',
  );
  await api.eventually(
    () => waitingIn(sfn, drivingArn(exp)),
    (waiting) => waiting === state,
  );
  return read(owner, id);
};

/** Stops the driving execution and waits until a new one drives the experiment and waits in `state`. */
const stopAndRecover = async (owner: DemoUser, exp: Exp, state: string): Promise<Exp> => {
  const stoppedAt = Date.now();
  await stop(sfn, drivingArn(exp));
  const generation = exp.execution?.generation ?? 0;
  const driven = await api.eventually(
    async () => {
      const now = await read(owner, exp.id);
      const moved = (now.execution?.generation ?? 0) > generation;
      return { exp: now, waiting: moved ? await waitingIn(sfn, drivingArn(now)) : undefined };
    },
    ({ waiting }) => waiting === state,
    RECONCILE_SECONDS * 1000 + 10_000,
  );
  recoveries.push(Date.now() - stoppedAt);
  return driven.exp;
};

beforeAll(async () => {
  ({ system, api, sfn } = await startSystemClients({
    decisionDeadlineSeconds: DEADLINE_SECONDS,
    reviewPeriodSeconds: REVIEW_SECONDS,
    reconcileSeconds: RECONCILE_SECONDS,
    faultHook: hook,
  }));
});

afterEach(() => {
  hook.clear();
});

afterAll(async () => {
  await stopSystemClients({ system, sfn });
  const sorted = [...recoveries].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const line = `stop to driven again (RECONCILE_SECONDS=${RECONCILE_SECONDS}): ${sorted.join(', ')} ms; median ${median} ms\n`;
  if (process.env.RECOVERY_REPORT) writeFileSync(process.env.RECOVERY_REPORT, line, { flag: 'a' });
});

describe('an execution stopped while it waits for a decision', () => {
  it('is continued within the interval: the deadline still raises to leaders, and a decision starts testing', async () => {
    // Prepare
    const exp = await submitted(USERS.sam, outsideCard(), 'WaitForDecision');
    const first = drivingArn(exp);

    // Act
    const driven = await stopAndRecover(USERS.sam, exp, 'WaitForDecision');
    const raised = await api.eventually(
      () => read(USERS.sam, exp.id),
      (e) => e.raisedToLeaders,
      DEADLINE_SECONDS * 1000 + 10_000,
    );
    const leaders = (await api.queue(USERS.carys)).body.items.map((e) => e.id);
    const decided = await api.decide(USERS.carys, exp.id, { outcome: 'approve' });
    const testing = await api.eventually(
      () => waitingIn(sfn, drivingArn(driven)),
      (waiting) => waiting === 'WaitForCycle',
    );

    // Assess
    expect(await statusOf(sfn, first)).toBe('ABORTED');
    expect(driven.execution).toMatchObject({ generation: 1, resume: 'decision' });
    expect(driven.execution?.arn).toBe(`${first}-1`);
    expect(driven.previousExecutions).toEqual([
      expect.objectContaining({
        arn: first,
        generation: 0,
        ended: expect.objectContaining({ as: 'ABORTED' }),
      }),
    ]);
    expect(driven.history.filter((h) => h.event === 'continued')).toHaveLength(1);
    expect(raised).toMatchObject({ status: 'escalated', raisedToLeaders: true });
    expect(leaders).toContain(exp.id);
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('authorised');
    expect(testing).toBe('WaitForCycle');
    // The managers heard once, the leaders once, the owner once: the continuation repeated nothing.
    expect(await sent(exp.id, 'escalated-to-managers')).toBe(1);
    expect(await sent(exp.id, 'raised-to-leaders')).toBe(1);
    expect(await sent(exp.id, 'decision-to-owner')).toBe(1);
    expect((await executionsOf(sfn, exp.id)).map((e) => e.name)).toEqual([exp.id, `${exp.id}-1`]);
  });

  it('is continued each time it is stopped, within the interval and a few seconds', {
    timeout: 120_000,
  }, async () => {
    // Prepare
    let exp = await submitted(USERS.alex, outsideCard(), 'WaitForDecision');
    const before = recoveries.length;

    // Act: the same experiment, stopped again each time a new execution drives it.
    for (let stopped = 0; stopped < 5; stopped++)
      exp = await stopAndRecover(USERS.alex, exp, 'WaitForDecision');

    // Assess
    expect(exp.execution?.generation).toBe(5);
    expect(exp.previousExecutions?.map((e) => e.ended?.as)).toEqual(Array(5).fill('ABORTED'));
    for (const ms of recoveries.slice(before)) expect(ms).toBeLessThan(RECONCILE_SECONDS * 1000 + 5_000);
    expect(await sent(exp.id, 'escalated-to-managers')).toBe(1);
  });

  it('is continued when a decision was made while no execution drove it: the owner is told and testing starts', async () => {
    // Prepare
    const exp = await submitted(USERS.sam, outsideCard(), 'WaitForDecision');
    await stop(sfn, drivingArn(exp));

    // Act
    const decided = await api.decide(USERS.megan, exp.id, { outcome: 'approve' });
    const driven = await api.eventually(
      async () => {
        const now = await read(USERS.sam, exp.id);
        return {
          now,
          waiting: now.execution?.generation ? await waitingIn(sfn, drivingArn(now)) : undefined,
        };
      },
      ({ waiting }) => waiting === 'WaitForCycle',
    );

    // Assess
    expect(decided.status).toBe(200);
    expect(driven.now.execution).toMatchObject({ generation: 1, resume: 'decision' });
    expect(await sent(exp.id, 'decision-to-owner')).toBe(1);
  });
});

describe('an execution stopped while it waits for a test cycle', () => {
  it('is continued: the review reminder still comes, and a cycle outside the card escalates to the managers', async () => {
    // Prepare
    const exp = await submitted(USERS.rhys, insideCard(), 'WaitForCycle');

    // Act
    const driven = await stopAndRecover(USERS.rhys, exp, 'WaitForCycle');
    const reminded = await api.eventually(
      () => sent(exp.id, 'review-reminder-to-owner'),
      (count) => count > 0,
      REVIEW_SECONDS * 1000 + 10_000,
    );
    const cycle = await api.call('POST', `/api/experiments/${exp.id}/cycles`, {
      as: USERS.rhys,
      body: {
        result: 'unclear',
        observed: 'Families wanted longer calls.',
        learned: 'Try it with more families.',
        next: 'adapt',
        incident: 'none',
        changes: { peopleInvolved: 40, extraCost: 750 },
      },
    });
    const managersTold = await api.eventually(
      () => sent(exp.id, 'escalated-to-managers'),
      (count) => count > 0,
    );
    const waiting = await api.eventually(
      () => waitingIn(sfn, drivingArn(driven)),
      (state) => state === 'WaitForDecision',
    );

    // Assess
    expect(driven.execution).toMatchObject({ generation: 1, resume: 'cycle', seen: 0 });
    expect(reminded).toBeGreaterThan(0);
    expect(cycle.status).toBe(201);
    expect(cycle.body.status).toBe('escalated');
    expect(managersTold).toBe(1);
    expect(waiting).toBe('WaitForDecision');
    expect((await read(USERS.owen, exp.id)).status).toBe('escalated');
  });
});

describe('an execution that no longer drives its experiment', () => {
  it('ends without acting when it wakes up: no message, no failure, and the driver keeps its wait', async () => {
    // Prepare
    const exp = await submitted(USERS.sam, outsideCard(), 'WaitForDecision');
    const stale = `${exp.id}-stale`;

    // Act
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: STATE_MACHINE_ARN,
        name: stale,
        input: JSON.stringify({ experimentId: exp.id, generation: 7, resume: 'decision' }),
      }),
    );
    const ended = await api.eventually(
      () => statusOf(sfn, `${drivingArn(exp).replace(/:[^:]+$/, '')}:${stale}`),
      (status) => status !== 'RUNNING',
    );
    const decided = await api.decide(USERS.megan, exp.id, { outcome: 'approve' });
    const after = await read(USERS.sam, exp.id);

    // Assess
    expect(ended).toBe('SUCCEEDED');
    const events = await historyOf(sfn, `${drivingArn(exp).replace(/:[^:]+$/, '')}:${stale}`);
    const entered = events.flatMap((e) =>
      e.stateEnteredEventDetails?.name ? [e.stateEnteredEventDetails.name] : [],
    );
    expect(entered).toEqual(['Start', 'Resume', 'Superseded']);
    expect(after.failure).toBeUndefined();
    expect(after.execution?.generation ?? 0).toBe(0);
    expect(await sent(exp.id, 'escalated-to-managers')).toBe(1);
    // The decision reached the driving execution: the stale one never replaced its task token.
    expect(decided.status).toBe(200);
    const testing = await api.eventually(
      () => waitingIn(sfn, drivingArn(exp)),
      (waiting) => waiting === 'WaitForCycle',
    );
    expect(testing).toBe('WaitForCycle');
    expect(await sent(exp.id, 'decision-to-owner')).toBe(1);
  });
});

describe('a task that fails for good', () => {
  it('is restarted a bounded number of times with backoff, then shows its failure and reports it once', async () => {
    // Prepare
    hook.inject({ state: 'Assess', times: 'always', error: 'CardServiceBroken' });
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk, ...rest) => {
      lines.push(String(chunk));
      return write(chunk, ...(rest as []));
    });

    // Act
    const { id } = (await api.submit(USERS.alex, insideCard())).body as unknown as Exp;
    const gaveUp = await api.eventually(
      () => read(USERS.alex, id),
      (e) => e.execution?.gaveUpAt !== undefined,
      // Restarts after one, two and four intervals, each after a failed execution.
      RECONCILE_SECONDS * 1000 * 12 + 20_000,
    );
    const callsAtGiveUp = hook.calls.filter((c) => c.state === 'Assess' && c.experimentId === id).length;
    await new Promise((r) => setTimeout(r, RECONCILE_SECONDS * 1000 * 4));
    spy.mockRestore();

    // Assess
    expect(gaveUp.status).toBe('assessing');
    expect(gaveUp.failure?.error).toBe('CardServiceBroken');
    expect(gaveUp.execution).toMatchObject({ generation: 3, restarts: 3, resume: 'assess' });
    expect(gaveUp.previousExecutions?.map((e) => e.ended?.as)).toEqual(['FAILED', 'FAILED', 'FAILED']);
    const startedAt = [...(gaveUp.previousExecutions ?? []), gaveUp.execution].map((e) =>
      Date.parse(e?.startedAt ?? ''),
    );
    // Backoff: each restart waited longer than the one before.
    const gaps = startedAt.slice(1).map((at, i) => at - (startedAt[i] ?? 0));
    expect(gaps[2]).toBeGreaterThan(gaps[0] ?? 0);
    // Four executions, each assessing once: no loop, and nothing more after giving up.
    expect(callsAtGiveUp).toBe(4);
    expect(hook.calls.filter((c) => c.state === 'Assess' && c.experimentId === id)).toHaveLength(4);
    expect((await executionsOf(sfn, id)).map((e) => e.status)).toEqual([
      'FAILED',
      'FAILED',
      'FAILED',
      'FAILED',
    ]);
    const reported = lines.filter((l) => l.includes('"WorkflowsGivenUp"'));
    expect(reported).toHaveLength(1);
    expect(JSON.parse(reported[0] ?? '{}')).toMatchObject({
      WorkflowsGivenUp: 1,
      StateMachine: 'fail-forward-experiment',
      _aws: { CloudWatchMetrics: [{ Namespace: 'FailForward' }] },
    });
  });
});
