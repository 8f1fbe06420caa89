import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessPattern } from './keys.ts';

/** Every item of one index partition, page by page, for the few small partitions read whole. */
export async function* queryIndex(
  db: DynamoDBDocumentClient,
  tableName: string,
  pattern: AccessPattern,
): AsyncGenerator<Record<string, unknown>> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: pattern.index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': pattern.index.partitionKey },
        ExpressionAttributeValues: { ':pk': pattern.pk },
        ExclusiveStartKey: startKey,
      }),
    );
    yield* out.Items ?? [];
    startKey = out.LastEvaluatedKey;
  } while (startKey);
}
