import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '#shared/services/index.ts';
import { client, type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import { parseCsv } from '../support/csv.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';
import { workflowClient } from '../support/workflow.ts';

type Exp = {
  id: string;
  status: string;
  policyVersion: number;
  card: Record<string, unknown>;
  assessment: { decision: string; reasons: { rule: string }[]; policyVersion: number };
  cycles: { number: number; next: string; learned: string }[];
  history: { event: string; status: string; by: string }[];
};

let system: TestSystem;
let api: ReturnType<typeof client>;
let workflow: ReturnType<typeof workflowClient>;

const learningCard = (next: 'adapt' | 'adopt' | 'abandon', extra: Record<string, unknown> = {}) => ({
  result: 'didNotWork',
  observed: 'Only two of the families picked up an evening call.',
  learned: 'Families prefer a text message first, then a call at a time they choose.',
  next,
  ...extra,
});

const cycle = (as: DemoUser, id: string, body: unknown) =>
  api.call('POST', `/api/experiments/${id}/cycles`, { as, body });

const statesEntered = (id: string) => workflow.statesEntered(id);

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system.url);
  workflow = workflowClient(system.endpoints.stepfunctions);
});

afterAll(async () => {
  workflow?.destroy();
  await system?.cleanup();
});

describe('test, fail and iterate cycles', () => {
  it('takes one idea through two failed cycles, a re-escalation on scale-up, approval and adoption', async () => {
    // Prepare
    const exp = (await api.submit(USERS.sam, insideCard())).body as unknown as Exp;
    expect(exp.status).toBe('authorised');

    // Act and assess, step by step
    const first = await cycle(USERS.sam, exp.id, learningCard('adapt'));
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('testing');

    const second = await cycle(USERS.sam, exp.id, learningCard('adapt', { changes: { staffHours: 18 } }));
    expect(second.body.status).toBe('testing');
    expect((second.body as unknown as Exp).card.staffHours).toBe(18);

    const scaleUp = await cycle(
      USERS.sam,
      exp.id,
      learningCard('adapt', { result: 'worked', changes: { peopleInvolved: 40 } }),
    );
    const escalated = scaleUp.body as unknown as Exp;
    expect(escalated.status).toBe('escalated');
    expect(escalated.assessment.reasons.map((r) => r.rule)).toEqual(['peopleInvolved']);
    expect((await api.queue(USERS.megan)).body.items.map((e) => e.id)).toContain(exp.id);

    const tooEarly = await cycle(USERS.sam, exp.id, learningCard('adopt'));
    expect(tooEarly.status).toBe(409);

    const approved = await api.decide(USERS.megan, exp.id, {
      outcome: 'approve',
      conditions: 'Forty families at most.',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('testing');

    const adopted = await cycle(USERS.sam, exp.id, learningCard('adopt', { result: 'worked' }));
    expect(adopted.body.status).toBe('adopted');
    const after = await cycle(USERS.sam, exp.id, learningCard('adapt'));
    expect(after.status).toBe(409);

    const final = (await api.get(USERS.sam, exp.id)).body as unknown as Exp;
    expect(final.cycles.map((c) => [c.number, c.next])).toEqual([
      [1, 'adapt'],
      [2, 'adapt'],
      [3, 'adapt'],
      [4, 'adopt'],
    ]);
    expect(final.history.map((h) => `${h.event}:${h.status}`)).toEqual([
      'submitted:assessing',
      'authorised:authorised',
      'cycleRecorded:testing',
      'cycleRecorded:testing',
      'cycleRecorded:escalated',
      'escalated:escalated',
      'approved:testing',
      'cycleRecorded:adopted',
    ]);
    const entered = await api.eventually(
      () => statesEntered(exp.id),
      (s) => s.includes('Closed'),
    );
    // One wait before each of the four cycles; the re-escalation waits for a manager in between.
    expect(entered.filter((s) => s === 'WaitForCycle')).toHaveLength(4);
    expect(entered).toContain('NotifyManagers');
    expect(entered.at(-1)).toBe('Closed');
  });

  it('re-assesses changes with the experiment’s own policy version, inside the card or not', async () => {
    // Prepare
    const exp = (await api.submit(USERS.rhys, insideCard())).body as unknown as Exp;

    // Act
    const atLimit = await cycle(USERS.rhys, exp.id, learningCard('adapt', { changes: { extraCost: 500 } }));
    const over = await cycle(USERS.rhys, exp.id, learningCard('adapt', { changes: { extraCost: 500.01 } }));

    // Assess
    expect(atLimit.body.status).toBe('testing');
    expect(over.body.status).toBe('escalated');
    expect((over.body as unknown as Exp).assessment.policyVersion).toBe(1);
  });

  it('refuses cycles from anyone but the owner, on the wrong status, and with bad input', async () => {
    // Prepare
    const escalated = (await api.submit(USERS.sam, outsideCard())).body as unknown as Exp;
    const declined = (await api.submit(USERS.sam, outsideCard())).body as unknown as Exp;
    await api.decide(USERS.megan, declined.id, { outcome: 'decline', reason: 'Not this year.' });
    const auto = (await api.submit(USERS.sam, insideCard())).body as unknown as Exp;

    // Act
    const results = {
      otherStaff: (await cycle(USERS.alex, auto.id, learningCard('adapt'))).status,
      managerSameTeam: (await cycle(USERS.megan, escalated.id, learningCard('adapt'))).status,
      managerNeverEscalated: (await cycle(USERS.megan, auto.id, learningCard('adapt'))).status,
      leader: (await cycle(USERS.carys, auto.id, learningCard('adapt'))).status,
      whileEscalated: (await cycle(USERS.sam, escalated.id, learningCard('adapt'))).status,
      afterDecline: (await cycle(USERS.sam, declined.id, learningCard('adapt'))).status,
      changesWithAdopt: (
        await cycle(USERS.sam, auto.id, learningCard('adopt', { changes: { staffHours: 1 } }))
      ).status,
      badResult: (await cycle(USERS.sam, auto.id, { ...learningCard('adapt'), result: 'great' })).status,
      unknownId: (await cycle(USERS.sam, crypto.randomUUID(), learningCard('adapt'))).status,
    };

    // Assess
    expect(results).toEqual({
      otherStaff: 404,
      managerSameTeam: 403,
      managerNeverEscalated: 404,
      leader: 403,
      whileEscalated: 409,
      afterDecline: 409,
      changesWithAdopt: 400,
      badResult: 400,
      unknownId: 404,
    });
    expect(((await api.get(USERS.sam, auto.id)).body as unknown as Exp).cycles).toHaveLength(0);
  });
});

describe('the leaders’ log', () => {
  it('filters by status, team and a word in the learnings, and pages newest first with an opaque cursor', async () => {
    // Prepare
    const team = `log-${crypto.randomUUID().slice(0, 8)}`;
    const member = { sub: `m-${team}`, name: 'Log Tester', groups: ['staff'], team };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(String((await api.submit(member, insideCard())).body.id));
    const word = `zebra${crypto.randomUUID().slice(0, 6)}`;
    await cycle(
      member,
      ids[0] as string,
      learningCard('adapt', { learned: `The ${word} crossing idea worked.` }),
    );

    // Act
    const page1 = await api.call<{ items: { id: string }[]; next: string | null }>(
      'GET',
      `/api/experiments?team=${team}&limit=2`,
      { as: USERS.carys },
    );
    const page2 = await api.call<{ items: { id: string }[]; next: string | null }>(
      'GET',
      `/api/experiments?team=${team}&limit=2&cursor=${encodeURIComponent(page1.body.next ?? '')}`,
      { as: USERS.carys },
    );
    const byWord = await api.call<{ items: { id: string }[] }>(
      'GET',
      `/api/experiments?q=${word.toUpperCase()}`,
      {
        as: USERS.carys,
      },
    );
    const byStatus = await api.call<{ items: { id: string; status: string }[] }>(
      'GET',
      `/api/experiments?team=${team}&status=testing`,
      { as: USERS.carys },
    );
    const today = new Date().toISOString().slice(0, 10);
    const inRange = await api.call<{ items: unknown[] }>(
      'GET',
      `/api/experiments?team=${team}&from=${today}&to=${today}`,
      {
        as: USERS.carys,
      },
    );
    const beforeRange = await api.call<{ items: unknown[] }>(
      'GET',
      `/api/experiments?team=${team}&from=2020-01-01&to=2020-12-31`,
      { as: USERS.carys },
    );

    // Assess
    expect([...page1.body.items, ...page2.body.items].map((e) => e.id)).toEqual([...ids].reverse());
    expect(page1.body.next).not.toBeNull();
    expect(page2.body.next).toBeNull();
    expect(byWord.body.items.map((e) => e.id)).toEqual([ids[0]]);
    expect(byStatus.body.items.map((e) => e.id)).toEqual([ids[0]]);
    expect(inRange.body.items).toHaveLength(3);
    expect(beforeRange.body.items).toHaveLength(0);
  });
});

describe('the dashboard', () => {
  it('answers with figures that match a set of experiments whose numbers are known', async () => {
    // Prepare: a team of its own, so other tests' experiments do not count.
    const team = `dash-${crypto.randomUUID().slice(0, 8)}`;
    const staff = { sub: `s-${team}`, name: 'Dash Staff', groups: ['staff'], team };
    const manager = { sub: `mg-${team}`, name: 'Dash Manager', groups: ['staff', 'manager'], team };
    const autoIds: string[] = [];
    for (let i = 0; i < 3; i++) autoIds.push(String((await api.submit(staff, insideCard())).body.id));
    const approved = String((await api.submit(staff, outsideCard())).body.id);
    const declined = String((await api.submit(staff, outsideCard())).body.id);
    await api.decide(manager, approved, { outcome: 'approve' });
    await api.decide(manager, declined, { outcome: 'decline', reason: 'No budget.' });
    await cycle(staff, autoIds[0] as string, learningCard('adapt'));
    await cycle(staff, autoIds[0] as string, learningCard('adopt', { result: 'worked' }));
    await cycle(staff, autoIds[1] as string, learningCard('abandon'));

    // Act
    const res = await api.call('GET', `/api/dashboard?team=${team}`, { as: USERS.carys });
    const forbidden = await api.call('GET', '/api/dashboard', { as: USERS.megan });
    const badDate = await api.call('GET', '/api/dashboard?from=yesterday', { as: USERS.carys });

    // Assess
    expect(res.status).toBe(200);
    const d = res.body as Record<string, unknown> & {
      totals: Record<string, number>;
      byTeam: unknown[];
      byMonth: unknown[];
    };
    expect(d.submitted).toBe(5);
    expect(d.totals).toEqual({
      assessing: 0,
      authorised: 2,
      escalated: 0,
      declined: 1,
      testing: 0,
      adopted: 1,
      abandoned: 1,
    });
    expect(d.autoAuthorisedRate).toBeCloseTo(3 / 5, 10);
    expect(d.cyclesPerExperiment).toBeCloseTo(3 / 5, 10);
    expect(d.outcomes).toEqual({ adopted: 1, abandoned: 1, testing: 0 });
    expect(d.medianHoursByCard).toBe(0);
    expect(d.medianHoursByManager).toBe(0);
    expect(d.medianHoursToAuthorisation).toBe(0);
    expect(d.byTeam).toEqual([expect.objectContaining({ team, submitted: 5 })]);
    expect(d.byMonth).toEqual([
      expect.objectContaining({ month: new Date().toISOString().slice(0, 7), submitted: 5 }),
    ]);
    expect(forbidden.status).toBe(403);
    expect(badDate.status).toBe(400);
  });
});

describe('the CSV export', () => {
  it('is valid RFC 4180 with formula injection neutralised, for leaders only', async () => {
    // Prepare
    const risky = (
      await api.submit(USERS.sam, {
        ...insideCard(),
        title: '=HYPERLINK("http://evil.example","Click")',
      })
    ).body as unknown as Exp;
    const quoted = (
      await api.submit(USERS.sam, {
        ...insideCard(),
        title: 'Buddies, "peer" support, and more',
      })
    ).body as unknown as Exp;
    await cycle(
      USERS.sam,
      quoted.id,
      learningCard('adapt', { learned: '+44 numbers confused people\nso we used text' }),
    );

    // Act
    const res = await api.call('GET', '/api/export.csv', { as: USERS.carys });
    const staff = await api.call('GET', '/api/export.csv', { as: USERS.sam });

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(String(res.body));
    expect(rows[0]).toEqual([
      'id',
      'title',
      'team',
      'owner',
      'submitted',
      'policy version',
      'decision',
      'reasons',
      'authorised by',
      'authorised at',
      'status',
      'cycles',
      'last learning',
      'closed at',
    ]);
    expect(rows.every((r) => r.length === 14)).toBe(true);
    const riskyRow = rows.find((r) => r[0] === risky.id);
    expect(riskyRow?.[1]).toBe('\'=HYPERLINK("http://evil.example","Click")');
    const quotedRow = rows.find((r) => r[0] === quoted.id);
    expect(quotedRow?.[1]).toBe('Buddies, "peer" support, and more');
    expect(quotedRow?.[11]).toBe('1');
    expect(quotedRow?.[12]).toBe("'+44 numbers confused people\nso we used text");
    expect(quotedRow?.[8]).toBe('card');
    expect(staff.status).toBe(403);
  });
});

describe('card policy versions', () => {
  it('publishes immutable numbered versions for leaders only; old experiments keep theirs for life', async () => {
    // Prepare: an idea escalated under version 1 (extra cost 750 > 500).
    const old = (await api.submit(USERS.sam, insideCard({ extraCost: 750 }))).body as unknown as Exp;
    expect(old.status).toBe('escalated');
    await api.decide(USERS.megan, old.id, { outcome: 'approve' });
    const v2 = {
      thresholds: { extraCost: 1000, peopleInvolved: 10, durationWeeks: 6, staffHours: 20 },
      decisionDeadlineDays: 3,
      reason: 'Teams asked for more room on small costs after the first year.',
    };

    // Act
    const leader = {
      id: 'carys',
      name: 'Carys Morgan',
      team: 'children-services',
      roles: ['leader' as const],
    };
    const preview = await services().policies.preview(leader, v2.thresholds);
    const current = await api.call('GET', '/api/policy', { as: USERS.sam });
    const byStaff = await api.call('POST', '/api/policy', { as: USERS.megan, body: v2 });
    const invalid = await api.call('POST', '/api/policy', {
      as: USERS.carys,
      body: { ...v2, thresholds: { ...v2.thresholds, durationWeeks: 0.5 }, reason: '' },
    });
    const published = await api.call('POST', '/api/policy', { as: USERS.carys, body: v2 });
    const now = await api.call('GET', '/api/policy', { as: USERS.sam });
    const first = await api.call('GET', '/api/policy?version=1', { as: USERS.sam });
    const missing = await api.call('GET', '/api/policy?version=99', { as: USERS.sam });
    const fresh = (await api.submit(USERS.sam, insideCard({ extraCost: 750 }))).body as unknown as Exp;
    const oldChange = await cycle(USERS.sam, old.id, learningCard('adapt', { changes: { extraCost: 800 } }));

    // Assess
    expect(preview.considered).toBeGreaterThan(0);
    expect(preview.authorised + preview.escalated).toBe(preview.considered);
    expect(preview.changed).toContainEqual(
      expect.objectContaining({ id: old.id, was: 'escalated', wouldBe: 'authorised' }),
    );
    expect(current.body).toMatchObject({ version: 1, thresholds: { extraCost: 500 } });
    expect(byStaff.status).toBe(403);
    expect(invalid.status).toBe(400);
    expect((invalid.body.issues as { path: string }[]).map((i) => i.path)).toEqual(
      expect.arrayContaining(['thresholds.durationWeeks', 'reason']),
    );
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      version: 2,
      publishedBy: 'Carys Morgan',
      thresholds: { extraCost: 1000 },
    });
    expect(now.body).toMatchObject({ version: 2 });
    expect(first.body).toMatchObject({ version: 1, thresholds: { extraCost: 500 } });
    expect(missing.status).toBe(404);
    expect(fresh.status).toBe('authorised');
    expect(fresh.policyVersion).toBe(2);
    expect(((await api.get(USERS.sam, old.id)).body as unknown as Exp).policyVersion).toBe(1);
    expect(oldChange.body.status).toBe('escalated');
  });
});
