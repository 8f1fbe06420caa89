/**
 * The session store over DynamoDB Local: what the pages rely on (their own tests run over this store
 * too, in a whole local system).
 */
import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { type SessionStore, type StoredSession, sessionStore } from '#shared/store/session-store.ts';
import { PEOPLE as SAMPLE, userOf } from '#test/support/fixtures.ts';
import { startTableOnly } from '#test/support/table.ts';

const TABLE = 'sessions-test';
const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');

let dynamo: DynamoDbLocal;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  ({ dynamo, db } = await startTableOnly(TABLE));
});

afterAll(async () => {
  db?.destroy();
  await dynamo?.stop();
});

const PEOPLE = { megan: userOf(SAMPLE.megan), sam: userOf(SAMPLE.sam) };

const session = (
  person: keyof typeof PEOPLE,
  createdAt = T0,
  extra: Partial<StoredSession> = {},
): StoredSession => ({
  id: randomBytes(32).toString('base64url'),
  user: { ...PEOPLE[person], roles: [...PEOPLE[person].roles] },
  csrf: randomBytes(24).toString('base64url'),
  createdAt,
  seenAt: createdAt,
  refreshedAt: createdAt,
  endsAt: createdAt + 8 * HOUR,
  ...extra,
});

/** The index follows the table within moments; the store says so, and the tests wait for it. */
const settle = () => new Promise((done) => setTimeout(done, 300));

describe('the DynamoDB session store', () => {
  const make = (): SessionStore => sessionStore(db, TABLE);

  it('keeps a session, moves its last-seen time and its person, and forgets it when deleted', async () => {
    // Prepare
    const store = make();
    const made = session('megan', T0, { grant: { refreshToken: 'r1' } });
    await store.create(made);

    // Act
    const touched = await store.touch(made.id, T0 + 60_000);
    const refreshed = await store.refreshed(made.id, {
      user: { ...PEOPLE.megan, roles: ['staff'] },
      refreshedAt: T0 + 120_000,
      seenAt: T0 + 120_000,
    });
    const read = await store.get(made.id);
    await store.delete(made.id);

    // Assess
    expect([touched, refreshed]).toEqual([true, true]);
    expect(read).toEqual({
      ...made,
      user: { ...PEOPLE.megan, roles: ['staff'] },
      seenAt: T0 + 120_000,
      refreshedAt: T0 + 120_000,
      grant: { refreshToken: 'r1' },
    });
    expect(await store.get(made.id)).toBeUndefined();
    expect(await store.touch(made.id, T0 + 180_000)).toBe(false);
    expect(
      await store.refreshed(made.id, {
        user: { ...PEOPLE.megan, roles: ['staff'] },
        refreshedAt: 0,
        seenAt: 0,
      }),
    ).toBe(false);
    expect(await store.get(made.id)).toBeUndefined();
  });

  it('ends every session of one person and no one else’s, and counts them', async () => {
    // Prepare
    const store = make();
    const megans = [session('megan'), session('megan', T0 + 1000)];
    const sams = [session('sam')];
    for (const s of [...megans, ...sams]) await store.create(s);
    await settle();

    // Act
    const ended = await store.endSessionsOf('megan');
    const again = await store.endSessionsOf('megan');

    // Assess
    expect([ended, again]).toEqual([2, 0]);
    expect(await Promise.all(megans.map((s) => store.get(s.id)))).toEqual([undefined, undefined]);
    expect((await store.get(sams[0]?.id ?? ''))?.user.id).toBe('sam');
    await store.endSessionsOf('sam');
  });

  it('lists sessions not past their end, newest first, without tokens', async () => {
    // Prepare
    const store = make();
    const old = session('sam', T0 - 9 * HOUR);
    const earlier = session('sam', T0);
    const later = session('megan', T0 + 1000);
    for (const s of [old, earlier, later]) await store.create(s);
    await settle();

    // Act
    const listed = await store.list(T0 + 2000);

    // Assess
    expect(listed).toEqual(
      [later, earlier].map(({ id, user, createdAt, seenAt, endsAt }) => ({
        id,
        user,
        createdAt,
        seenAt,
        endsAt,
      })),
    );
    for (const s of [old, earlier, later]) await store.delete(s.id);
  });
});

describe('a session item in DynamoDB', () => {
  it('expires by TTL at its absolute end and is found by person and in the list of everyone', async () => {
    // Prepare
    const store = sessionStore(db, TABLE);
    const made = session('megan', T0, { grant: { refreshToken: 'secret' } });

    // Act
    await store.create(made);
    const item = (
      await db.send(new GetCommand({ TableName: TABLE, Key: { pk: `SESSION#${made.id}`, sk: 'SESSION' } }))
    ).Item;
    await store.delete(made.id);

    // Assess
    expect(item).toMatchObject({
      expiresAt: Math.ceil((T0 + 8 * HOUR) / 1000),
      gsi3pk: 'SESSIONS#megan',
      gsi3sk: `2026-03-02T09:00:00.000Z#${made.id}`,
      gsi4pk: 'SESSIONS',
    });
    expect(made.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
