/**
 * A serious incident whose execution is replaced before it handled the incident, over the real local
 * system (DynamoDB Local, the local Step Functions service): the execution that takes over (started by
 * reconciliation for the next cycle) must still tell people and take back the team's own limits.
 * The task fails through the fault hook; the operator's stop goes through the SDK. When the cycle closed
 * the experiment, no execution takes over: reconciliation itself does the work the cycle owed.
 */
import type { Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler as reconcile } from '#functions/reconcile-workflows/handler.ts';
import { createFaultHook } from '#infra/local/fault-hook.ts';
import { sfnClient } from '../../bench/workflow-probe.ts';
import { client, type DemoUser, insideCard, USERS } from '../support/api.ts';
import { drivingArn, type Exp, statusOf, stop, waitingIn } from '../support/executions.ts';
import { SERIOUS_INCIDENT_CYCLE } from '../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';
import { rawTable } from '../support/table.ts';

const RECONCILE_SECONDS = 1;
const BASE = { extraCost: 500, peopleInvolved: 10, durationWeeks: 6, staffHours: 20 };

const hook = createFaultHook();
let system: TestSystem;
let api: ReturnType<typeof client>;
let sfn: ReturnType<typeof sfnClient>;

interface Policy {
  version: number;
  teams?: Record<string, Record<string, number>>;
  publishedBy: string;
  reason: string;
}
type Message = { template: string; experimentId: string; audience: Record<string, unknown> };

beforeAll(async () => {
  system = await startTestSystem({ reconcileSeconds: RECONCILE_SECONDS, faultHook: hook });
  api = client(system.url);
  sfn = sfnClient(system.endpoints.stepfunctions);
}, 120_000);

afterEach(() => {
  hook.clear();
});

afterAll(async () => {
  sfn?.destroy();
  await system?.cleanup();
});

const read = async (as: DemoUser, id: string) => (await api.get(as, id)).body as unknown as Exp;
const policy = async () => (await api.call<Policy>('GET', '/api/policy', { as: USERS.carys })).body;
const outbox = async (id: string) =>
  (await api.call<{ items: Message[] }>('GET', '/local/outbox')).body.items.filter(
    (m) => m.experimentId === id,
  );

/** Youth justice given its own extra money limit, and one of its ideas under it, waiting for a cycle. */
const testingWithOwnLimits = async () => {
  const granted = await api.call<Policy>('POST', '/api/policy', {
    as: USERS.carys,
    body: {
      thresholds: BASE,
      teams: { 'youth-justice': { extraCost: 1000 } },
      decisionDeadlineDays: 5,
      reason: 'Youth justice has earned it',
    },
  });
  expect(granted.status).toBe(201);
  const { id } = (await api.submit(USERS.rhys, insideCard({ extraCost: 900 }))).body as unknown as Exp;
  const exp = await api.eventually(
    () => read(USERS.rhys, id),
    (e) => e.status === 'testing' || e.status === 'authorised',
  );
  await api.eventually(
    () => waitingIn(sfn, drivingArn(exp)),
    (state) => state === 'WaitForCycle',
  );
  return { exp, granted: granted.body };
};

const recordSerious = (id: string, next: 'adapt' | 'adopt' | 'abandon' = 'adapt') =>
  api.call('POST', `/api/experiments/${id}/cycles`, {
    as: USERS.rhys,
    body: { ...SERIOUS_INCIDENT_CYCLE, next },
  });

/** The experiment once a later execution than its first drives it and waits for the next cycle. */
const takenOver = (exp: Exp) =>
  api.eventually(
    async () => {
      const now = await read(USERS.rhys, exp.id);
      const later = (now.execution?.generation ?? 0) > 0;
      return { now, waiting: later ? await waitingIn(sfn, drivingArn(now)) : undefined };
    },
    ({ waiting }) => waiting === 'WaitForCycle',
    30_000,
  );

/** The work still owed for the experiment, as stored (shared/store/owed-work.ts). */
const owedFor = async (id: string) => {
  const table = rawTable(system.endpoints.dynamodb);
  try {
    return (await table.partition('OWED')).filter((item) => item.experimentId === id);
  } finally {
    table.destroy();
  }
};

/** What must follow a serious incident, however many executions it took: checked once things settle. */
const expectReportedOnce = async (exp: Exp, granted: Policy) => {
  const revoked = await api.eventually(policy, (p) => p.version > granted.version, 20_000);
  const told = await api.eventually(
    () => outbox(exp.id),
    (items) => items.some((m) => m.template === 'team-limits-revoked'),
    20_000,
  );
  const next = (await api.submit(USERS.rhys, insideCard({ extraCost: 900 }))).body as unknown as Exp;
  // A second report (a retry, or both executions) would publish again or tell again: give it time to.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const settled = await outbox(exp.id);
  const history = (await read(USERS.rhys, exp.id)).history.filter((h) => h.event === 'incidentReported');

  expect(revoked).toMatchObject({ version: granted.version + 1, publishedBy: 'card' });
  expect(revoked.teams).toBeUndefined();
  expect(revoked.reason).toContain(exp.id);
  expect((await policy()).version).toBe(granted.version + 1);
  expect(told.length).toBeGreaterThan(0);
  expect(settled.filter((m) => m.template === 'team-limits-revoked')).toHaveLength(1);
  expect(settled.filter((m) => m.template === 'serious-incident').map((m) => m.audience)).toEqual(
    expect.arrayContaining([{ role: 'manager', team: 'youth-justice' }, { role: 'leader' }]),
  );
  expect(settled.filter((m) => m.template === 'serious-incident')).toHaveLength(2);
  expect(history).toHaveLength(1);
  expect(next.status).toBe('escalated');
  expect(await owedFor(exp.id)).toEqual([]);
};

/** The SeriousIncident task's Lambda keeps failing with an error the workflow retries: mid-task until stopped. */
const keepRetryingIncidentTask = (experimentId: string) =>
  hook.inject({ state: 'SeriousIncident', experimentId, times: 'always', error: 'Lambda.ServiceException' });

/** Until the SeriousIncident task has been called for the experiment: the execution is then mid-task. */
const untilIncidentTaskCalled = (experimentId: string) =>
  api.eventually(
    async () =>
      hook.calls.filter((c) => c.state === 'SeriousIncident' && c.experimentId === experimentId).length,
    (calls) => calls > 0,
    20_000,
  );

describe('a serious incident whose execution is replaced before it is handled', () => {
  it('is reported, and the team’s limits taken back, by the execution reconciliation starts after the task failed', async () => {
    // Prepare: the incident's task fails for good in the first execution (caught into RecordFailure).
    const { exp, granted } = await testingWithOwnLimits();
    hook.inject({ state: 'SeriousIncident', experimentId: exp.id, times: 1, error: 'IncidentTaskBroken' });

    // Act
    const recorded = await recordSerious(exp.id);
    const { now } = await takenOver(exp);

    // Assess
    expect(recorded.status).toBe(201);
    expect(await statusOf(sfn, drivingArn(exp))).toBe('FAILED');
    expect(now.execution).toMatchObject({ generation: 1, resume: 'cycle', seen: 1 });
    expect(hook.calls.filter((c) => c.state === 'SeriousIncident' && c.injected)).toHaveLength(1);
    await expectReportedOnce(exp, granted);
  }, 180_000);

  it('is reported by the next execution when an operator stops the first while the task is retried', async () => {
    // Prepare: the task's Lambda keeps failing with an error the workflow retries, so it is mid-task.
    const { exp, granted } = await testingWithOwnLimits();
    keepRetryingIncidentTask(exp.id);
    const recorded = await recordSerious(exp.id);
    await untilIncidentTaskCalled(exp.id);

    // Act
    await stop(sfn, drivingArn(exp));
    hook.clear();
    const { now } = await takenOver(exp);

    // Assess
    expect(recorded.status).toBe(201);
    expect(await statusOf(sfn, drivingArn(exp))).toBe('ABORTED');
    expect(now.execution).toMatchObject({ generation: 1, resume: 'cycle', seen: 1 });
    await expectReportedOnce(exp, granted);
  }, 180_000);
});

const lambda = {} as Context;
const scheduled = { 'detail-type': 'Scheduled Event', source: 'aws.events' };
const adoptionNotices = async (id: string) =>
  (await outbox(id)).filter((m) => m.template === 'adopted-to-managers');

/** The execution that closed the experiment has ended: nothing but reconciliation is left to act. */
const ended = (exp: Exp) =>
  api.eventually(
    () => statusOf(sfn, drivingArn(exp)),
    (status) => status !== 'RUNNING',
    20_000,
  );

/** Rounds of reconciliation at once, besides the scheduled ones: the owed work must still be done once. */
const reconcileTwiceAtOnce = () =>
  Promise.allSettled([reconcile(scheduled, lambda), reconcile(scheduled, lambda)]);

describe('a serious incident on the cycle that closes the experiment, whose execution ends first', () => {
  it('is reported once, and the team’s limits taken back, by reconciliation after the task failed for good', async () => {
    // Prepare: the incident's task fails for good (caught into RecordFailure), on an abandoning cycle.
    const { exp, granted } = await testingWithOwnLimits();
    hook.inject({ state: 'SeriousIncident', experimentId: exp.id, times: 1, error: 'IncidentTaskBroken' });
    const recorded = await recordSerious(exp.id, 'abandon');
    const status = await ended(exp);

    // Act
    await reconcileTwiceAtOnce();

    // Assess
    expect(recorded.status).toBe(201);
    expect(status).toBe('FAILED');
    expect((await read(USERS.rhys, exp.id)).status).toBe('abandoned');
    expect(
      hook.calls.filter((c) => c.state === 'SeriousIncident' && c.experimentId === exp.id && c.injected),
    ).toHaveLength(1);
    await expectReportedOnce(exp, granted);
    const after = await api.eventually(
      () => read(USERS.rhys, exp.id),
      (e) => e.failure === undefined,
      20_000,
    );
    expect(after.history.map((h) => h.event)).toEqual(expect.arrayContaining(['failed', 'incidentReported']));
  }, 180_000);

  it('is reported once, and the adoption told once, when an operator stops the execution mid-task', async () => {
    // Prepare: the task keeps failing with an error the workflow retries, on a cycle that adopts.
    const { exp, granted } = await testingWithOwnLimits();
    keepRetryingIncidentTask(exp.id);
    const recorded = await recordSerious(exp.id, 'adopt');
    await untilIncidentTaskCalled(exp.id);

    // Act
    await stop(sfn, drivingArn(exp));
    hook.clear();
    await reconcileTwiceAtOnce();
    const told = await api.eventually(
      () => adoptionNotices(exp.id),
      (items) => items.length > 0,
      20_000,
    );

    // Assess
    expect(recorded.status).toBe(201);
    expect(await statusOf(sfn, drivingArn(exp))).toBe('ABORTED');
    expect((await read(USERS.rhys, exp.id)).status).toBe('adopted');
    await expectReportedOnce(exp, granted);
    expect(told).toHaveLength(1);
    expect(await adoptionNotices(exp.id)).toHaveLength(1);
  }, 180_000);
});

describe('an adoption saved when no execution is left to tell the managers', () => {
  /** An idea of the early help team testing inside the card, its execution waiting for a cycle. */
  const testing = async () => {
    const { id } = (await api.submit(USERS.sam, insideCard())).body as unknown as Exp;
    const exp = await api.eventually(
      () => read(USERS.sam, id),
      (e) => e.status === 'testing' || e.status === 'authorised',
    );
    await api.eventually(
      () => waitingIn(sfn, drivingArn(exp)),
      (state) => state === 'WaitForCycle',
    );
    return exp;
  };
  const adopt = (id: string) =>
    api.call('POST', `/api/experiments/${id}/cycles`, {
      as: USERS.sam,
      body: {
        result: 'worked',
        observed: 'Most took it up.',
        learned: 'Call early.',
        next: 'adopt',
        incident: 'none',
      },
    });
  /** Told exactly once, after giving a second notice time to appear. */
  const expectToldOnce = async (id: string) => {
    const told = await api.eventually(
      () => adoptionNotices(id),
      (items) => items.length > 0,
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(told[0]?.audience).toEqual({ role: 'manager', team: 'early-help' });
    expect(await adoptionNotices(id)).toHaveLength(1);
    expect(await owedFor(id)).toEqual([]);
  };

  it('is told once by reconciliation when the execution that took the cycle is superseded before the notice', async () => {
    // Prepare: the notice's task finds its execution no longer drives the experiment, and ends quietly.
    const exp = await testing();
    hook.inject({ state: 'NotifyAdoption', experimentId: exp.id, times: 1, error: 'SupersededExecution' });
    const adopted = await adopt(exp.id);
    const status = await ended(exp);

    // Act
    await reconcileTwiceAtOnce();

    // Assess
    expect(adopted.status).toBe(201);
    expect(status).toBe('SUCCEEDED');
    expect(
      hook.calls.filter((c) => c.state === 'NotifyAdoption' && c.experimentId === exp.id && c.injected),
    ).toHaveLength(1);
    await expectToldOnce(exp.id);
  }, 180_000);

  it('is told once when the cycle is recorded after an operator stopped the waiting execution', async () => {
    // Prepare
    const exp = await testing();
    await stop(sfn, drivingArn(exp));

    // Act
    const adopted = await adopt(exp.id);
    await reconcileTwiceAtOnce();

    // Assess
    expect(adopted.status).toBe(201);
    expect((await read(USERS.sam, exp.id)).status).toBe('adopted');
    await expectToldOnce(exp.id);
  }, 180_000);
});
