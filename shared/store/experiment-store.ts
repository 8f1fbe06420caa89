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
import { accessPatterns, experimentIndexKeys, experimentKey, idempotencyKey, taskTokenKey } from './keys.ts';
import { statsUpdate } from './stats.ts';

/** The experiment as stored, with the version its optimistic lock compares. */
export interface ExperimentRecord {
  experiment: Experiment;
  version: number;
  /**
   * A task token written on the experiment item itself by earlier releases, valid for this version only
   * (any later write dropped it). New tokens live in their own item: see `parkTaskToken`.
   */
  taskToken: string | undefined;
}

/**
 * The wait a workflow is parked in: a manager's decision on one escalation (named by its `escalatedAt`),
 * or the owner's next cycle (named by how many cycles the workflow has already seen). A token is only
 * ever answered by the change it waits for, so a token left from an earlier wait is never misused.
 */
export type WaitFor = { kind: 'decision'; escalatedAt: string } | { kind: 'cycle'; seen: number };

const sameWait = (a: WaitFor, b: Record<string, unknown>) =>
  a.kind === b.kind && (a.kind === 'decision' ? a.escalatedAt === b.escalatedAt : a.seen === b.seen);

/** A little over the one-year limit of a Standard execution. */
const TOKEN_TTL_SECONDS = 366 * 24 * 3600;

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
export const toItem = (exp: Experiment, version: number) => {
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
                  Item: toItem(exp, 1),
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
     * A legacy task token on the item is dropped by any change, as before.
     */
    async save(exp: Experiment, previous: ExperimentRecord): Promise<number> {
      const expectedVersion = previous.version;
      const version = expectedVersion + 1;
      const stats = statsUpdate(tableName, previous.experiment, exp);
      const put = {
        TableName: tableName,
        Item: toItem(exp, version),
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

    /**
     * Keeps the task token of the wait the workflow parks in, in its own small item (one write, no index
     * entries), then reads the experiment back. The caller checks that experiment: if the change the wait
     * is for is already in, it answers the token itself.
     *
     * Why no transaction is needed: the writer of a change (`save`) reads the token only after its write
     * has committed (`taskTokenFor`), and the waiter reads the experiment only after its token is stored.
     * Every read here is strongly consistent, so of the two, at least one sees the other's write: the
     * change is never missed. Both may see it; one answer then finds the token already used
     * (`TaskTimedOut`), which both sides ignore.
     */
    async parkTaskToken(id: string, token: string, wait: WaitFor): Promise<ExperimentRecord | undefined> {
      // A Standard execution lives at most a year, so no token outlives that: the TTL clears them.
      const expiresAt = Math.floor(Date.now() / 1000) + TOKEN_TTL_SECONDS;
      await db.send(
        new PutCommand({ TableName: tableName, Item: { ...taskTokenKey(id), token, ...wait, expiresAt } }),
      );
      return get(id);
    },

    /**
     * The token of the wait for `wait`, read after the change it waits for has been saved; undefined when
     * the workflow is not (yet) parked in that wait, in which case its own wait finds the change.
     */
    async taskTokenFor(id: string, wait: WaitFor): Promise<string | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: taskTokenKey(id), ConsistentRead: true }),
      );
      const item = out.Item;
      return item && typeof item.token === 'string' && sameWait(wait, item) ? item.token : undefined;
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
