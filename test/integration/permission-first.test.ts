import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

/**
 * Who may act is decided before the body is read: a caller who may not act learns nothing from the
 * schema. Every route with a body, sent bodies that are refused in every way a body can be (an empty
 * object, a wrong field, JSON that does not parse, another content type), by callers who may not act.
 */
let system: TestSystem;
let api: ReturnType<typeof client>;
let escalated: string;
let authorised: string;

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system.url);
  escalated = String((await api.submit(USERS.sam, outsideCard())).body.id);
  authorised = String((await api.submit(USERS.sam, insideCard())).body.id);
});

afterAll(async () => {
  await system?.cleanup();
});

interface BadBody {
  name: string;
  send: { body?: unknown; rawBody?: string; headers?: Record<string, string> };
}

const BAD_BODIES: BadBody[] = [
  { name: 'an empty object', send: { body: {} } },
  { name: 'an unknown field', send: { body: { outcome: 'maybe', by: 'someone' } } },
  {
    name: 'JSON that does not parse',
    send: { rawBody: '{"title": ', headers: { 'content-type': 'application/json' } },
  },
  {
    name: 'a form instead of JSON',
    send: { rawBody: 'title=hello', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  },
];

type Target = 'escalated' | 'authorised';

interface Case {
  route: string;
  path: (target: string) => string;
  target: Target;
  who: DemoUser;
  why: string;
  expected: 403 | 404;
}

const CASES: Case[] = [
  {
    route: 'POST /api/policy',
    path: () => '/api/policy',
    target: 'escalated',
    who: USERS.sam,
    why: 'staff may not publish',
    expected: 403,
  },
  {
    route: 'POST /api/policy',
    path: () => '/api/policy',
    target: 'escalated',
    who: USERS.megan,
    why: 'managers may not publish',
    expected: 403,
  },
  {
    route: 'POST /api/experiments',
    path: () => '/api/experiments',
    target: 'escalated',
    who: USERS.carys,
    why: 'a leader alone does not submit',
    expected: 403,
  },
  {
    route: 'POST /api/experiments/{id}/decision',
    path: (id) => `/api/experiments/${id}/decision`,
    target: 'escalated',
    who: USERS.alex,
    why: 'other staff cannot see it',
    expected: 404,
  },
  {
    route: 'POST /api/experiments/{id}/decision',
    path: (id) => `/api/experiments/${id}/decision`,
    target: 'escalated',
    who: USERS.owen,
    why: 'a manager of another team cannot see it',
    expected: 404,
  },
  {
    route: 'POST /api/experiments/{id}/decision',
    path: (id) => `/api/experiments/${id}/decision`,
    target: 'escalated',
    who: USERS.sam,
    why: 'the owner sees it but may not decide it',
    expected: 403,
  },
  {
    route: 'POST /api/experiments/{id}/cycles',
    path: (id) => `/api/experiments/${id}/cycles`,
    target: 'authorised',
    who: USERS.alex,
    why: 'other staff cannot see it',
    expected: 404,
  },
  {
    route: 'POST /api/experiments/{id}/cycles',
    path: (id) => `/api/experiments/${id}/cycles`,
    target: 'authorised',
    who: USERS.megan,
    why: 'a manager does not see what the card authorised',
    expected: 404,
  },
  {
    route: 'POST /api/experiments/{id}/cycles',
    path: (id) => `/api/experiments/${id}/cycles`,
    target: 'authorised',
    who: USERS.carys,
    why: 'a leader sees it but only the owner records cycles',
    expected: 403,
  },
  {
    route: 'POST /api/experiments/{id}/cycles',
    path: (id) => `/api/experiments/${id}/cycles`,
    target: 'escalated',
    who: USERS.megan,
    why: 'a manager of the team sees it but only the owner records cycles',
    expected: 403,
  },
  {
    route: 'POST /api/experiments/{id}/redactions',
    path: (id) => `/api/experiments/${id}/redactions`,
    target: 'escalated',
    who: USERS.carys,
    why: 'a leader sees it but only governance removes text',
    expected: 403,
  },
  {
    route: 'POST /api/experiments/{id}/redactions',
    path: (id) => `/api/experiments/${id}/redactions`,
    target: 'escalated',
    who: USERS.sam,
    why: 'the owner may not remove text either',
    expected: 403,
  },
  {
    route: 'POST /api/people/{id}/erasure',
    path: () => '/api/people/sam/erasure',
    target: 'escalated',
    who: USERS.carys,
    why: 'only governance erases',
    expected: 403,
  },
  {
    route: 'POST /api/people/{id}/erasure',
    path: () => '/api/people/sam/erasure',
    target: 'escalated',
    who: USERS.sam,
    why: 'nobody erases themselves',
    expected: 403,
  },
  {
    route: 'POST /api/people/{id}/erasure',
    path: () => '/api/people/nobody-at-all/erasure',
    target: 'escalated',
    who: USERS.gwen,
    why: 'governance, but nothing is held about that person',
    expected: 404,
  },
];

const cells = CASES.flatMap((c) => BAD_BODIES.map((bad) => [c.route, c.why, bad.name, c, bad] as const));

describe('permission before validation', () => {
  it.each(cells)('%s (%s) with %s', async (_route, _why, _body, c, bad) => {
    // Prepare
    const id = c.target === 'escalated' ? escalated : authorised;
    const headers = { 'idempotency-key': crypto.randomUUID(), ...bad.send.headers };

    // Act
    const res = await api.call('POST', c.path(id), { as: c.who, ...bad.send, headers });

    // Assess
    expect(res.status).toBe(c.expected);
    expect(res.body.error).toBe(c.expected === 403 ? 'forbidden' : 'not_found');
    expect(res.body.issues).toBeUndefined();
  });

  it('still validates the body of someone who may act', async () => {
    // Act
    const policy = await api.call('POST', '/api/policy', { as: USERS.carys, body: {} });
    const decision = await api.decide(USERS.megan, escalated, { outcome: 'maybe' });
    const cycle = await api.call('POST', `/api/experiments/${authorised}/cycles`, {
      as: USERS.sam,
      body: {},
    });
    const erasure = await api.call('POST', '/api/people/sam/erasure', { as: USERS.gwen, body: {} });
    const redaction = await api.call('POST', `/api/experiments/${escalated}/redactions`, {
      as: USERS.gwen,
      body: { field: 'problem' },
    });

    // Assess
    for (const res of [policy, decision, cycle, erasure, redaction]) {
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('bad_request');
      expect((res.body.issues as unknown[]).length).toBeGreaterThan(0);
    }
    expect((await api.get(USERS.sam, escalated)).body.status).toBe('escalated');
  });
});
