import { DescribeExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, insideCard, outsideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';
import { APPROVED_TO_FIRST_CYCLE, workflowClient } from '../support/workflow.ts';

type Exp = {
  id: string;
  status: string;
  owner: string;
  team: string;
  policyVersion: number;
  assessment: {
    decision: string;
    reasons: { rule: string; answer: unknown; limit?: number; message: string }[];
    policyVersion: number;
  };
  authorisation?: { by: string; at: string; conditions?: string };
  decision?: { outcome: string; by: string; reason?: string };
  reviewBy?: string;
  raisedToLeaders: boolean;
  history: { event: string; by: string; status: string }[];
};

let system: TestSystem;
let api: ReturnType<typeof client>;
let workflow: ReturnType<typeof workflowClient>;
let sfn: SFNClient;

const executions = () => workflow.executions();
const executionArn = (id: string) => workflow.executionArn(id);
const statesEntered = (id: string) => workflow.statesEntered(id);

const outbox = async () =>
  (
    await api.call<{ items: { template: string; experimentId: string; audience: Record<string, string> }[] }>(
      'GET',
      '/local/outbox',
    )
  ).body.items;

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system.url);
  workflow = workflowClient(system.endpoints.stepfunctions);
  sfn = workflow.sfn;
});

afterAll(async () => {
  workflow?.destroy();
  await system?.cleanup();
});

describe('the automatic path', () => {
  it('authorises an idea inside the card within the request, by the card, with a review date', async () => {
    // Prepare
    const body = insideCard();
    const started = Date.now();

    // Act
    const res = await api.submit(USERS.sam, body);

    // Assess
    const exp = res.body as unknown as Exp;
    expect(res.status).toBe(201);
    expect(exp.status).toBe('authorised');
    expect(exp.authorisation?.by).toBe('card');
    expect(exp.assessment).toMatchObject({ decision: 'authorised', reasons: [], policyVersion: 1 });
    expect(exp.owner).toBe('sam');
    expect(exp.team).toBe('early-help');
    const weeks =
      (Date.parse(exp.reviewBy ?? '') - Date.parse(exp.authorisation?.at ?? '')) / (7 * 24 * 3600 * 1000);
    expect(weeks).toBeCloseTo(4, 5);
    expect(exp.history.map((h) => h.event)).toEqual(['submitted', 'authorised']);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The workflow now waits for the first test cycle.
    const entered = await api.eventually(
      () => statesEntered(exp.id),
      (s) => s.includes('WaitForCycle'),
    );
    expect(entered).toEqual(['Start', 'Assess', 'CardDecision', 'BeginTesting', 'WaitForCycle']);
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(exp.id) }));
    expect(execution.status).toBe('RUNNING');
  });
});

describe('the escalation path', () => {
  it('escalates with one reason per rule in card order, notifies the team managers and queues it for them only', async () => {
    // Act
    const res = await api.submit(USERS.sam, outsideCard());

    // Assess
    const exp = res.body as unknown as Exp;
    expect(res.status).toBe(201);
    expect(exp.status).toBe('escalated');
    expect(exp.assessment.reasons.map((r) => [r.rule, r.answer, r.limit])).toEqual([
      ['extraCost', 750, 500],
      ['peopleInvolved', 40, 10],
    ]);
    const messages = await api.eventually(outbox, (m) => m.some((x) => x.experimentId === exp.id));
    expect(messages.filter((m) => m.experimentId === exp.id)).toEqual([
      expect.objectContaining({
        template: 'escalated-to-managers',
        audience: { role: 'manager', team: 'early-help' },
      }),
    ]);
    const sameTeam = await api.queue(USERS.megan);
    const otherTeam = await api.queue(USERS.owen);
    const leaders = await api.queue(USERS.carys);
    expect(sameTeam.body.items.map((e) => e.id)).toContain(exp.id);
    expect(otherTeam.body.items.map((e) => e.id)).not.toContain(exp.id);
    expect(leaders.body.items.map((e) => e.id)).not.toContain(exp.id);
  });

  it('never shows a manager an idea the card authorised', async () => {
    // Prepare
    const auto = (await api.submit(USERS.sam, insideCard())).body as unknown as Exp;

    // Act
    const seen = await api.get(USERS.megan, auto.id);
    const queue = await api.queue(USERS.megan);

    // Assess
    expect(seen.status).toBe(404);
    expect(queue.body.items.map((e) => e.id)).not.toContain(auto.id);
  });

  it('lets a manager of the team approve with conditions, then tells the owner and waits for the first cycle', async () => {
    // Prepare
    const exp = (await api.submit(USERS.sam, outsideCard())).body as unknown as Exp;

    // Act
    const res = await api.decide(USERS.megan, exp.id, {
      outcome: 'approve',
      conditions: 'Keep it to one team for now.',
    });

    // Assess
    const decided = res.body as unknown as Exp;
    expect(res.status).toBe(200);
    expect(decided.status).toBe('authorised');
    expect(decided.authorisation).toMatchObject({ by: 'megan', conditions: 'Keep it to one team for now.' });
    expect(decided.history.map((h) => h.event)).toEqual(['submitted', 'escalated', 'approved']);
    const queue = await api.queue(USERS.megan);
    expect(queue.body.items.map((e) => e.id)).not.toContain(exp.id);
    const messages = await api.eventually(outbox, (m) =>
      m.some((x) => x.experimentId === exp.id && x.template === 'decision-to-owner'),
    );
    expect(messages.filter((m) => m.experimentId === exp.id).map((m) => m.template)).toEqual([
      'escalated-to-managers',
      'decision-to-owner',
    ]);
    const entered = await api.eventually(
      () => statesEntered(exp.id),
      (s) => s.includes('WaitForCycle'),
    );
    expect(entered).toEqual(APPROVED_TO_FIRST_CYCLE);
  });

  it('declines only with a reason, and the decline is final', async () => {
    // Prepare
    const exp = (await api.submit(USERS.sam, outsideCard())).body as unknown as Exp;

    // Act
    const noReason = await api.decide(USERS.megan, exp.id, { outcome: 'decline' });
    const declined = await api.decide(USERS.megan, exp.id, {
      outcome: 'decline',
      reason: 'Too many families at once.',
    });
    const again = await api.decide(USERS.nia, exp.id, { outcome: 'approve' });

    // Assess
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('declined');
    expect(declined.body.decision).toMatchObject({
      outcome: 'decline',
      by: 'megan',
      reason: 'Too many families at once.',
    });
    expect(again.status).toBe(409);
  });

  it('stops a manager deciding their own idea', async () => {
    // Prepare
    const own = (await api.submit(USERS.megan, outsideCard())).body as unknown as Exp;

    // Act
    const res = await api.decide(USERS.megan, own.id, { outcome: 'approve' });
    const queue = await api.queue(USERS.megan);

    // Assess
    expect(res.status).toBe(403);
    expect(queue.body.items.map((e) => e.id)).not.toContain(own.id);
    expect((await api.decide(USERS.nia, own.id, { outcome: 'approve' })).status).toBe(200);
  });
});

describe('the decision race', () => {
  it('gives exactly one 200 and one 409 when two managers decide at the same moment, every time', async () => {
    for (let round = 0; round < 10; round++) {
      // Prepare
      const exp = (await api.submit(USERS.sam, outsideCard())).body as unknown as Exp;

      // Act
      const results = await Promise.all([
        api.decide(USERS.megan, exp.id, { outcome: 'approve' }),
        api.decide(USERS.nia, exp.id, { outcome: 'decline', reason: 'Not now.' }),
      ]);

      // Assess
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)?.body as unknown as Exp;
      const final = (await api.get(USERS.sam, exp.id)).body as unknown as Exp;
      expect(final.status).toBe(winner.status);
      expect(final.history.filter((h) => h.event === 'approved' || h.event === 'declined')).toHaveLength(1);
    }
  });
});

describe('idempotent submission', () => {
  it('returns the same experiment for the same key and body, with no second execution', async () => {
    // Prepare
    const key = crypto.randomUUID();
    const before = (await executions()).length;

    // Act
    const first = await api.submit(USERS.rhys, insideCard(), key);
    const second = await api.submit(USERS.rhys, insideCard(), key);

    // Assess
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect((await executions()).length).toBe(before + 1);
  });

  it('refuses the same key with another body with 422', async () => {
    // Prepare
    const key = crypto.randomUUID();
    await api.submit(USERS.rhys, insideCard(), key);

    // Act
    const res = await api.submit(USERS.rhys, outsideCard(), key);

    // Assess
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('idempotency_key_reused');
  });

  it('requires an Idempotency-Key of 1 to 128 characters', async () => {
    // Act
    const missing = await api.call('POST', '/api/experiments', { as: USERS.rhys, body: insideCard() });
    const tooLong = await api.submit(USERS.rhys, insideCard(), 'k'.repeat(129));

    // Assess
    expect(missing.status).toBe(400);
    expect(missing.body.issues).toEqual([expect.objectContaining({ path: 'idempotency-key' })]);
    expect(tooLong.status).toBe(400);
  });

  it('creates exactly one experiment from fifty concurrent identical requests', async () => {
    // Prepare
    const key = crypto.randomUUID();
    const user = { sub: `burst-${key}`, name: 'Burst Tester', groups: ['staff'], team: 'family-support' };
    await api.token(user);

    // Act
    const results = await Promise.all(Array.from({ length: 50 }, () => api.submit(user, insideCard(), key)));

    // Assess
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const mine = await api.call<{ items: unknown[] }>('GET', '/api/experiments', { as: user });
    expect(mine.body.items).toHaveLength(1);
    const named = (await executions()).filter((e) => e.name === results[0]?.body.id);
    expect(named).toHaveLength(1);
  });
});
