import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sfnClient, statesEntered } from '../../bench/workflow-probe.ts';
import { inPool } from '../faults/fault-support.ts';
import { client, type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import { drivingArn, type Exp, executionsOf, historyOf, statusOf, waitingIn } from '../support/executions.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

/*
 * An execution that has driven its experiment for WORKFLOW_MAX_AGE_SECONDS hands over to a fresh one at
 * the wait it is in (continue as new). Reconciliation is left to its 5-minute schedule here, so every
 * continuation below is a hand-over.
 */
const MAX_AGE_SECONDS = 4;

let system: TestSystem;
let api: ReturnType<typeof client>;
let sfn: ReturnType<typeof sfnClient>;

const read = async (as: DemoUser, id: string) => (await api.get(as, id)).body as unknown as Exp;

const sent = async (id: string, template: string) =>
  (
    await api.call<{ items: { template: string; experimentId: string }[] }>('GET', '/local/outbox')
  ).body.items.filter((m) => m.experimentId === id && m.template === template).length;

/** The `seen` a wait for a cycle was given: the cycles the workflow had taken in when it began waiting. */
const seenBy = async (arn: string): Promise<number | undefined> => {
  const scheduled = (await historyOf(sfn, arn)).findLast((e) => e.type === 'TaskScheduled');
  const parameters = JSON.parse(scheduled?.taskScheduledEventDetails?.parameters ?? '{}');
  return parameters.Payload?.seen;
};

const submitted = async (owner: DemoUser, body: unknown, state: string): Promise<Exp> => {
  const { id } = (await api.submit(owner, body)).body as unknown as Exp;
  const exp = await api.eventually(
    () => read(owner, id),
    (e) => e.status !== 'assessing' && e.execution !== undefined,
  );
  await api.eventually(
    () => waitingIn(sfn, drivingArn(exp)),
    (waiting) => waiting === state,
  );
  return exp;
};

/** Waits until the experiment is driven by a later generation than `generation`, waiting in `state`. */
const handedOver = (owner: DemoUser, id: string, generation: number, state: string) =>
  api.eventually(
    async () => {
      const exp = await read(owner, id);
      const later = (exp.execution?.generation ?? 0) > generation;
      return { exp, waiting: later ? await waitingIn(sfn, drivingArn(exp)) : undefined };
    },
    ({ waiting }) => waiting === state,
    MAX_AGE_SECONDS * 1000 + 15_000,
  );

/** Sleeps until `ms` after the execution started. */
/** Rhys records a cycle of `exp` in which nothing went wrong. */
const recordCycle = (exp: Exp, cycle: { result: string; observed: string; learned: string; next: string }) =>
  api.call('POST', `/api/experiments/${exp.id}/cycles`, {
    as: USERS.rhys,
    body: { ...cycle, incident: 'none' },
  });

const TOO_EARLY = { result: 'unclear', observed: 'Too early.', learned: 'Keep going.', next: 'adapt' };
const ADOPTED = { result: 'worked', observed: 'It worked.', learned: 'Make it normal.', next: 'adopt' };

const until = async (exp: Exp, ms: number) => {
  const at = Date.parse(exp.execution?.startedAt ?? '') + ms;
  await sleep(Math.max(0, at - Date.now()));
};

beforeAll(async () => {
  system = await startTestSystem({
    workflowMaxAgeSeconds: MAX_AGE_SECONDS,
    decisionDeadlineSeconds: 120,
    reviewPeriodSeconds: 120,
  });
  api = client(system.url);
  sfn = sfnClient(system.endpoints.stepfunctions);
});

afterAll(async () => {
  sfn?.destroy();
  await system?.cleanup();
});

describe('an execution that reaches its age budget while it waits for a decision', () => {
  it('hands over to a new execution that waits for the same decision, which then goes on as usual', async () => {
    // Prepare
    const exp = await submitted(USERS.sam, outsideCard(), 'WaitForDecision');
    const first = drivingArn(exp);

    // Act
    const { exp: next } = await handedOver(USERS.sam, exp.id, 0, 'WaitForDecision');
    const decided = await api.decide(USERS.megan, exp.id, { outcome: 'approve' });
    const testing = await api.eventually(
      async () => waitingIn(sfn, drivingArn(await read(USERS.sam, exp.id))),
      (waiting) => waiting === 'WaitForCycle',
    );

    // Assess
    const ended = await sfn.send(new DescribeExecutionCommand({ executionArn: first }));
    expect(ended.status).toBe('SUCCEEDED');
    expect(statesEntered(await historyOf(sfn, first)).slice(-4)).toEqual([
      'DecisionTimedOut',
      'HandOverDecision',
      'StartContinuation',
      'HandedOver',
    ]);
    expect(next.execution).toMatchObject({ arn: `${first}-1`, generation: 1, resume: 'decision' });
    expect(next.previousExecutions?.[0]).toMatchObject({ arn: first, ended: { as: 'HANDED_OVER' } });
    expect(
      JSON.parse((await sfn.send(new DescribeExecutionCommand({ executionArn: `${first}-1` }))).input ?? ''),
    ).toEqual({
      experimentId: exp.id,
      generation: 1,
      resume: 'decision',
    });
    // The age budget is not the decision deadline: nothing was raised, and the managers heard once.
    expect(next.raisedToLeaders).toBe(false);
    expect(await sent(exp.id, 'escalated-to-managers')).toBe(1);
    expect(decided.status).toBe(200);
    expect(testing).toBe('WaitForCycle');
    expect(await sent(exp.id, 'decision-to-owner')).toBe(1);
  });
});

describe('decisions and cycles sent while an execution hands over', () => {
  // Staggered around the moment the first execution's wait reaches its budget, so some land in the gap.
  const OFFSETS_MS = [3_800, 3_950, 4_050, 4_150, 4_250, 4_350, 4_500, 4_800];

  it('loses no decision: each reaches whichever execution drives, once', { timeout: 120_000 }, async () => {
    // Prepare
    const experiments = await inPool(OFFSETS_MS.length, 4, () =>
      submitted(USERS.sam, outsideCard(), 'WaitForDecision'),
    );

    // Act
    const decisions = await Promise.all(
      experiments.map(async (exp, i) => {
        await until(exp, OFFSETS_MS[i] ?? 0);
        return api.decide(USERS.megan, exp.id, { outcome: 'approve' });
      }),
    );
    const waiting = await Promise.all(
      experiments.map((exp) =>
        api.eventually(
          async () => waitingIn(sfn, drivingArn(await read(USERS.sam, exp.id))),
          (state) => state === 'WaitForCycle',
          20_000,
        ),
      ),
    );

    // Assess
    expect(decisions.map((d) => d.status)).toEqual(experiments.map(() => 200));
    expect(waiting).toEqual(experiments.map(() => 'WaitForCycle'));
    for (const exp of experiments) {
      expect(await sent(exp.id, 'decision-to-owner')).toBe(1);
      // Outside the moment of a hand-over (the old execution's last steps), one execution runs.
      const running = await api.eventually(
        async () => (await executionsOf(sfn, exp.id)).filter((e) => e.status === 'RUNNING').length,
        (count) => count === 1,
      );
      expect(running).toBe(1);
    }
  });

  it('loses no cycle: each is taken in by whichever execution drives', { timeout: 120_000 }, async () => {
    // Prepare
    const experiments = await inPool(OFFSETS_MS.length, 4, () =>
      submitted(USERS.rhys, insideCard(), 'WaitForCycle'),
    );

    // Act
    const cycles = await Promise.all(
      experiments.map(async (exp, i) => {
        await until(exp, OFFSETS_MS[i] ?? 0);
        return recordCycle(exp, TOO_EARLY);
      }),
    );
    const takenIn = await Promise.all(
      experiments.map((exp) =>
        api.eventually(
          async () => {
            const arn = drivingArn(await read(USERS.rhys, exp.id));
            return (await waitingIn(sfn, arn)) === 'WaitForCycle' ? seenBy(arn) : undefined;
          },
          (seen) => seen === 1,
          20_000,
        ),
      ),
    );
    const adopted = await Promise.all(experiments.map((exp) => recordCycle(exp, ADOPTED)));
    // Polled through the experiment and its driving execution only: listing every execution of the state
    // machine in a tight loop would load the one machine enough to slow the hand-overs it watches.
    const closed = await Promise.all(
      experiments.map((exp) =>
        api.eventually(
          async () => {
            const now = await read(USERS.rhys, exp.id);
            const arn = drivingArn(now);
            const status = await statusOf(sfn, arn);
            const last = status === 'MISSING' ? undefined : statesEntered(await historyOf(sfn, arn)).at(-1);
            return { status, last, generation: now.execution?.generation };
          },
          (driver) => driver.status !== 'RUNNING' && driver.status !== 'MISSING',
          20_000,
        ),
      ),
    );

    // Assess
    expect(cycles.map((c) => c.status)).toEqual(experiments.map(() => 201));
    expect(takenIn).toEqual(experiments.map(() => 1));
    expect(adopted.map((c) => c.status)).toEqual(experiments.map(() => 201));
    for (const [i, exp] of experiments.entries()) {
      const generation = closed[i]?.generation;
      expect(closed[i]).toEqual({ status: 'SUCCEEDED', last: 'Closed', generation });
      expect((await executionsOf(sfn, exp.id)).filter((e) => e.status === 'RUNNING')).toEqual([]);
    }
  });
});
