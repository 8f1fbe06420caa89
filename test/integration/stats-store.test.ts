/**
 * The counter reads over DynamoDB Local: every counter item of the months asked for, once, and nothing
 * else, with the same values the document client gives (the store reads them raw, `counterItem`).
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DynamoDbLocal,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startDynamoDbLocal,
} from '#infra/local/dynamodb-local.ts';
import { localCreateTableInput } from '#infra/local/local-table.ts';
import {
  calibrationAnswersKey,
  calibrationAnswersRange,
  calibrationKey,
  calibrationRange,
  statsKey,
  statsRange,
} from '#shared/store/keys.ts';
import { statsStore } from '#shared/store/stats-store.ts';

const TABLE = 'stats';
/** Every month from four years back to one month ahead, for two teams on both shards. */
const MONTHS = Array.from({ length: 50 }, (_, i) => {
  const total = 2022 * 12 + 10 + i;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
});
const TEAMS = ['early-help', 'fostering'];

let dynamo: DynamoDbLocal;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
  );
  await db.send(new CreateTableCommand(localCreateTableInput(TABLE)));
  const puts = MONTHS.flatMap((month) =>
    TEAMS.flatMap((team) =>
      [0, 1].map((shard) => ({
        ...statsKey(month, team, shard),
        submitted: 1 + shard,
        s_testing: 7,
        h_manager_0_25: 123_456,
      })),
    ),
  );
  for (const item of puts) await db.send(new PutCommand({ TableName: TABLE, Item: item }));
  // Calibration's items: another partition, which no read of STATS may return, read by its own query.
  const calibration = [
    { ...calibrationKey('2026-01', 'fostering', 0), closed: 3, 'e#extraCost': 2, 'incident#minor': 1 },
    { ...calibrationAnswersKey('2026-01', 1), 'a#extraCost#510#y': 4, 'a#extraCost#0.5#n': 1 },
  ];
  for (const item of calibration) await db.send(new PutCommand({ TableName: TABLE, Item: item }));
}, 120_000);

afterAll(async () => {
  db?.destroy();
  await dynamo?.stop();
});

/** The same months read by the document client, as every other store reads. */
const documentRead = async ({ pk, from, to }: { pk: string; from: string; to: string }) =>
  (
    await db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
      }),
    )
  ).Items ?? [];

const skOf = (items: Record<string, unknown>[]) => items.map((item) => String(item.sk)).sort();
const expected = (from: string, to: string) =>
  MONTHS.filter((m) => m >= from && m <= to)
    .flatMap((month) => TEAMS.flatMap((team) => [0, 1].map((shard) => statsKey(month, team, shard).sk)))
    .sort();

describe('statsStore.months', () => {
  it.each([
    ['0000-00', '9999-99'],
    ['2025-01', '2026-12'],
    ['2026-05', '2026-06'],
    ['2023-02', '2023-04'],
    ['2026-12', '9999-99'],
    ['2026-11', '2026-11'],
  ])('reads every counter item from %s to %s once, and no other', async (from, to) => {
    // Act
    const items = await statsStore(db, TABLE).months(from, to);

    // Assess
    expect(skOf(items)).toEqual(expected(from, to));
    expect(items).toEqual(await documentRead(statsRange(from, to)));
  });
});

describe('statsStore.calibration', () => {
  it("reads the teams' and the answers' items with the values the document client gives", async () => {
    // Act
    const items = await statsStore(db, TABLE).calibration('2026-01', '2026-01');

    // Assess
    expect(items).toEqual([
      ...(await documentRead(calibrationRange('2026-01', '2026-01'))),
      ...(await documentRead(calibrationAnswersRange('2026-01', '2026-01'))),
    ]);
    expect(items).toHaveLength(2);
  });
});
