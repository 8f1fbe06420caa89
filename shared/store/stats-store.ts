import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { calibrationAnswersRange, calibrationRange, statsRange } from './keys.ts';

/** Every item of one partition between two sort keys, a page at a time. */
const between = async (
  db: DynamoDBDocumentClient,
  tableName: string,
  range: { pk: string; from: string; to: string },
): Promise<Record<string, unknown>[]> => {
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
};

/** Counter items of whole months, each kind of item read in one query (stats.ts, calibration-counters.ts). */
export const statsStore = (db: DynamoDBDocumentClient, tableName: string) => ({
  /** The dashboard's counters, by submission month. */
  months: (fromMonth: string, toMonth: string) => between(db, tableName, statsRange(fromMonth, toMonth)),
  /** The calibration counters, by the month of each event: the teams' items and the answers items, read at once. */
  calibration: async (fromMonth: string, toMonth: string) => {
    const [teams, answers] = await Promise.all([
      between(db, tableName, calibrationRange(fromMonth, toMonth)),
      between(db, tableName, calibrationAnswersRange(fromMonth, toMonth)),
    ]);
    return [...teams, ...answers];
  },
});

export type StatsStore = ReturnType<typeof statsStore>;
