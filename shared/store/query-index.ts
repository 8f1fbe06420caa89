import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessPattern } from './keys.ts';

type Page = { Items?: Record<string, unknown>[]; Count?: number };

/** Each page of one index partition, in order; `count` asks only for the number of items. */
async function* pagesOf(
  db: DynamoDBDocumentClient,
  tableName: string,
  pattern: AccessPattern,
  count = false,
): AsyncGenerator<Page> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: pattern.index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': pattern.index.partitionKey },
        ExpressionAttributeValues: { ':pk': pattern.pk },
        ...(count ? { Select: 'COUNT' as const } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    yield out;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
}

/** Every item of one index partition, page by page, for the few small partitions read whole. */
export async function* queryIndex(
  db: DynamoDBDocumentClient,
  tableName: string,
  pattern: AccessPattern,
): AsyncGenerator<Record<string, unknown>> {
  for await (const page of pagesOf(db, tableName, pattern)) yield* page.Items ?? [];
}

/** How many items one index partition holds, without reading any of them whole. */
export const countIndex = async (
  db: DynamoDBDocumentClient,
  tableName: string,
  pattern: AccessPattern,
): Promise<number> => {
  let count = 0;
  for await (const page of pagesOf(db, tableName, pattern, true)) count += page.Count ?? 0;
  return count;
};
