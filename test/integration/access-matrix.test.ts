import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localJwt } from '#infra/local/local-jwt.ts';
import { client, type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

let system: TestSystem;
let api: ReturnType<typeof client>;
let expiredToken: string;
let foreignToken: string;

type Identity =
  | 'no token'
  | 'expired token'
  | 'another issuer'
  | 'staff owner'
  | 'other staff'
  | 'manager same team'
  | 'manager other team'
  | 'leader'
  | 'governance';
const IDENTITIES: Identity[] = [
  'no token',
  'expired token',
  'another issuer',
  'staff owner',
  'other staff',
  'manager same team',
  'manager other team',
  'leader',
  'governance',
];
const PEOPLE: Partial<Record<Identity, DemoUser>> = {
  'staff owner': USERS.sam,
  'other staff': USERS.alex,
  'manager same team': USERS.megan,
  'manager other team': USERS.owen,
  leader: USERS.carys,
  governance: USERS.gwen,
};

type Route =
  | 'POST /api/experiments'
  | 'GET /api/experiments/{id}'
  | 'GET /api/experiments'
  | 'GET /api/queue'
  | 'POST /api/experiments/{id}/decision'
  | 'POST /api/experiments/{id}/cycles'
  | 'GET /api/dashboard'
  | 'GET /api/export.csv'
  | 'GET /api/policy'
  | 'POST /api/policy'
  | 'GET /api/people/{person}/records'
  | 'POST /api/people/{person}/erasure'
  | 'POST /api/people/{person}/sessions/end'
  | 'POST /api/experiments/{id}/redactions'
  | 'GET /api/audit'
  | 'GET /api/audit/verify'
  | 'GET /api/library'
  | 'GET /api/library/{id}'
  | 'POST /api/library/similar'
  | 'GET /api/library/export.json';

/** Everyone signed in: the learning library is for all. */
const SIGNED_IN_200 = {
  'no token': 401,
  'expired token': 401,
  'another issuer': 401,
  'staff owner': 200,
  'other staff': 200,
  'manager same team': 200,
  'manager other team': 200,
  leader: 200,
  governance: 200,
} as const;

/**
 * The expected status of every cell. The target is an escalated idea owned by staff in early help,
 * except for cycles, whose target is an idea the card authorised (cycles need an authorised idea).
 */
const EXPECTED: Record<Route, Record<Identity, number>> = {
  'POST /api/experiments': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 201,
    'other staff': 201,
    'manager same team': 201,
    'manager other team': 201,
    leader: 403,
    governance: 403,
  },
  'GET /api/experiments/{id}': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 200,
    'other staff': 404,
    'manager same team': 200,
    'manager other team': 404,
    leader: 200,
    governance: 200,
  },
  'GET /api/experiments': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 200,
    'other staff': 200,
    'manager same team': 200,
    'manager other team': 200,
    leader: 200,
    governance: 200,
  },
  'GET /api/queue': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 200,
    'manager other team': 200,
    leader: 200,
    governance: 403,
  },
  'POST /api/experiments/{id}/decision': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 404,
    'manager same team': 200,
    'manager other team': 404,
    leader: 200,
    governance: 403,
  },
  'POST /api/experiments/{id}/cycles': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 201,
    'other staff': 404,
    'manager same team': 404,
    'manager other team': 404,
    leader: 403,
    governance: 403,
  },
  'GET /api/dashboard': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 200,
    governance: 403,
  },
  'GET /api/export.csv': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 200,
    governance: 403,
  },
  'GET /api/policy': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 200,
    'other staff': 200,
    'manager same team': 200,
    'manager other team': 200,
    leader: 200,
    governance: 200,
  },
  'POST /api/policy': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 201,
    governance: 403,
  },
  'GET /api/people/{person}/records': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 403,
    governance: 200,
  },
  'POST /api/people/{person}/erasure': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 403,
    governance: 200,
  },
  'POST /api/people/{person}/sessions/end': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 200,
    governance: 200,
  },
  'POST /api/experiments/{id}/redactions': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 403,
    governance: 200,
  },
  'GET /api/audit': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 403,
    governance: 200,
  },
  'GET /api/audit/verify': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 403,
    governance: 200,
  },
  'GET /api/library': SIGNED_IN_200,
  'GET /api/library/{id}': SIGNED_IN_200,
  'POST /api/library/similar': SIGNED_IN_200,
  'GET /api/library/export.json': {
    'no token': 401,
    'expired token': 401,
    'another issuer': 401,
    'staff owner': 403,
    'other staff': 403,
    'manager same team': 403,
    'manager other team': 403,
    leader: 200,
    governance: 403,
  },
};

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
        },
      });
      expect(tested.status).toBe(201);
    }
    const token = await tokenFor(who);
    const [method, template] = route.split(' ') as [string, string];
    const path = template.replace('{id}', String(target.id)).replace('{person}', person.sub);
    const bodies: Partial<Record<Route, unknown>> = {
      'POST /api/experiments': insideCard(),
      'POST /api/experiments/{id}/decision': { outcome: 'approve', conditions: 'Check in after two weeks.' },
      'POST /api/experiments/{id}/cycles': {
        result: 'worked',
        observed: 'Most families took up the offer.',
        learned: 'An evening call works.',
        next: 'adapt',
      },
      'POST /api/people/{person}/erasure': { reason: 'They asked for their records to be erased.' },
      'POST /api/experiments/{id}/redactions': { field: 'problem', reason: 'A family was named by mistake.' },
      'POST /api/library/similar': { title: 'Evening calls to new referrals' },
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
});
