import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localJwt } from '#infra/local/local-jwt.ts';
import { addDays, formatIsoDate, londonDate } from '#shared/domain/uk-time.ts';
import { client, type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';
import { EXPECTED, IDENTITIES, type Identity, PEOPLE, type Route } from './access-matrix-table.ts';

let system: TestSystem;
let api: ReturnType<typeof client>;
let expiredToken: string;
let foreignToken: string;

const today = (offsetDays = 0) => formatIsoDate(addDays(londonDate(new Date()), offsetDays));

/** Who each manager and the leader names as cover in `POST /api/cover`. */
const COVER_BY: Partial<Record<Identity, string>> = {
  'manager same team': 'owen',
  'manager other team': 'megan',
  leader: 'owen',
};

/** A day of early help's cover no other cell uses, for the cover a `DELETE` cell ends. */
let coverDay = 10;

const freshPerson = (): DemoUser => {
  const sub = `person-${crypto.randomUUID().slice(0, 8)}`;
  return { sub, name: `Person ${sub}`, groups: ['staff'], team: 'early-help' };
};

const tokenFor = async (who: Identity): Promise<string | undefined> => {
  if (who === 'no token') return undefined;
  if (who === 'expired token') return expiredToken;
  if (who === 'another issuer') return foreignToken;
  const person = PEOPLE[who];
  return person ? api.token(person) : undefined;
};

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system.url);
  // Cover can only be given to managers the directory knows: it learns them from their calls.
  for (const manager of [USERS.megan, USERS.owen, USERS.nia])
    await api.call('GET', '/api/policy', { as: manager });
  const jwt = await localJwt(join(system.dataDir, 'local-jwt-key.json'));
  expiredToken = await jwt.issue(USERS.sam, -60);
  const { privateKey } = await generateKeyPair('ES256');
  foreignToken = await new SignJWT({
    name: 'Sam Patel',
    'cognito:groups': ['leader'],
    'custom:team': 'early-help',
  })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('sam')
    .setIssuer('https://someone-else.example/issuer')
    .setAudience('fail-forward-local')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
});

afterAll(async () => {
  await system?.cleanup();
});

const cells = (Object.keys(EXPECTED) as Route[]).flatMap((route) =>
  IDENTITIES.map((who) => [route, who, EXPECTED[route][who]] as const),
);

describe('the access matrix', () => {
  it.each(cells)('%s as %s answers %i', async (route, who, expected) => {
    // Prepare: a fresh escalated idea for each cell, so decisions never see an earlier cell's result;
    // the people routes name a fresh person who submitted it, so erasure touches nobody else.
    const cycles = route.endsWith('cycles');
    // A library entry's target is an idea being tested: the library holds no escalated idea.
    const entry = route === 'GET /api/library/{id}';
    const person = route.includes('{person}') ? freshPerson() : USERS.sam;
    const target = (await api.submit(person, cycles || entry ? insideCard() : outsideCard())).body;
    expect(target.status).toBe(cycles || entry ? 'authorised' : 'escalated');
    if (entry) {
      const tested = await api.call('POST', `/api/experiments/${String(target.id)}/cycles`, {
        as: person,
        body: {
          result: 'worked',
          observed: 'Most took it up.',
          learned: 'Evening calls work.',
          next: 'adapt',
          incident: 'none',
        },
      });
      expect(tested.status).toBe(201);
    }
    const token = await tokenFor(who);
    const [method, template] = route.split(' ') as [string, string];
    let coverId = '';
    if (route === 'DELETE /api/cover/{cover}') {
      const day = today(coverDay++);
      const cover = await api.call('POST', '/api/cover', {
        as: USERS.carys,
        body: { team: 'early-help', coverBy: 'nia', from: day, to: day },
      });
      expect(cover.status).toBe(201);
      coverId = String(cover.body.id);
    }
    const path = template
      .replace('{id}', String(target.id))
      .replace('{person}', person.sub)
      .replace('{cover}', coverId);
    const bodies: Partial<Record<Route, unknown>> = {
      'POST /api/experiments': insideCard(),
      'POST /api/experiments/{id}/decision': { outcome: 'approve', conditions: 'Check in after two weeks.' },
      'POST /api/experiments/{id}/cycles': {
        result: 'worked',
        observed: 'Most families took up the offer.',
        learned: 'An evening call works.',
        next: 'adapt',
        incident: 'none',
      },
      'POST /api/people/{person}/erasure': { reason: 'They asked for their records to be erased.' },
      'POST /api/experiments/{id}/redactions': { field: 'problem', reason: 'A family was named by mistake.' },
      'POST /api/library/similar': { title: 'Evening calls to new referrals' },
      'POST /api/cover': { coverBy: COVER_BY[who] ?? 'owen', from: today(), to: today() },
      // The printed card's thresholds again: a new version that changes nothing for later cells.
      'POST /api/policy': {
        thresholds: { extraCost: 500, peopleInvolved: 10, durationWeeks: 6, staffHours: 20 },
        decisionDeadlineDays: 5,
        reason: 'Re-published unchanged to check who may publish.',
      },
    };
    const body = bodies[route];

    // Act
    const res = await api.call(method, path, {
      ...(token ? { token } : {}),
      ...(body ? { body } : {}),
      headers: route === 'POST /api/experiments' ? { 'idempotency-key': crypto.randomUUID() } : {},
    });

    // Assess
    expect(res.status).toBe(expected);
    expect(typeof res.body.error === 'string' || res.status < 300).toBe(true);
  });

  it('gives staff only their own experiments in the list, and leaders everyone’s', async () => {
    // Prepare
    const own = (await api.submit(USERS.alex, insideCard())).body;

    // Act
    const alex = await api.call<{ items: { owner: string }[] }>('GET', '/api/experiments?limit=100', {
      as: USERS.alex,
    });
    const leader = await api.call<{ items: { id: string }[] }>('GET', '/api/experiments?limit=100', {
      as: USERS.carys,
    });

    // Assess
    expect(alex.body.items.length).toBeGreaterThan(0);
    expect(alex.body.items.every((e) => e.owner === 'alex')).toBe(true);
    expect(leader.body.items.map((e) => e.id)).toContain(own.id);
    expect(
      new Set(leader.body.items.map((e) => (e as unknown as { owner: string }).owner)).size,
    ).toBeGreaterThan(1);
  });

  it("gives a cover manager the team's escalated cases while cover runs, and not a moment after it ends", async () => {
    // Prepare: Megan (early help) covers family support today; Ffion's idea there is escalated.
    const cover = await api.call('POST', '/api/cover', {
      as: USERS.carys,
      body: { team: 'family-support', coverBy: 'megan', from: today(), to: today() },
    });
    const ffion = (await api.submit(USERS.ffion, outsideCard())).body;
    const id = String(ffion.id);

    // Act: read during cover, then end the cover early and try again.
    const during = await api.get(USERS.megan, id);
    const queued = (await api.queue(USERS.megan)).body.items as { id: string; asCoverFor?: string }[];
    const notCovering = await api.get(USERS.owen, id);
    const ended = await api.call('DELETE', `/api/cover/${String(cover.body.id)}`, { as: USERS.gareth });
    const after = await api.get(USERS.megan, id);
    const decideAfter = await api.decide(USERS.megan, id, { outcome: 'approve' });
    const queuedAfter = (await api.queue(USERS.megan)).body.items;

    // Assess
    expect(cover.status).toBe(201);
    expect(ffion.status).toBe('escalated');
    expect(during.status).toBe(200);
    expect(queued.find((item) => item.id === id)?.asCoverFor).toBe('family-support');
    expect(notCovering.status).toBe(404);
    expect(ended.status).toBe(200);
    expect(after.status).toBe(404);
    expect(decideAfter.status).toBe(404);
    expect(queuedAfter.some((item) => item.id === id)).toBe(false);
  });
});
