import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, insideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

let system: TestSystem;
let api: ReturnType<typeof client>;
const credentials = { accessKeyId: 'x', secretAccessKey: 'x' };

const stored = async () => {
  const db = new DynamoDBClient({ endpoint: system.endpoints.dynamodb, region: 'eu-west-2', credentials });
  const out = await db.send(new ScanCommand({ TableName: 'fail-forward', Select: 'COUNT' }));
  db.destroy();
  return out.Count ?? 0;
};

const started = async () => {
  const sfn = new SFNClient({ endpoint: system.endpoints.stepfunctions, region: 'eu-west-2', credentials });
  const out = await sfn.send(
    new ListExecutionsCommand({
      stateMachineArn: 'arn:aws:states:eu-west-2:000000000000:stateMachine:fail-forward-experiment',
    }),
  );
  sfn.destroy();
  return out.executions?.length ?? 0;
};

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system.url);
  // Sam has been seen once: the people directory's entry a first request writes is not something a
  // refused body stored.
  await api.call('GET', '/api/library', { as: USERS.sam });
});

afterAll(async () => {
  await system?.cleanup();
});

const card = insideCard().card;

const badBodies: [string, unknown, string][] = [
  ['an empty object', {}, 'title'],
  ['a title that is too short', { ...insideCard(), title: 'Hi' }, 'title'],
  ['a negative cost', insideCard({ extraCost: -1 }), 'card.extraCost'],
  ['a fractional number of people', insideCard({ peopleInvolved: 2.5 }), 'card.peopleInvolved'],
  ['a duration over 52 weeks', insideCard({ durationWeeks: 53 }), 'card.durationWeeks'],
  ['a number sent as a string', insideCard({ staffHours: '12' }), 'card.staffHours'],
  ['an answer the card does not offer', insideCard({ safeguarding: 'maybe' }), 'card.safeguarding'],
  ['commitToShare false', insideCard({ commitToShare: false }), 'card.commitToShare'],
  ['a missing answer', { ...insideCard(), card: { ...card, consent: undefined } }, 'card.consent'],
  ['an unknown field', { ...insideCard(), owner: 'someone-else' }, ''],
  ['an array', [insideCard()], ''],
  ['null', null, ''],
];

describe('bad input', () => {
  it.each(badBodies)(
    'refuses %s with 400 and field issues, storing and starting nothing',
    async (_name, body, path) => {
      // Prepare
      const before = [await stored(), await started()];

      // Act
      const res = await api.submit(USERS.sam, body);

      // Assess
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('bad_request');
      const issues = res.body.issues as { path: string; message: string }[];
      expect(issues.length).toBeGreaterThan(0);
      if (path) expect(issues.map((i) => i.path)).toContain(path);
      for (const issue of issues) expect(issue.message.length).toBeGreaterThan(5);
      expect([await stored(), await started()]).toEqual(before);
    },
  );

  it('refuses malformed JSON and the wrong content type with 400, and a body over 1 MB with 413', async () => {
    // Prepare
    const before = [await stored(), await started()];
    const headers = { 'idempotency-key': crypto.randomUUID() };

    // Act
    const malformed = await api.call('POST', '/api/experiments', {
      as: USERS.sam,
      rawBody: '{"title": ',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    const form = await api.call('POST', '/api/experiments', {
      as: USERS.sam,
      rawBody: 'title=hello',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const huge = await api.call('POST', '/api/experiments', {
      as: USERS.sam,
      body: { ...insideCard(), problem: 'x'.repeat(1024 * 1024 + 10) },
      headers,
    });

    // Assess
    expect(malformed.status).toBe(400);
    expect(form.status).toBe(400);
    expect(huge.status).toBe(413);
    expect([await stored(), await started()]).toEqual(before);
  });

  it('refuses a decision that is not approve or decline, and a bad list query, with 400', async () => {
    // Prepare
    const exp = (await api.submit(USERS.sam, insideCard({ extraCost: 501 }))).body;

    // Act
    const decision = await api.decide(USERS.megan, String(exp.id), { outcome: 'maybe' });
    const extra = await api.decide(USERS.megan, String(exp.id), { outcome: 'approve', by: 'carys' });
    const list = await api.call('GET', '/api/experiments?limit=1000', { as: USERS.sam });
    const cursor = await api.call('GET', '/api/experiments?cursor=not-a-cursor', { as: USERS.sam });

    // Assess
    expect(decision.status).toBe(400);
    expect(extra.status).toBe(400);
    expect(list.status).toBe(400);
    expect(cursor.status).toBe(400);
    expect((await api.get(USERS.sam, String(exp.id))).body.status).toBe('escalated');
  });
});
