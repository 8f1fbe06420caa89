/** Raw reads and writes of the local system's table, for tests that look under (or tamper with) the API. */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { localCreateTableInput } from '#infra/local/local-table.ts';

export const TABLE = 'fail-forward';

/** DynamoDB Local on its own with one empty table of the app's design, for a store's own tests. */
export const startTableOnly = async (tableName: string) => {
  const dynamo = await startDynamoDbLocal({ quickStart: true });
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  await client.send(new CreateTableCommand(localCreateTableInput(tableName)));
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { dynamo, db };
};

export const rawTable = (endpoint: string) => {
  const raw = new DynamoDBClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  return {
    db,
    async get(key: { pk: string; sk: string }) {
      return (await db.send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }))).Item;
    },
    /** Every item of one partition of the table, in sort-key order. */
    async partition(pk: string, extra: Partial<QueryCommandInput> = {}) {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ConsistentRead: true,
            ExclusiveStartKey: start,
            ...extra,
          }),
        );
        items.push(...(out.Items ?? []));
        start = out.LastEvaluatedKey;
      } while (start);
      return items;
    },
    /** Sets one attribute of one item, as someone with write access to the table could. */
    async set(key: { pk: string; sk: string }, name: string, value: unknown) {
      await db.send(
        new UpdateCommand({
          TableName: TABLE,
          Key: key,
          UpdateExpression: 'SET #n = :v',
          ExpressionAttributeNames: { '#n': name },
          ExpressionAttributeValues: { ':v': value },
        }),
      );
    },
    destroy: () => raw.destroy(),
  };
};
