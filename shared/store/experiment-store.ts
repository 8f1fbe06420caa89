import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Experiment } from '../domain/experiment.ts';
import { dynamo } from './clients.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { accessPatterns, experimentIndexKeys, experimentKey, idempotencyKey } from './keys.ts';
import { statsUpdate } from './stats.ts';

/** What the workflow keeps on the experiment item but never shows through the API. */
export interface ExperimentRecord {
  experiment: Experiment;
  version: number;
  taskToken: string | undefined;
}

export interface IdempotencyRecord {
  experimentId: string;
  bodyHash: string;
}

export class VersionConflict extends Error {
  override name = 'VersionConflict';
}

const INTERNAL = new Set([
  'pk',
  'sk',
  'version',
  'taskToken',
  'search',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
]);

/** The experiment, version and task token held in a stored item. */
export const toRecord = (item: Record<string, unknown>): ExperimentRecord => {
  const experiment: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (!INTERNAL.has(key)) experiment[key] = value;
  return {
    experiment: experiment as unknown as Experiment,
    version: Number(item.version),
    taskToken: typeof item.taskToken === 'string' ? item.taskToken : undefined,
  };
};

/** The item the store writes for an experiment: the one shape, also used by the bench's bulk loader. */
export const toItem = (exp: Experiment, version: number, taskToken: string | undefined) => {
  const indexKeys = Object.fromEntries(
    Object.entries(experimentIndexKeys(exp)).filter(([, v]) => v !== null),
  );
  // A lower-case copy of the words leaders search by: the title, the problem and every learning.
  const search = [exp.title, exp.problem, ...exp.cycles.flatMap((c) => [c.observed, c.learned])]
    .join('\n')
    .toLowerCase();
  return {
    ...experimentKey(exp.id),
    ...indexKeys,
    ...exp,
    search,
    version,
    ...(taskToken ? { taskToken } : {}),
  };
};

const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;

export interface Page<T> {
  items: T[];
  next: string | null;
}

export const experimentStore = (tableName: string) => {
  const db = dynamo();

  const get = async (id: string): Promise<ExperimentRecord | undefined> => {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: experimentKey(id), ConsistentRead: true }),
    );
    return out.Item ? toRecord(out.Item) : undefined;
  };

  return {
    get,

    /**
     * Stores a new experiment and its idempotency record in one transaction, so a crash can never leave
     * one without the other. Returns the existing record when the key was already used.
     */
    async create(
      exp: Experiment,
      idem: { owner: string; key: string; bodyHash: string },
    ): Promise<{ created: true } | { created: false; existing: IdempotencyRecord }> {
      const now = Math.floor(Date.now() / 1000);
      const stats = statsUpdate(tableName, undefined, exp);
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...idempotencyKey(idem.owner, idem.key),
                    experimentId: exp.id,
                    bodyHash: idem.bodyHash,
                    expiresAt: now + IDEMPOTENCY_TTL_SECONDS,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: toItem(exp, 1, undefined),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...(stats ? [stats] : []),
            ],
          }),
        );
        return { created: true };
      } catch (error) {
        const reasons =
          error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') {
          const existing = await this.getIdempotency(idem.owner, idem.key);
          if (existing) return { created: false, existing };
        }
        // A concurrent twin holds the key but has not committed yet; the caller retries.
        if (reasons.some((r) => r.Code === 'TransactionConflict'))
          throw new VersionConflict('idempotency race');
        throw error;
      }
    },

    async getIdempotency(owner: string, key: string): Promise<IdempotencyRecord | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: idempotencyKey(owner, key), ConsistentRead: true }),
      );
      if (!out.Item) return undefined;
      return { experimentId: String(out.Item.experimentId), bodyHash: String(out.Item.bodyHash) };
    },

    /**
     * Replaces the experiment if nobody changed it since `previous` was read (optimistic locking on
     * `version`), together with the dashboard counters the change moves, in one transaction.
     * The task token is kept only when passed: any other change drops it.
     */
    async save(
      exp: Experiment,
      previous: ExperimentRecord,
      opts: { taskToken?: string | undefined } = {},
    ): Promise<number> {
      const expectedVersion = previous.version;
      const version = expectedVersion + 1;
      const stats = statsUpdate(tableName, previous.experiment, exp);
      const put = {
        TableName: tableName,
        Item: toItem(exp, version, opts.taskToken),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      };
      try {
        if (stats) {
          await db.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, stats] }));
        } else {
          await db.send(new PutCommand(put));
        }
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new VersionConflict(exp.id);
        if (error instanceof TransactionCanceledException) {
          const reasons = error.CancellationReasons ?? [];
          if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) {
            throw new VersionConflict(exp.id);
          }
        }
        throw error;
      }
      return version;
    },

    async query(
      pattern: { index: { name: string; partitionKey: string; sortKey: string }; pk: string },
      opts: {
        newestFirst: boolean;
        limit: number;
        cursor?: string | undefined;
        filter?: Pick<
          QueryCommandInput,
          'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
        >;
        sortBetween?: [string, string];
      },
    ): Promise<Page<Experiment>> {
      const names: Record<string, string> = {
        '#pk': pattern.index.partitionKey,
        ...opts.filter?.ExpressionAttributeNames,
      };
      const values: Record<string, unknown> = {
        ':pk': pattern.pk,
        ...opts.filter?.ExpressionAttributeValues,
      };
      let condition = '#pk = :pk';
      if (opts.sortBetween) {
        names['#sk'] = pattern.index.sortKey;
        values[':from'] = opts.sortBetween[0];
        values[':to'] = opts.sortBetween[1];
        condition += ' AND #sk BETWEEN :from AND :to';
      }
      const items: Experiment[] = [];
      let startKey = decodeCursor(opts.cursor);
      // A filter can empty a page; keep reading until the page is full or the index is exhausted.
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: pattern.index.name,
            KeyConditionExpression: condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ...(opts.filter?.FilterExpression ? { FilterExpression: opts.filter.FilterExpression } : {}),
            ScanIndexForward: !opts.newestFirst,
            Limit: opts.limit - items.length,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of out.Items ?? []) items.push(toRecord(item).experiment);
        startKey = out.LastEvaluatedKey;
      } while (startKey && items.length < opts.limit);
      return { items, next: encodeCursor(startKey) };
    },

    patterns: accessPatterns,
  };
};

export type ExperimentStore = ReturnType<typeof experimentStore>;
