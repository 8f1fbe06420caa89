import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { GSIS, TABLE_KEYS } from '#shared/store/table-design.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './dynamodb-local.ts';

/** A CreateTable input for DynamoDB Local, from the same constants the deployed table is built from. */
export const localCreateTableInput = (tableName: string) => {
  const indexes = Object.values(GSIS);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      TABLE_KEYS.partitionKey,
      TABLE_KEYS.sortKey,
      ...indexes.flatMap((g) => [g.partitionKey, g.sortKey]),
    ].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: indexes.map((g) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: g.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
};

/**
 * Adds the indexes a table made by an earlier version lacks (a data folder kept across versions), one
 * UpdateTable each as DynamoDB allows, and waits until each is active.
 */
const addMissingIndexes = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const wanted = localCreateTableInput(tableName);
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((described.Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of wanted.GlobalSecondaryIndexes.filter((i) => !present.has(i.IndexName))) {
    const keys = new Set<string>(index.KeySchema.map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions.filter((a) => keys.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    for (;;) {
      const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
      const status = table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.IndexName)?.IndexStatus;
      if (status === 'ACTIVE') break;
      await sleep(100);
    }
  }
};

/** Creates the application's table in DynamoDB Local unless it is already there, with every index. */
export const ensureTable = async (endpoint: string, tableName: string): Promise<void> => {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await client.send(new CreateTableCommand(localCreateTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await addMissingIndexes(client, tableName);
  } finally {
    client.destroy();
  }
};
