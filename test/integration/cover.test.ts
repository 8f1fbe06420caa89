import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, londonDate } from '#shared/domain/uk-time.ts';
import { client, type DemoUser, outsideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

/**
 * Manager cover over the real local system: the directory learns managers from their calls, cover is
 * set, listed and ended, the cover manager's queue, reads, decisions and notifications follow it, and
 * it ends by itself when its last day is over (the services' clock is moved on a day, so nothing waits).
 */
const DAY_MS = 24 * 3600 * 1000;
let shiftDays = 0;
const now = () => new Date(Date.now() + shiftDays * DAY_MS);
const day = (offset = 0) => formatIsoDate(londonDate(new Date(now().getTime() + offset * DAY_MS)));

let system: TestSystem;
let api: ReturnType<typeof client>;

interface Exp {
  id: string;
  status: string;
  history: { event: string; by: string; asCoverFor?: string }[];
}
interface CoverBody {
  id: string;
  team: string;
  coverBy: string;
  from: string;
  to: string;
  endedAt?: string;
}

const escalatedIdea = async (as: DemoUser): Promise<Exp> => {
  const id = String((await api.submit(as, outsideCard())).body.id);
  return api.eventually(
    async () => (await api.get(as, id)).body as unknown as Exp,
    (exp) => exp.status === 'escalated',
  );
};

const queueOf = async (as: DemoUser) =>
  (await api.call<{ items: { id: string; asCoverFor?: string }[] }>('GET', '/api/queue', { as })).body.items;

const setCover = (as: DemoUser, body: Record<string, unknown>) =>
  api.call<CoverBody & { message?: string; issues?: { path: string; message: string }[] }>(
    'POST',
    '/api/cover',
    { as, body },
  );

beforeAll(async () => {
  system = await startTestSystem({ now });
  api = client(system.url);
  // The directory knows people from their calls: every manager and Sam call once.
  for (const person of [USERS.megan, USERS.owen, USERS.nia, USERS.gareth, USERS.sam]) {
    expect((await api.call('GET', '/api/policy', { as: person })).status).toBe(200);
  }
});

afterAll(async () => {
  await system?.cleanup();
});

describe('setting cover', () => {
  it('refuses cover that breaks a rule with 400 and a clear message', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ coverBy: 'sam', from: day(), to: day(2) }, 'coverBy', /not a manager/],
      [{ coverBy: 'megan', from: day(), to: day(2) }, 'coverBy', /cannot cover for yourself/],
      [{ coverBy: 'nobody-known', from: day(), to: day(2) }, 'coverBy', /signed in/],
      [{ coverBy: 'owen', from: day(3), to: day(1) }, 'to', /same as or after the first day/],
      [{ coverBy: 'owen', from: day(), to: day(90) }, 'to', /up to 90 days/],
      [{ coverBy: 'owen', from: day(-1), to: day(2) }, 'from', /today or in the future/],
    ];
    for (const [body, path, message] of cases) {
      const res = await setCover(USERS.megan, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.issues?.find((issue) => issue.path === path)?.message).toMatch(message);
    }
  });

  it('lets a manager set cover for their own team only, and a leader for any team', async () => {
    expect((await setCover(USERS.sam, { coverBy: 'owen', from: day(), to: day() })).status).toBe(403);
    const otherTeam = await setCover(USERS.megan, {
      team: 'youth-justice',
      coverBy: 'gareth',
      from: day(),
      to: day(),
    });
    expect(otherTeam.status).toBe(403);

    const set = await setCover(USERS.megan, {
      coverBy: 'owen',
      from: day(),
      to: day(),
      reason: 'Annual leave',
    });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ team: 'early-help', coverBy: 'owen', from: day(), to: day() });

    const overlap = await setCover(USERS.carys, {
      team: 'early-help',
      coverBy: 'gareth',
      from: day(),
      to: day(3),
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.message).toMatch(/already has cover/);

    const byLeader = await setCover(USERS.carys, {
      team: 'family-support',
      coverBy: 'owen',
      from: day(5),
      to: day(6),
    });
    expect(byLeader.status).toBe(201);
    expect(byLeader.body.team).toBe('family-support');
  });

  it('lists cover to the team manager, the cover manager and leaders only', async () => {
    const list = async (as: DemoUser) =>
      (await api.call<{ items: CoverBody[] }>('GET', '/api/cover', { as })).body.items
        .map((c) => c.team)
        .sort();
    expect(await list(USERS.megan)).toEqual(['early-help']);
    expect(await list(USERS.owen)).toEqual(['early-help', 'family-support']);
    expect(await list(USERS.carys)).toEqual(['early-help', 'family-support']);
    expect(await list(USERS.gareth)).toEqual(['family-support']);
    expect((await api.call('GET', '/api/cover', { as: USERS.sam })).status).toBe(403);
  });
});

describe('deciding during cover', () => {
  it("puts the team's escalated cases in the cover manager's queue, marked, and lets them decide", async () => {
    const exp = await escalatedIdea(USERS.sam);

    const queue = await queueOf(USERS.owen);
    expect(queue.find((item) => item.id === exp.id)?.asCoverFor).toBe('early-help');
    expect((await queueOf(USERS.megan)).find((item) => item.id === exp.id)?.asCoverFor).toBeUndefined();
    expect((await api.get(USERS.owen, exp.id)).status).toBe(200);
    // A manager of another team without cover still cannot see it.
    expect((await api.get(USERS.gareth, exp.id)).status).toBe(404);

    const decided = await api.decide(USERS.owen, exp.id, {
      outcome: 'approve',
      reason: 'Covering for Megan.',
    });
    expect(decided.status).toBe(200);
    const history = (decided.body as unknown as Exp).history;
    expect(history.at(-1)).toMatchObject({ event: 'approved', by: 'owen', asCoverFor: 'early-help' });

    const outbox = await api.eventually(
      async () =>
        (
          await api.call<{
            items: { template: string; experimentId: string; audience: { userId?: string } }[];
          }>('GET', '/local/outbox')
        ).body.items.filter((m) => m.experimentId === exp.id && m.template === 'escalated-to-managers'),
      (items) => items.length >= 2,
    );
    expect(outbox.map((m) => m.audience)).toEqual(
      expect.arrayContaining([
        { role: 'manager', team: 'early-help' },
        { userId: 'owen', name: 'Owen Price' },
      ]),
    );
  });

  it('takes the case away from the cover manager the moment cover is over', async () => {
    const exp = await escalatedIdea(USERS.sam);
    expect((await queueOf(USERS.owen)).some((item) => item.id === exp.id)).toBe(true);

    shiftDays += 1; // Cover ran to the end of yesterday.

    expect((await queueOf(USERS.owen)).some((item) => item.id === exp.id)).toBe(false);
    expect((await api.get(USERS.owen, exp.id)).status).toBe(404);
    expect((await api.decide(USERS.owen, exp.id, { outcome: 'approve' })).status).toBe(404);
    // The team's own manager still has it.
    expect((await queueOf(USERS.megan)).some((item) => item.id === exp.id)).toBe(true);
    expect(
      (await api.call<{ items: CoverBody[] }>('GET', '/api/cover', { as: USERS.megan })).body.items,
    ).toEqual([]);
  });
});

describe('ending cover early', () => {
  it('lets the cover manager end it, once, and nobody unrelated; it is audited', async () => {
    const set = await setCover(USERS.megan, { coverBy: 'nia', from: day(), to: day(10) });
    // Nia is a manager of the same team: cover by her is allowed (she is not Megan).
    expect(set.status).toBe(201);
    const id = set.body.id;

    expect((await api.call('DELETE', `/api/cover/${id}`, { as: USERS.gareth })).status).toBe(404);
    expect((await api.call('DELETE', '/api/cover/not-a-uuid', { as: USERS.megan })).status).toBe(404);
    const ended = await api.call<CoverBody>('DELETE', `/api/cover/${id}`, { as: USERS.nia });
    expect(ended.status).toBe(200);
    expect(ended.body.endedAt).toBeTruthy();
    expect((await api.call('DELETE', `/api/cover/${id}`, { as: USERS.megan })).status).toBe(409);
    expect(
      (await api.call<{ items: CoverBody[] }>('GET', '/api/cover', { as: USERS.megan })).body.items,
    ).toEqual([]);

    const audit = async (action: string) =>
      (
        await api.call<{ items: { action: string; target: string; actor: string }[] }>(
          'GET',
          `/api/audit?action=${action}`,
          { as: USERS.gwen },
        )
      ).body.items;
    expect((await audit('coverSet')).find((e) => e.target === id)).toMatchObject({ actor: 'megan' });
    expect((await audit('coverEnded')).find((e) => e.target === id)).toMatchObject({ actor: 'nia' });
  });
});

describe('governance', () => {
  it("finds the directory entry and cover in a person's records, and erases them", async () => {
    const records = await api.call<{ directory: { id: string; team: string } | null; covers: CoverBody[] }>(
      'GET',
      '/api/people/owen/records',
      { as: USERS.gwen },
    );
    expect(records.status).toBe(200);
    expect(records.body.directory).toMatchObject({ id: 'owen', team: 'youth-justice' });
    expect(records.body.covers.map((c) => c.team)).toContain('family-support');

    const erased = await api.call('POST', '/api/people/owen/erasure', {
      as: USERS.gwen,
      body: { reason: 'They left the council and asked to be erased.' },
    });
    expect(erased.status).toBe(200);

    const after = await api.call<{ directory: unknown; covers: CoverBody[] }>(
      'GET',
      '/api/people/owen/records',
      {
        as: USERS.gwen,
      },
    );
    // 404 when nothing at all is held any more; either way, no directory entry and no cover.
    expect([200, 404]).toContain(after.status);
    expect(after.body.directory ?? null).toBeNull();
    expect(after.body.covers ?? []).toEqual([]);
    // Cover by someone erased is no cover, and they cannot be chosen again.
    const list = await api.call<{ items: CoverBody[] }>('GET', '/api/cover', { as: USERS.gareth });
    expect(list.body.items.filter((c) => c.coverBy === 'owen')).toEqual([]);
    expect((await setCover(USERS.gareth, { coverBy: 'owen', from: day(20), to: day(21) })).status).toBe(400);
  });
});

describe('the reason for cover', () => {
  it('is refused when it identifies someone, as other free text is, and kept with a warning when it may narrow someone down', async () => {
    // Prepare: days no other test uses.
    const days = { coverBy: 'gareth', from: day(40), to: day(41) };
    const listed = async () =>
      (await api.call<{ items: CoverBody[] }>('GET', '/api/cover', { as: USERS.carys })).body.items.filter(
        (c) => c.from === days.from,
      );

    // Act
    const phone = await setCover(USERS.megan, { ...days, reason: 'Jo is in hospital, call 07700 900123' });
    const email = await setCover(USERS.megan, { ...days, reason: 'Ask jo.bloggs@example.org' });
    const afterRefusals = await listed();
    const postcode = await setCover(USERS.megan, { ...days, reason: 'Working from the NP25 3XX office' });
    const ended = await api.call('DELETE', `/api/cover/${postcode.body.id}`, { as: USERS.megan });

    // Assess
    expect(phone.status).toBe(400);
    expect(phone.body.issues).toEqual([
      { path: 'reason', message: "Remove the phone number: describe people, don't identify them" },
    ]);
    expect(email.status).toBe(400);
    expect(email.body.message).toBe("Remove the email address: describe people, don't identify them");
    expect(afterRefusals).toEqual([]);
    expect(postcode.status).toBe(201);
    expect(postcode.body).toMatchObject({
      reason: 'Working from the NP25 3XX office',
      warnings: [{ path: 'reason', kind: 'postcode' }],
    });
    expect(ended.status).toBe(200);
  });
});
