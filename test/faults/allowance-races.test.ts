import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_V1 } from '#shared/domain/card.ts';
import { client, type DemoUser, insideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

/**
 * Ideas racing for the last of an innovation allowance, over the real local system: the Assess task of
 * each draws in its own transaction, on condition that the balance leaves room, and the loser is
 * assessed again. Each run is a team of its own, so runs never share a balance.
 */
const RUNS = 50;
/** Twenty at once against room for ten: each run is twenty workflows, so fewer runs. */
const CROWD_RUNS = 10;
const CROWD = 20;

let system: TestSystem;
let api: ReturnType<typeof client>;

interface Exp {
  id: string;
  status: string;
  assessment?: { reasons: { rule: string; limit: number }[] };
}
interface Row {
  team: string;
  drawn: number;
  left: number;
}

const pairTeam = (run: number) => `race-pair-${run}`;
const crowdTeam = (run: number) => `race-crowd-${run}`;

const staffOf = (team: string): DemoUser => {
  const sub = `race-${randomUUID().slice(0, 8)}`;
  return { sub, name: `Person ${sub}`, groups: ['staff'], team };
};

/** Submits an idea costing `extraCost` and waits for the card's answer. */
const assessed = async (as: DemoUser, extraCost: number): Promise<Exp> => {
  const submitted = (await api.submit(as, insideCard({ extraCost }))).body as unknown as Exp;
  return api.eventually(
    async () => (await api.get(as, submitted.id)).body as unknown as Exp,
    (exp) => exp.status !== 'assessing',
    180_000,
  );
};

const balances = async (): Promise<Map<string, Row>> => {
  const rows = (await api.call<Row[]>('GET', '/api/allowance', { as: USERS.carys })).body;
  return new Map(rows.map((row) => [row.team, row]));
};

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system.url);
  const allowance: Record<string, number> = {};
  for (let run = 0; run < RUNS; run++) allowance[pairTeam(run)] = 300;
  for (let run = 0; run < CROWD_RUNS; run++) allowance[crowdTeam(run)] = 1000;
  const published = await api.call('POST', '/api/policy', {
    as: USERS.carys,
    body: {
      thresholds: POLICY_V1.thresholds,
      decisionDeadlineDays: 5,
      reason: 'Allowances for the races.',
      allowance,
    },
  });
  expect(published.status).toBe(201);
});

afterAll(async () => {
  await system?.cleanup();
});

// Each run waits for real workflows: minutes in all on a shared machine.
describe('racing for the last of an allowance', { timeout: 1_200_000 }, () => {
  it(`authorises and draws exactly one of two £250 ideas for the last £300, ${RUNS} times`, async () => {
    const outcomes: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const team = pairTeam(run);
      const pair = await Promise.all([assessed(staffOf(team), 250), assessed(staffOf(team), 250)]);
      const statuses = pair.map((exp) => exp.status).sort();
      outcomes.push(statuses.join('+'));
      expect(statuses, `run ${run}`).toEqual(['authorised', 'escalated']);
      const loser = pair.find((exp) => exp.status === 'escalated');
      expect(loser?.assessment?.reasons.at(-1)).toMatchObject({ rule: 'allowance', limit: 50 });
    }
    const rows = await balances();
    for (let run = 0; run < RUNS; run++) {
      expect(rows.get(pairTeam(run)), `run ${run}`).toMatchObject({ drawn: 250, left: 50 });
    }
    console.info(`allowance pair races: ${JSON.stringify(countOf(outcomes))} over ${RUNS} runs`);
  });

  it(`never draws more than it holds with ${CROWD} ideas at once, ${CROWD_RUNS} times`, async () => {
    const authorisedCounts: number[] = [];
    for (let run = 0; run < CROWD_RUNS; run++) {
      const team = crowdTeam(run);
      const crowd = await Promise.all(Array.from({ length: CROWD }, () => assessed(staffOf(team), 100)));
      const authorised = crowd.filter((exp) => exp.status === 'authorised').length;
      authorisedCounts.push(authorised);
      // £100 each against £1,000: ten fit, and every one that did not is escalated for the allowance.
      expect(crowd.map((exp) => exp.status).filter((s) => s !== 'authorised' && s !== 'escalated')).toEqual(
        [],
      );
      expect(authorised, `run ${run}`).toBe(10);
      for (const exp of crowd.filter((e) => e.status === 'escalated')) {
        expect(exp.assessment?.reasons.at(-1)?.rule).toBe('allowance');
      }
    }
    const rows = await balances();
    for (let run = 0; run < CROWD_RUNS; run++) {
      expect(rows.get(crowdTeam(run)), `run ${run}`).toMatchObject({ drawn: 1000, left: 0 });
    }
    console.info(`allowance crowd races: authorised per run ${JSON.stringify(authorisedCounts)}`);
  });
});

const countOf = (values: string[]) =>
  values.reduce<Record<string, number>>((counts, value) => {
    counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  }, {});
