import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isFinalStatus } from '../domain/status.ts';
import { toRecord } from './experiment-item.ts';
import { accessPatterns, backfillKey, experimentIndexKeys } from './keys.ts';
import { queryIndex } from './query-index.ts';
import { GSIS } from './table-design.ts';

const isConditionalFailure = (error: unknown) =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/**
 * The index of experiments a workflow must still drive (`activeWorkflows` on gsi5) came after
 * experiments were stored: every write since puts an experiment in it or takes it out, but one stored
 * before and not written since is not there. `backfill` puts those in, once: it reads the experiment log
 * (gsi4) a single time, adds the index keys to each experiment that is not final and lacks them, and then
 * records that it is done, so later calls cost one read.
 */
export const activeWorkflowsBackfill = (db: DynamoDBDocumentClient, tableName: string) => ({
  async backfill(): Promise<number> {
    const mark = await db.send(
      new GetCommand({ TableName: tableName, Key: backfillKey('gsi5'), ConsistentRead: true }),
    );
    if (mark.Item) return 0;
    const { partitionKey, sortKey } = GSIS.gsi5;
    let added = 0;
    for await (const item of queryIndex(db, tableName, accessPatterns.log())) {
      if (item[partitionKey] !== undefined) continue;
      const { experiment } = toRecord(item);
      if (isFinalStatus(experiment.status)) continue;
      const keys = experimentIndexKeys(experiment);
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: 'SET #ipk = :ipk, #isk = :isk',
            // Only while it is as read: a write meanwhile set its index keys itself.
            ConditionExpression: '#version = :version AND attribute_not_exists(#ipk)',
            ExpressionAttributeNames: { '#ipk': partitionKey, '#isk': sortKey, '#version': 'version' },
            ExpressionAttributeValues: {
              ':ipk': keys[partitionKey],
              ':isk': keys[sortKey],
              ':version': item.version,
            },
          }),
        );
        added++;
      } catch (error) {
        if (!isConditionalFailure(error)) throw error;
      }
    }
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...backfillKey('gsi5'), at: new Date().toISOString() },
      }),
    );
    return added;
  },
});

export type ActiveWorkflowsBackfill = ReturnType<typeof activeWorkflowsBackfill>;
