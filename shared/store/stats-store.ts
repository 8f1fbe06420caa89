import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { statsRange } from './keys.ts';

/** The dashboard's counter items (see stats.ts) of whole submission months, read in one query. */
export const statsStore = (db: DynamoDBDocumentClient, tableName: string) => ({
  async months(fromMonth: string, toMonth: string): Promise<Record<string, unknown>[]> {
    const range = statsRange(fromMonth, toMonth);
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': range.pk, ':from': range.from, ':to': range.to },
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  },
});

export type StatsStore = ReturnType<typeof statsStore>;
