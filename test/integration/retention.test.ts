import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKey, personRefKey } from '#shared/store/keys.ts';
import { type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import { parseCsv } from '../support/csv.ts';
import { type SystemClients, startSystemClients, stopSystemClients } from '../support/local-system.ts';

/**
 * Retention by the real runtime (#13 point 2): with RETENTION_SECONDS=3 the local system's own
 * schedule anonymises a closed experiment a few seconds after its retainUntil, as the spec says, and
 * after a restart one that fell due while it was down; the dashboard does not move, the CSV says
 * "A former member of staff", the idempotency record and the person references go.
 */

const RETENTION_SECONDS = 3;

type Exp = {
  id: string;
  status: string;
  title: string;
  owner: string | null;
  ownerName: string | null;
  problem: string | null;
  hypothesis: Record<string, string | null>;
  decision?: { by: string | null; byName: string | null; reason?: string | null };
  authorisation?: { by: string | null; conditions?: string | null };
  cycles: {
    result: string;
    observed: string | null;
    learned: string;
    next: string;
    recordedBy: string | null;
  }[];
  history: { by: string | null; byName: string | null; detail?: string | null }[];
  closedAt?: string;
  retainUntil?: string;
  anonymised?: boolean;
  anonymisedAt?: string;
};

let system: SystemClients['system'];
let api: SystemClients['api'];
let table: SystemClients['table'];

const read = async (id: string) => (await api.get(USERS.carys, id)).body as unknown as Exp;

const settled = async (as: DemoUser, id: string) =>
  (
    await api.eventually(
      () => api.get(as, id),
      (r) => r.body.status !== 'assessing',
    )
  ).body as unknown as Exp;

const adopt = (as: DemoUser, id: string) =>
  api.call<Exp>('POST', `/api/experiments/${id}/cycles`, {
    as,
    body: {
      result: 'worked',
      observed: 'Seven of ten families took up the first appointment.',
      learned: 'An evening call the same day works.',
      next: 'adopt',
      incident: 'none',
    },
  });

/** An idea escalated, approved by a manager with conditions, then adopted: every kind of name in it. */
const closedWithEveryName = async (key: string) => {
  const exp = await settled(USERS.sam, String((await api.submit(USERS.sam, outsideCard(), key)).body.id));
  await api.decide(USERS.megan, exp.id, { outcome: 'approve', conditions: 'Tell the families first.' });
  const adopted = await adopt(USERS.sam, exp.id);
  expect(adopted.body.status).toBe('adopted');
  return adopted.body;
};

const anonymised = (id: string, timeoutMs = 15_000) =>
  api.eventually(
    () => read(id),
    (e) => e.anonymised === true,
    timeoutMs,
  );

beforeAll(async () => {
  ({ system, api, table } = await startSystemClients({
    retentionSeconds: RETENTION_SECONDS,
    retentionEveryMs: 500,
  }));
});

afterAll(() => stopSystemClients({ system, table }));

describe('retention', () => {
  it('anonymises an adopted experiment within seconds of its retainUntil, exactly as the spec says', {
    timeout: 60_000,
  }, async () => {
    // Prepare
    const key = randomUUID();
    const closed = await closedWithEveryName(key);
    const dashboardBefore = (await api.call('GET', '/api/dashboard', { as: USERS.carys })).body;
    const idempotencyBefore = await table.get(idempotencyKey('sam', key));
    const referenceBefore = await table.get(personRefKey('megan', closed.id));

    // Act
    const after = await anonymised(closed.id);

    // Assess
    expect(closed.retainUntil).toBe(
      new Date(Date.parse(closed.closedAt ?? '') + RETENTION_SECONDS * 1000).toISOString(),
    );
    expect(after.anonymised).toBe(true);
    const lateBy = Date.parse(after.anonymisedAt ?? '') - Date.parse(closed.retainUntil ?? '');
    expect(lateBy).toBeGreaterThanOrEqual(0);
    expect(lateBy).toBeLessThan(5_000);
    expect(after.owner).toBeNull();
    expect(after.ownerName).toBeNull();
    expect(after.problem).toBeNull();
    expect(Object.values(after.hypothesis)).toEqual([null, null, null, null]);
    expect(after.authorisation).toMatchObject({ by: null, conditions: null });
    expect(after.decision).toMatchObject({ by: null, byName: null });
    expect(after.history.every((h) => h.by === 'card' || (h.by === null && h.byName === null))).toBe(true);
    expect(after.title).toBe(closed.title);
    expect(after.cycles).toEqual([
      expect.objectContaining({
        result: 'worked',
        observed: null,
        learned: 'An evening call the same day works.',
        next: 'adopt',
        recordedBy: null,
      }),
    ]);
    expect(JSON.stringify(after)).not.toMatch(/"(sam|megan)"|Sam Patel|Megan Jones/);
    expect((await api.call('GET', '/api/dashboard', { as: USERS.carys })).body).toEqual(dashboardBefore);
    expect(idempotencyBefore).toBeDefined();
    expect(await table.get(idempotencyKey('sam', key))).toBeUndefined();
    expect(referenceBefore).toBeDefined();
    expect(await table.get(personRefKey('megan', closed.id))).toBeUndefined();
    const own = await api.call<{ items: { id: string }[] }>('GET', '/api/experiments?limit=100', {
      as: USERS.sam,
    });
    expect(own.body.items.map((e) => e.id)).not.toContain(closed.id);
    const csv = parseCsv(String((await api.call('GET', '/api/export.csv', { as: USERS.carys })).body));
    expect(csv.find((row) => row[0] === closed.id)?.slice(1, 4)).toEqual([
      closed.title,
      'early-help',
      'A former member of staff',
    ]);
  });

  it('never undoes it and never does it twice: the same experiment, one audit entry, by the system', {
    timeout: 60_000,
  }, async () => {
    // Prepare
    const declined = await settled(USERS.alex, String((await api.submit(USERS.alex, outsideCard())).body.id));
    const decided = (await api.decide(USERS.nia, declined.id, { outcome: 'decline', reason: 'Not now.' }))
      .body as unknown as Exp;
    const first = await anonymised(declined.id);

    // Act: the schedule runs every half second; give it a few more goes.
    await new Promise((r) => setTimeout(r, 2_000));
    const later = await read(declined.id);
    const entries = await api.call<{ items: { actor: string; action: string; outcome: string }[] }>(
      'GET',
      `/api/audit?target=${declined.id}`,
      { as: USERS.gwen },
    );

    // Assess
    expect(decided.retainUntil).toEqual(expect.any(String));
    expect(first.decision).toMatchObject({ by: null, reason: null });
    expect(later).toEqual(first);
    expect(entries.body.items.filter((e) => e.action === 'anonymisation')).toEqual([
      expect.objectContaining({ actor: 'system', outcome: 'done' }),
    ]);
  });

  it('anonymises, at the next start, an experiment that fell due while the system was down', {
    timeout: 120_000,
  }, async () => {
    // Prepare
    const exp = await settled(USERS.rhys, String((await api.submit(USERS.rhys, insideCard())).body.id));
    const closed = (await adopt(USERS.rhys, exp.id)).body;

    // Act
    await system.stop();
    const dueIn = Date.parse(closed.retainUntil ?? '') - Date.now();
    await new Promise((r) => setTimeout(r, Math.max(0, dueIn) + 1_000));
    await system.restart();
    const restartedAt = Date.now();
    const after = await anonymised(closed.id);

    // Assess
    expect(dueIn).toBeGreaterThan(0);
    expect(after.anonymised).toBe(true);
    expect(Date.now() - restartedAt).toBeLessThan(5_000);
    expect(Date.parse(after.anonymisedAt ?? '')).toBeGreaterThanOrEqual(restartedAt - 1_000);
  });
});
