import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financialYear } from '#shared/domain/allowance.ts';
import { POLICY_V1 } from '#shared/domain/card.ts';
import { client, type DemoUser, insideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

/**
 * The innovation allowance over the real local system: the card draws what it authorises, in the
 * Assess task's own write; an idea over what is left is escalated with the allowance's reason after the
 * card's rows; an adapt draws only the increase; an approval never draws; a new policy keeps what was
 * drawn; a new financial year starts at nothing drawn (the services' clock moves on a year).
 */
const YEAR_MS = 366 * 24 * 3600 * 1000;
let shiftYears = 0;
const now = () => new Date(Date.now() + shiftYears * YEAR_MS);

let system: TestSystem;
let api: ReturnType<typeof client>;

interface Reason {
  rule: string;
  answer: number;
  limit: number;
  message: string;
}
interface Exp {
  id: string;
  status: string;
  assessment?: { decision: string; reasons: Reason[] };
}
interface Row {
  team: string;
  year: string;
  allowance: number;
  drawn: number;
  left: number;
}

const publish = (allowance: Record<string, number>) =>
  api.call('POST', '/api/policy', {
    as: USERS.carys,
    body: {
      thresholds: POLICY_V1.thresholds,
      decisionDeadlineDays: 5,
      reason: 'Give teams an innovation allowance.',
      allowance,
    },
  });

const settled = async (as: DemoUser, id: string, not = 'assessing'): Promise<Exp> =>
  api.eventually(
    async () => (await api.get(as, id)).body as unknown as Exp,
    (exp) => exp.status !== not,
  );

const submitted = async (extraCost: number): Promise<Exp> =>
  settled(USERS.rhys, String((await api.submit(USERS.rhys, insideCard({ extraCost }))).body.id));

const youthJustice = async (): Promise<Row | undefined> =>
  (await api.call<Row[]>('GET', '/api/allowance', { as: USERS.owen })).body.find(
    (r) => r.team === 'youth-justice',
  );

const adapt = (id: string, extraCost: number) =>
  api.call<Exp>('POST', `/api/experiments/${id}/cycles`, {
    as: USERS.rhys,
    body: {
      result: 'unclear',
      observed: 'Families took it up slowly.',
      learned: 'It needs a little more money.',
      next: 'adapt',
      incident: 'none',
      changes: { extraCost },
    },
  });

beforeAll(async () => {
  system = await startTestSystem({ now });
  api = client(system.url);
});

afterAll(async () => {
  await system?.cleanup();
});

describe('the innovation allowance', () => {
  let first: Exp;

  it('is published with the policy and read back', async () => {
    expect((await publish({ 'youth-justice': 800, 'early-help': 5000 })).status).toBe(201);
    const policy = await api.call<{ allowance?: Record<string, number> }>('GET', '/api/policy', {
      as: USERS.sam,
    });
    expect(policy.body.allowance).toEqual({ 'youth-justice': 800, 'early-help': 5000 });
    const refused = await api.call('POST', '/api/policy', {
      as: USERS.carys,
      body: {
        thresholds: POLICY_V1.thresholds,
        decisionDeadlineDays: 5,
        reason: 'Bad one.',
        allowance: { x: -1 },
      },
    });
    expect(refused.status).toBe(400);
  });

  it('draws what the card authorises', async () => {
    first = await submitted(250);
    expect(first.status).toBe('authorised');
    expect(await youthJustice()).toEqual({
      team: 'youth-justice',
      year: financialYear(now()).label,
      allowance: 800,
      drawn: 250,
      left: 550,
    });
  });

  it('draws only the increase of an adapt the card authorises', async () => {
    const res = await adapt(first.id, 300);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('testing');
    expect((await youthJustice())?.drawn).toBe(300);
  });

  it('never draws for an idea a manager approves', async () => {
    const escalated = await submitted(700);
    expect(escalated.status).toBe('escalated');
    // Over the card's own limit and over what is left: the card's row first, the allowance's after it.
    expect(escalated.assessment?.reasons.map((r) => r.rule)).toEqual(['extraCost', 'allowance']);
    expect((await api.decide(USERS.owen, escalated.id, { outcome: 'approve' })).status).toBe(200);
    expect((await youthJustice())?.drawn).toBe(300);
  });

  it('escalates an idea over what is left, with the allowance reason after the card rows', async () => {
    expect((await submitted(450)).status).toBe('authorised');
    expect(await youthJustice()).toMatchObject({ drawn: 750, left: 50 });

    const over = await submitted(300);
    expect(over.status).toBe('escalated');
    const reasons = over.assessment?.reasons ?? [];
    expect(reasons.at(-1)).toMatchObject({ rule: 'allowance', answer: 300, limit: 50 });
    expect(reasons.at(-1)?.message).toBe(
      "Innovation allowance: £300 in total, above the £50 left in the team's allowance for this year",
    );
    expect((await youthJustice())?.drawn).toBe(750);
  });

  it('escalates an adapt whose increase goes over what is left, drawing nothing', async () => {
    const res = await adapt(first.id, 400);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('escalated');
    expect(res.body.assessment?.reasons.at(-1)).toMatchObject({ rule: 'allowance', answer: 400, limit: 50 });
    expect((await youthJustice())?.drawn).toBe(750);
  });

  it('keeps what was drawn when a new policy changes the allowance', async () => {
    expect((await publish({ 'youth-justice': 2000 })).status).toBe(201);
    expect(await youthJustice()).toMatchObject({ allowance: 2000, drawn: 750, left: 1250 });
  });

  it('shows a manager their own team and a leader every team, and staff nothing', async () => {
    expect((await publish({ 'youth-justice': 2000, 'early-help': 5000 })).status).toBe(201);
    const own = await api.call<Row[]>('GET', '/api/allowance', { as: USERS.owen });
    expect(own.body.map((r) => r.team)).toEqual(['youth-justice']);
    const all = await api.call<Row[]>('GET', '/api/allowance', { as: USERS.carys });
    expect(all.body.map((r) => r.team)).toEqual(['early-help', 'youth-justice']);
    expect((await api.call('GET', '/api/allowance', { as: USERS.rhys })).status).toBe(403);
  });

  it('starts a new financial year at nothing drawn', async () => {
    shiftYears = 1;
    expect(await youthJustice()).toMatchObject({
      year: financialYear(now()).label,
      allowance: 2000,
      drawn: 0,
      left: 2000,
    });
    expect((await submitted(100)).status).toBe('authorised');
    expect((await youthJustice())?.drawn).toBe(100);
  });
});
