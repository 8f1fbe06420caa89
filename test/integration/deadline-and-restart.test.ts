import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, insideCard, outsideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

type Exp = { id: string; status: string; raisedToLeaders: boolean; history: { event: string }[] };

let system: TestSystem;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  system = await startTestSystem({ decisionDeadlineSeconds: 2, reviewPeriodSeconds: 2 });
  api = client(system.url);
});

afterAll(async () => {
  await system?.cleanup();
});

describe('the decision deadline', () => {
  it('raises an undecided case to leaders: still escalated, never approved or declined, and leaders can decide it', async () => {
    // Prepare
    const exp = (await api.submit(USERS.sam, outsideCard())).body as unknown as Exp;
    expect(exp.status).toBe('escalated');

    // Act
    const raised = await api.eventually(
      async () => (await api.get(USERS.sam, exp.id)).body as unknown as Exp,
      (e) => e.raisedToLeaders,
    );

    // Assess
    expect(raised.status).toBe('escalated');
    expect(raised.raisedToLeaders).toBe(true);
    expect(raised.history.map((h) => h.event)).toEqual(['submitted', 'escalated', 'raisedToLeaders']);
    const leaderQueue = await api.queue(USERS.carys);
    expect(leaderQueue.body.items.map((e) => e.id)).toContain(exp.id);
    const managerQueue = await api.queue(USERS.megan);
    expect(managerQueue.body.items.map((e) => e.id)).toContain(exp.id);
    // A second deadline passes while it waits again: still no decision is made for anyone.
    await new Promise((r) => setTimeout(r, 2500));
    expect(((await api.get(USERS.sam, exp.id)).body as unknown as Exp).status).toBe('escalated');
    const decided = await api.decide(USERS.carys, exp.id, { outcome: 'approve' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('authorised');
    expect((await api.queue(USERS.carys)).body.items.map((e) => e.id)).not.toContain(exp.id);
  });
});

describe('the review date', () => {
  it('reminds the owner when the review date passes without a cycle, and the test goes on', async () => {
    // Prepare
    const exp = (await api.submit(USERS.rhys, insideCard())).body as unknown as Exp;
    expect(exp.status).toBe('authorised');

    // Act
    const reminded = await api.eventually(
      async () => (await api.get(USERS.rhys, exp.id)).body as unknown as Exp,
      (e) => e.history.some((h) => h.event === 'reminded'),
    );
    const cycle = await api.call('POST', `/api/experiments/${exp.id}/cycles`, {
      as: USERS.rhys,
      body: {
        result: 'unclear',
        observed: 'Too early to tell.',
        learned: 'We need another fortnight.',
        next: 'adapt',
        incident: 'none',
      },
    });

    // Assess
    expect(reminded.status).toBe('authorised');
    const outbox = (
      await api.call<{ items: { template: string; experimentId: string; audience: unknown }[] }>(
        'GET',
        '/local/outbox',
      )
    ).body.items;
    expect(
      outbox.filter((m) => m.experimentId === exp.id && m.template === 'review-reminder-to-owner')[0],
    ).toMatchObject({
      audience: { userId: 'rhys', name: 'Rhys Evans' },
    });
    expect(cycle.status).toBe(201);
    expect(cycle.body.status).toBe('testing');
  });
});

describe('a restart in the middle of a wait', () => {
  it('keeps escalated ideas decidable and their deadlines firing after a restart', async () => {
    // Prepare: one idea to decide after the restart, one whose deadline falls due while the system is down.
    const decideLater = (await api.submit(USERS.sam, outsideCard())).body as unknown as Exp;
    const letLapse = (await api.submit(USERS.rhys, outsideCard())).body as unknown as Exp;
    const auto = (await api.submit(USERS.sam, insideCard())).body as unknown as Exp;

    // Act
    await system.stop();
    await new Promise((r) => setTimeout(r, 2500));
    await system.restart();
    const decision = await api.decide(USERS.nia, decideLater.id, { outcome: 'approve' });

    // Assess
    expect(decision.status).toBe(200);
    expect(decision.body.status).toBe('authorised');
    const lapsed = await api.eventually(
      async () => (await api.get(USERS.rhys, letLapse.id)).body as unknown as Exp,
      (e) => e.raisedToLeaders,
    );
    expect(lapsed.raisedToLeaders).toBe(true);
    expect(lapsed.status).toBe('escalated');
    expect(((await api.get(USERS.sam, auto.id)).body as unknown as Exp).status).toBe('authorised');
  });
});
