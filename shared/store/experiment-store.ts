import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Experiment } from '../domain/experiment.ts';
import { type ExperimentRecord, toItem, toRecord } from './experiment-item.ts';
import { experimentQueries } from './experiment-queries.ts';
import { experimentKey, idempotencyKey } from './keys.ts';
import { libraryChange, libraryPut } from './library-store.ts';
import { statsUpdate } from './stats.ts';

export interface IdempotencyRecord {
  experimentId: string;
  bodyHash: string;
}

export class VersionConflict extends Error {
  override name = 'VersionConflict';
}

const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;

/** The experiments in the single table: one item each, written with an optimistic lock. */
export const experimentStore = (db: DynamoDBDocumentClient, tableName: string) => {
  const get = async (id: string): Promise<ExperimentRecord | undefined> => {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: experimentKey(id), ConsistentRead: true }),
    );
    return out.Item ? toRecord(out.Item) : undefined;
  };

  const getIdempotency = async (owner: string, key: string): Promise<IdempotencyRecord | undefined> => {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: idempotencyKey(owner, key), ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    return { experimentId: String(out.Item.experimentId), bodyHash: String(out.Item.bodyHash) };
  };

  return {
    get,
    getIdempotency,
    ...experimentQueries(db, tableName),

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
      const library = libraryChange(undefined, exp, 1, new Date().toISOString());
      const idempotencyItem = {
        ...idempotencyKey(idem.owner, idem.key),
        experimentId: exp.id,
        bodyHash: idem.bodyHash,
        expiresAt: now + IDEMPOTENCY_TTL_SECONDS,
      };
      const isNew = 'attribute_not_exists(pk)';
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: tableName, Item: idempotencyItem, ConditionExpression: isNew } },
              { Put: { TableName: tableName, Item: toItem(exp, 1), ConditionExpression: isNew } },
              ...(stats ? [stats] : []),
              ...(library ? [libraryPut(tableName, library)] : []),
            ],
          }),
        );
        return { created: true };
      } catch (error) {
        const reasons =
          error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') {
          const existing = await getIdempotency(idem.owner, idem.key);
          if (existing) return { created: false, existing };
        }
        // A concurrent twin holds the key but has not committed yet; the caller retries.
        if (reasons.some((r) => r.Code === 'TransactionConflict'))
          throw new VersionConflict('idempotency race');
        throw error;
      }
    },

    /**
     * Replaces the experiment if nobody changed it since `previous` was read (optimistic locking on
     * `version`), together with the dashboard counters and the library entry the change moves, in one
     * transaction.
     */
    async save(exp: Experiment, previous: ExperimentRecord): Promise<number> {
      const expectedVersion = previous.version;
      const version = expectedVersion + 1;
      const stats = statsUpdate(tableName, previous.experiment, exp);
      const library = libraryChange(previous.experiment, exp, version, new Date().toISOString());
      const alongside = [...(stats ? [stats] : []), ...(library ? [libraryPut(tableName, library)] : [])];
      const put = {
        TableName: tableName,
        Item: toItem(exp, version),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      };
      try {
        if (alongside.length > 0) {
          await db.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...alongside] }));
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
  };
};

export type ExperimentStore = ReturnType<typeof experimentStore>;
