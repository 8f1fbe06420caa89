import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DynamoDbLocal,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startDynamoDbLocal,
} from '#infra/local/dynamodb-local.ts';
import { ensureTable, localCreateTableInput } from '#infra/local/local-table.ts';
import { activeWorkflowsBackfill } from '#shared/store/active-workflows.ts';
import { experimentKey } from '#shared/store/keys.ts';

const TABLE = 'made-before-gsi5';

let dynamo: DynamoDbLocal;
let raw: DynamoDBClient;
let db: DynamoDBDocumentClient;

/** An experiment item as a version before gsi5 wrote it: keys of gsi1 to gsi4 only. */
const olderItem = (id: string, status: string) => ({
  ...experimentKey(id),
  gsi4pk: 'LOG',
  gsi4sk: `2026-01-05T09:00:00.000Z#${id}`,
  id,
  status,
  team: 'early-help',
  owner: 'sam',
  createdAt: '2026-01-05T09:00:00.000Z',
  cycles: [],
  history: [],
  version: 3,
});

const activeIds = async () =>
  (
    await db.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: 'gsi5',
        KeyConditionExpression: 'gsi5pk = :pk',
        ExpressionAttributeValues: { ':pk': 'WORKFLOWS#ACTIVE' },
      }),
    )
  ).Items?.map((item) => item.id);

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
  raw = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  db = DynamoDBDocumentClient.from(raw);
});

afterAll(async () => {
  raw?.destroy();
  await dynamo?.stop();
});

describe('a table made by an earlier version, in a data folder kept across versions', () => {
  it('gets the index it lacks, and the experiments stored before are put in it once', async () => {
    // Prepare: the table as it was made before gsi5, with one experiment in testing and one adopted.
    const input = localCreateTableInput(TABLE);
    await raw.send(
      new CreateTableCommand({
        ...input,
        GlobalSecondaryIndexes: input.GlobalSecondaryIndexes.filter((index) => index.IndexName !== 'gsi5'),
        AttributeDefinitions: input.AttributeDefinitions.filter((a) => !a.AttributeName.startsWith('gsi5')),
      }),
    );
    await db.send(new PutCommand({ TableName: TABLE, Item: olderItem('testing-1', 'testing') }));
    await db.send(new PutCommand({ TableName: TABLE, Item: olderItem('adopted-1', 'adopted') }));
    const backfill = activeWorkflowsBackfill(db, TABLE);

    // Act
    await ensureTable(dynamo.endpoint, TABLE);
    const added = await backfill.backfill();
    const again = await backfill.backfill();

    // Assess
    const described = await raw.send(new DescribeTableCommand({ TableName: TABLE }));
    expect(described.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([
      'gsi1',
      'gsi2',
      'gsi3',
      'gsi4',
      'gsi5',
    ]);
    expect(added).toBe(1);
    expect(again).toBe(0);
    expect(await activeIds()).toEqual(['testing-1']);
  });

  it('is left as it is when it already has every index', async () => {
    // Act
    await ensureTable(dynamo.endpoint, TABLE);
    await ensureTable(dynamo.endpoint, TABLE);

    // Assess
    const described = await raw.send(new DescribeTableCommand({ TableName: TABLE }));
    expect(described.Table?.GlobalSecondaryIndexes).toHaveLength(5);
  });
});
