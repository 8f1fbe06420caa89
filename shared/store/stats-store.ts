import { type AttributeValue, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { calibrationAnswersRange, calibrationRange, statsRange } from './keys.ts';

/**
 * A counter item's attributes as plain values. A counter item holds only numbers (the counters) and
 * strings (its keys), so this is the document client's conversion cut to those two types: the general
 * one costs more per attribute than adding the counters up, and attributes are what a counter read
 * grows with.
 */
export const counterItem = (raw: Record<string, AttributeValue>): Record<string, unknown> => {
  const item: Record<string, unknown> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value?.N !== undefined) item[name] = Number(value.N);
    else if (value?.S !== undefined) item[name] = value.S;
  }
  return item;
};

/** Every counter item of one partition between two sort keys, a page at a time, read raw (counterItem). */
const between = async (
  db: DynamoDBDocumentClient,
  tableName: string,
  range: { pk: string; from: string; to: string },
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': { S: range.pk },
          ':from': { S: range.from },
          ':to': { S: range.to },
        },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const raw of out.Items ?? []) items.push(counterItem(raw));
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
