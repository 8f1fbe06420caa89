import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type DemoUser, insideCard, USERS } from '../support/api.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

/** Page cursors are opaque and tamper-evident: only the `next` of the same query, for the same person, works. */
type Page = { items: { id: string }[]; next: string | null };

let system: TestSystem;
let api: ReturnType<typeof client>;
const submitted: string[] = [];

const list = (as: DemoUser, query: string) => api.call<Page>('GET', `/api/experiments?${query}`, { as });

const expectRefusedCursor = (res: { status: number; body: unknown }) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ error: 'bad_request', issues: [{ path: 'cursor' }] });
  expect(typeof (res.body as { message: unknown }).message).toBe('string');
};

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system.url);
  for (const [i, who] of [USERS.sam, USERS.sam, USERS.sam, USERS.alex, USERS.alex].entries()) {
    const res = await api.submit(who, { ...insideCard(), title: `Paged idea number ${i}` });
    if (who === USERS.sam) submitted.push(String(res.body.id));
  }
});

afterAll(async () => {
  await system?.cleanup();
});

describe('page cursors', () => {
  it('pages a list end to end with the next cursor, newest first, each item once', async () => {
    // Act
    const seen: string[] = [];
    let query = 'limit=1';
    for (let pages = 0; pages < 10; pages++) {
      const res = await list(USERS.sam, query);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((e) => e.id));
      if (!res.body.next) break;
      query = `limit=1&cursor=${encodeURIComponent(res.body.next)}`;
    }

    // Assess
    expect(seen).toEqual([...submitted].reverse());
  });

  it.each([
    [
      'a copy of the table key',
      { gsi3pk: 'OWNER#sam', gsi3sk: '2026-01-01T00:00:00.000Z#x', pk: 'EXP#x', sk: 'EXP' },
    ],
    ['a key of another partition', { pk: 'POLICY', sk: 'CURRENT' }],
    ['any other JSON', { hello: 'world' }],
  ])('refuses a forged cursor, %s, with 400', async (_name, key) => {
    // Prepare
    const forged = Buffer.from(JSON.stringify(key)).toString('base64url');

    // Act
    const res = await list(USERS.sam, `cursor=${forged}`);

    // Assess
    expectRefusedCursor(res);
  });

  it('refuses a cursor whose key or signature was altered', async () => {
    // Prepare
    const next = (await list(USERS.sam, 'limit=1')).body.next ?? '';
    const flipped = (s: string, at: number) =>
      `${s.slice(0, at)}${s[at] === 'A' ? 'B' : 'A'}${s.slice(at + 1)}`;

    // Act
    const alteredStart = await list(USERS.sam, `limit=1&cursor=${encodeURIComponent(flipped(next, 2))}`);
    const alteredEnd = await list(
      USERS.sam,
      `limit=1&cursor=${encodeURIComponent(flipped(next, next.length - 2))}`,
    );

    // Assess
    expect(next).not.toBe('');
    expectRefusedCursor(alteredStart);
    expectRefusedCursor(alteredEnd);
  });

  it("refuses another person's cursor", async () => {
    // Prepare
    const samsNext = (await list(USERS.sam, 'limit=1')).body.next ?? '';
    const leadersNext = (await list(USERS.carys, 'limit=1')).body.next ?? '';
    const anotherLeader = { ...USERS.carys, sub: 'dafydd', name: 'Dafydd Rees' };

    // Act
    const alexWithSams = await list(USERS.alex, `limit=1&cursor=${encodeURIComponent(samsNext)}`);
    const leaderWithSams = await list(USERS.carys, `limit=1&cursor=${encodeURIComponent(samsNext)}`);
    const otherLeader = await list(anotherLeader, `limit=1&cursor=${encodeURIComponent(leadersNext)}`);

    // Assess
    expectRefusedCursor(alexWithSams);
    expectRefusedCursor(leaderWithSams);
    expectRefusedCursor(otherLeader);
  });

  it('refuses a cursor with another filter than the one it came from', async () => {
    // Prepare
    const next = (await list(USERS.carys, 'limit=1&status=authorised')).body.next ?? '';
    const cursor = encodeURIComponent(next);

    // Act
    const sameFilter = await list(USERS.carys, `limit=1&status=authorised&cursor=${cursor}`);
    const otherStatus = await list(USERS.carys, `limit=1&status=testing&cursor=${cursor}`);
    const noFilter = await list(USERS.carys, `limit=1&cursor=${cursor}`);
    const withWord = await list(USERS.carys, `limit=1&status=authorised&q=idea&cursor=${cursor}`);
    const withTeam = await list(USERS.carys, `limit=1&status=authorised&team=early-help&cursor=${cursor}`);

    // Assess
    expect(sameFilter.status).toBe(200);
    for (const res of [otherStatus, noFilter, withWord, withTeam]) expectRefusedCursor(res);
  });
});
