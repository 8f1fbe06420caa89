import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countItems, executionNames, inPool } from '../faults/fault-support.ts';
import { client, type DemoUser, insideCard, outsideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';
import {
  type FuzzRoute,
  isValidFor,
  type Json,
  malformedJson,
  ROUTES,
  refusedBody,
  UNICODE_EDGES,
  validDraft,
} from './bodies.ts';

const BODIES = 1000;
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const CONCURRENCY = 4;
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonp',
  'json',
];
// A stack trace, a file path or an internal error name in a response would tell an attacker how we are built.
const LEAK =
  /\bat .+:\d+:\d+|node_modules|\.ts:\d+|\bTypeError\b|\bReferenceError\b|\bZodError\b|ValidationException/;

let system: TestSystem;
let api: ReturnType<typeof client>;
const targets: Record<keyof typeof ROUTES, { path: string; as: DemoUser }> = {
  experiments: { path: '/api/experiments', as: USERS.sam },
  decision: { path: '', as: USERS.megan },
  cycles: { path: '', as: USERS.sam },
  policy: { path: '/api/policy', as: USERS.carys },
  similar: { path: '/api/library/similar', as: USERS.alex },
  erasure: { path: '/api/people/sam/erasure', as: USERS.gwen },
  redactions: { path: '', as: USERS.gwen },
};

interface Sent {
  status: number;
  text: string;
}

const send = async (
  target: { path: string; as: DemoUser },
  body: string,
  contentType = 'application/json',
): Promise<Sent> => {
  const res = await fetch(`${system.url}${target.path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await api.token(target.as)}`,
      'content-type': contentType,
      'idempotency-key': randomUUID(),
    },
    body,
  });
  return { status: res.status, text: await res.text() };
};

/** Refused as bad input, with a JSON error and nothing about our insides. */
const expectRefused = (sent: Sent, what: string) => {
  const context = `${what} → ${sent.status} ${sent.text.slice(0, 300)}`;
  expect([400, 413, 422], context).toContain(sent.status);
  expect(sent.text, context).not.toMatch(LEAK);
  const parsed = JSON.parse(sent.text) as { error?: unknown; message?: unknown };
  expect(typeof parsed.error, context).toBe('string');
  expect(typeof parsed.message, context).toBe('string');
};

const traces = () => Promise.all([countItems(system.endpoints), executionNames(system.endpoints)]);

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system.url);
  const escalated = (await api.submit(USERS.sam, outsideCard())).body as { id: string };
  const authorised = (await api.submit(USERS.sam, insideCard())).body as { id: string };
  targets.decision.path = `/api/experiments/${escalated.id}/decision`;
  targets.cycles.path = `/api/experiments/${authorised.id}/cycles`;
  targets.redactions.path = `/api/experiments/${escalated.id}/redactions`;
  // The submissions' workflows park before the fuzzing counts the table.
  await api.eventually(
    () => Promise.all([api.get(USERS.sam, escalated.id), api.get(USERS.sam, authorised.id)]),
    ([e, a]) => e.body.status === 'escalated' && a.body.status === 'authorised',
  );
  // Each fuzzing identity has been seen once: the people directory's entry a first request writes is
  // not something a refused body stored.
  for (const who of new Set(Object.values(targets).map((t) => t.as)))
    await api.call('GET', '/api/library', { as: who });
  await new Promise((r) => setTimeout(r, 1000));
});

afterAll(async () => {
  await system?.cleanup();
});

describe.each(Object.keys(ROUTES) as (keyof typeof ROUTES)[])('fuzzing %s', (key) => {
  const route: FuzzRoute = ROUTES[key];

  it(`refuses ${BODIES} generated bodies the schema refuses, never with a 5xx, and stores nothing`, {
    timeout: 120_000,
  }, async () => {
    // Prepare
    const before = await traces();
    const bodies = fc.sample(refusedBody(route), { numRuns: BODIES, seed: SEED });

    // Act
    const answers = await inPool(bodies.length, CONCURRENCY, (i) =>
      send(targets[key], JSON.stringify(bodies[i] as Json)),
    );

    // Assess
    answers.forEach((sent, i) => {
      expectRefused(sent, `${route.name} ${JSON.stringify(bodies[i]).slice(0, 300)}`);
    });
    expect(await traces()).toEqual(before);
  });

  it('refuses malformed JSON, other content types and bodies over 1 MB, and stores nothing', {
    timeout: 120_000,
  }, async () => {
    // Prepare
    const before = await traces();
    const malformed = fc.sample(malformedJson(), { numRuns: 100, seed: SEED });
    const valid = JSON.stringify(fc.sample(route.valid(), { numRuns: 1, seed: SEED })[0]);
    const big = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 1) });
    const bigValidShape = JSON.stringify({ ...insideCard(), problem: '\u00e9'.repeat(600 * 1024) });

    // Act
    const badJson = await inPool(malformed.length, CONCURRENCY, (i) =>
      send(targets[key], malformed[i] as string),
    );
    const wrongType = await inPool(CONTENT_TYPES.length, CONCURRENCY, (i) =>
      send(targets[key], valid, CONTENT_TYPES[i]),
    );
    const tooBig = await send(targets[key], big);
    // 600 K two-byte characters: under 1 M characters, over 1 MB of UTF-8.
    const tooBigInBytes = await send(targets[key], bigValidShape);
    const overGatewayLimit = await send(targets[key], 'x'.repeat(11 * 1024 * 1024));

    // Assess
    badJson.forEach((sent, i) => {
      expect(sent.status, JSON.stringify(malformed[i])).toBe(400);
      expectRefused(sent, `malformed ${JSON.stringify(malformed[i])}`);
    });
    wrongType.forEach((sent, i) => {
      expect(sent.status, CONTENT_TYPES[i]).toBe(400);
      expectRefused(sent, `content type ${CONTENT_TYPES[i]}`);
    });
    for (const sent of [tooBig, tooBigInBytes, overGatewayLimit]) {
      expect(sent.status).toBe(413);
      expectRefused(sent, 'too big');
    }
    expect(await traces()).toEqual(before);
  });
});

describe('drafts for "ideas like yours"', () => {
  it('answers every draft the schema takes with 200 and at most five items, whatever its text', {
    timeout: 120_000,
  }, async () => {
    // Prepare: a library with something in it, so every draft is really looked up
    const tested = (await api.submit(USERS.sam, insideCard())).body as { id: string };
    const cycle = await api.call('POST', `/api/experiments/${tested.id}/cycles`, {
      as: USERS.sam,
      body: {
        result: 'worked',
        observed: 'Families answered.',
        learned: 'Evening calls work.',
        next: 'adapt',
        incident: 'none',
      },
    });
    expect(cycle.status).toBe(201);
    const drafts = [
      ...fc.sample(validDraft(), { numRuns: 300, seed: SEED }),
      ...UNICODE_EDGES.filter((edge) => edge.isWellFormed() && edge.trim() !== '').map((edge) => ({
        title: edge,
        problem: `<b>${edge}</b> &amp; ${edge}`,
      })),
    ].filter((draft) => isValidFor(ROUTES.similar, draft as Json));

    // Act
    const answers = await inPool(drafts.length, CONCURRENCY, (i) =>
      send(targets.similar, JSON.stringify(drafts[i])),
    );

    // Assess
    answers.forEach((sent, i) => {
      const context = `${JSON.stringify(drafts[i]).slice(0, 200)} → ${sent.status} ${sent.text.slice(0, 200)}`;
      expect(sent.status, context).toBe(200);
      expect((JSON.parse(sent.text) as { items: unknown[] }).items.length, context).toBeLessThanOrEqual(5);
    });
    expect(drafts.length).toBeGreaterThan(250);
    const evening = await send(targets.similar, JSON.stringify({ title: 'Evening calls to families' }));
    expect(JSON.parse(evening.text)).toMatchObject({ items: [{ id: tested.id }] });
  });
});

describe('unicode edge cases in an otherwise valid submission', () => {
  it('are stored and returned exactly as acknowledged, or refused with 400, never a 5xx', {
    timeout: 120_000,
  }, async () => {
    // Prepare
    const bodies = UNICODE_EDGES.map((edge, i) => ({
      ...insideCard(),
      title: `Edge ${i} ${edge} case`,
      problem: `Before ${edge} after`,
    }));

    // Act
    const answers = await inPool(bodies.length, CONCURRENCY, (i) =>
      send(targets.experiments, JSON.stringify(bodies[i])),
    );

    // Assess
    for (const [i, sent] of answers.entries()) {
      const body = bodies[i] as (typeof bodies)[number];
      const context = `${JSON.stringify(body.title)} → ${sent.status} ${sent.text.slice(0, 200)}`;
      // Lone surrogates have no UTF-8 form and are refused; every other edge is ordinary text.
      expect(sent.status, context).toBe(body.title.isWellFormed() ? 201 : 400);
      expect(sent.text, context).not.toMatch(LEAK);
      if (sent.status !== 201) continue;
      const created = JSON.parse(sent.text) as { id: string; title: string; problem: string };
      const stored = (await api.get(USERS.sam, created.id)).body as { title: string; problem: string };
      // Exactly what was acknowledged. Lone surrogates are refused (400), so only well-formed text gets here.
      expect(created.title, context).toBe(body.title.trim());
      expect(stored.title, context).toBe(created.title);
      expect(stored.problem, context).toBe(body.problem.trim());
    }
  });
});
