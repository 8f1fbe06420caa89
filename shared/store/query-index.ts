import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AccessPattern } from './keys.ts';

type Page = { Items?: Record<string, unknown>[]; Count?: number };

/** Only part of the partition: sort keys from a value on, after a value, or starting with a prefix. */
export type SortKeyCondition = { from: string } | { after: string } | { beginsWith: string };

const keyCondition = (pattern: AccessPattern, sortKey: SortKeyCondition | undefined) => {
  const names = { '#pk': pattern.index.partitionKey };
  const values = { ':pk': pattern.pk };
  if (sortKey === undefined)
    return {
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  const [test, value] =
    'from' in sortKey
      ? ['#sk >= :sk', sortKey.from]
      : 'after' in sortKey
        ? ['#sk > :sk', sortKey.after]
        : ['begins_with(#sk, :sk)', sortKey.beginsWith];
  return {
    KeyConditionExpression: `#pk = :pk AND ${test}`,
    ExpressionAttributeNames: { ...names, '#sk': pattern.index.sortKey },
    ExpressionAttributeValues: { ...values, ':sk': value },
  };
};

/** Each page a query answers, in order, until the last. */
export async function* queryPages(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): AsyncGenerator<Page> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    yield out;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
}

/** The query for one index partition, or part of it. */
const indexQuery = (tableName: string, pattern: AccessPattern, sortKey?: SortKeyCondition) => ({
  TableName: tableName,
  IndexName: pattern.index.name,
  ...keyCondition(pattern, sortKey),
});

/** Each page of one index partition (or of part of it), in order. */
export const indexPages = (
  db: DynamoDBDocumentClient,
  tableName: string,
  pattern: AccessPattern,
  sortKey?: SortKeyCondition,
): AsyncGenerator<Page> => queryPages(db, indexQuery(tableName, pattern, sortKey));

/** Every item of one index partition (or of part of it), page by page, for small partitions read whole. */
export async function* queryIndex(
  db: DynamoDBDocumentClient,
  tableName: string,
  pattern: AccessPattern,
  sortKey?: SortKeyCondition,
): AsyncGenerator<Record<string, unknown>> {
  for await (const page of indexPages(db, tableName, pattern, sortKey)) yield* page.Items ?? [];
}

/** Every item `queryIndex` reads, each made into what the caller keeps. */
export const readIndex = async <T>(
  db: DynamoDBDocumentClient,
  tableName: string,
  pattern: AccessPattern,
  sortKey: SortKeyCondition | undefined,
  toValue: (item: Record<string, unknown>) => T,
): Promise<T[]> => {
  const values: T[] = [];
  for await (const item of queryIndex(db, tableName, pattern, sortKey)) values.push(toValue(item));
  return values;
};

/** How many items one index partition holds, without reading any of them whole. */
export const countIndex = async (
  db: DynamoDBDocumentClient,
  tableName: string,
  pattern: AccessPattern,
): Promise<number> => {
  let count = 0;
  const query = { ...indexQuery(tableName, pattern), Select: 'COUNT' as const };
  for await (const page of queryPages(db, query)) count += page.Count ?? 0;
  return count;
};
