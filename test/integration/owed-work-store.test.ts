/**
 * The owed-work items over DynamoDB Local: the claim that keeps two rounds of reconciliation from doing
 * the same work at once (shared/store/owed-work.ts).
 */
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { type OwedWork, owedWorkItems, owedWorkStore } from '#shared/store/owed-work.ts';
import { startTableOnly } from '#test/support/table.ts';

const TABLE = 'owed-work-test';
const T0 = '2026-11-29T10:00:00.000Z';
const LATER = '2026-11-29T10:05:00.000Z';
const UNTIL = '2026-11-29T10:02:00.000Z';

let dynamo: DynamoDbLocal;
let db: DynamoDBDocumentClient;
let store: ReturnType<typeof owedWorkStore>;

beforeAll(async () => {
  ({ dynamo, db } = await startTableOnly(TABLE));
  store = owedWorkStore(db, TABLE);
}, 120_000);

afterAll(async () => {
  db?.destroy();
  await dynamo?.stop();
});

/** An experiment just adopted by a cycle with a serious incident: it owes both, written as a save writes them. */
const owing = async (id: string) => {
  const before = { id, status: 'testing' as const, updatedAt: T0, cycles: [], history: [] };
  const after = {
    ...before,
    status: 'adopted' as const,
    closedAt: T0,
    cycles: [{ number: 1, incident: 'serious' as const, recordedAt: T0 }],
  };
  await db.send(new TransactWriteCommand({ TransactItems: owedWorkItems(TABLE, before, after) }));
  return after;
};

describe('owed work in the table', () => {
  it('lists what an adopting cycle with a serious incident owes, until each is settled', async () => {
    // Prepare
    const id = '1f0c6a4e-5b7d-4c1a-9d3e-000000000001';
    await owing(id);

    // Act
    const owed = (await store.owedWork()).filter((w) => w.experimentId === id);
    for (const work of owed) await store.settleOwedWork(work);

    // Assess
    expect(owed.map((w) => w.kind).sort()).toEqual(['adoption', 'incident']);
    expect((await store.owedWork()).filter((w) => w.experimentId === id)).toEqual([]);
  });

  it('lets one of two claims at once win, another only once the first has lapsed, and none once settled', async () => {
    // Prepare
    const id = '1f0c6a4e-5b7d-4c1a-9d3e-000000000002';
    await owing(id);
    const work = (await store.owedWork()).find((w) => w.experimentId === id) as OwedWork;

    // Act
    const together = await Promise.all([
      store.claimOwedWork(work, T0, UNTIL),
      store.claimOwedWork(work, T0, UNTIL),
    ]);
    const whileHeld = await store.claimOwedWork(work, T0, UNTIL);
    const lapsed = await store.claimOwedWork(work, LATER, '2026-11-29T10:07:00.000Z');
    await store.settleOwedWork(work);
    const settled = await store.claimOwedWork(work, '2026-11-29T10:10:00.000Z', '2026-11-29T10:12:00.000Z');

    // Assess
    expect(together.filter(Boolean)).toHaveLength(1);
    expect(whileHeld).toBe(false);
    expect(lapsed).toBe(true);
    expect(settled).toBe(false);
  });
});
