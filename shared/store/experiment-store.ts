import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Experiment } from '../domain/experiment.ts';
import type { StoredExperiment } from '../domain/stored-experiment.ts';
import { type AllowanceDraw, drawItem } from './allowance-store.ts';
import type { AuditRecord, AuditStore } from './audit-store.ts';
import { calibrationUpdates } from './calibration-counters.ts';
import { type ExperimentRecord, toItem, toRecord } from './experiment-item.ts';
import { experimentQueries } from './experiment-queries.ts';
import { erasedKey, experimentKey, idempotencyKey, personRefKey, personRefPartition } from './keys.ts';
import { libraryChange, libraryPut } from './library-store.ts';
import { owedWorkItems, owedWorkStore } from './owed-work.ts';
import { queryPages } from './query-index.ts';
import { statsUpdate } from './stats.ts';
import {
  ActionsLost,
  isConditionFailure,
  lostActions,
  PersonErased,
  type TransactItem,
  VersionConflict,
} from './transactions.ts';

export { PersonErased, VersionConflict } from './transactions.ts';

export interface IdempotencyRecord {
  experimentId: string;
  bodyHash: string;
}

/** What else a change writes, in the same transaction as the experiment. */
export interface SaveOptions {
  /** The audit entry of the change (shared/store/audit-store.ts): the two commit together or not at all. */
  audit?: AuditRecord;
  /** People the change names besides the owner (a decider, a governance officer): their reference is kept. */
  names?: readonly string[];
  /** People the experiment no longer names (erased, or anonymised): their reference goes. */
  forget?: readonly string[];
  /** Deletes the submission's idempotency record, whose key names the owner. */
  dropSubmissionRecord?: boolean;
  /**
   * What the card draws from the team's innovation allowance with this change: if the balance has no
   * room for it any more, nothing is written (`VersionConflict`: read again, assess again).
   */
  draw?: AllowanceDraw;
}

/**
 * Person references and the idempotency record a save writes or removes (see `SaveOptions`). Each
 * person the change names comes with a check that they have not been erased: erasure marks the person
 * first and then looks for their references, so a change that names them either commits before the
 * mark (and its reference is found) or is refused.
 */
const companions = (
  tableName: string,
  exp: StoredExperiment,
  previous: ExperimentRecord,
  opts: SaveOptions,
) => {
  const items: TransactItem[] = [];
  const erasedChecks: number[] = [];
  const owner = previous.experiment.owner;
  for (const person of new Set(opts.names ?? [])) {
    erasedChecks.push(items.length);
    items.push({
      ConditionCheck: {
        TableName: tableName,
        Key: erasedKey(person),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    if (person === owner) continue;
    items.push({
      Put: {
        TableName: tableName,
        Item: { ...personRefKey(person, exp.id), personId: person, experimentId: exp.id },
      },
    });
  }
  for (const person of new Set(opts.forget ?? [])) {
    items.push({ Delete: { TableName: tableName, Key: personRefKey(person, exp.id) } });
  }
  if (opts.dropSubmissionRecord && previous.submissionKey !== undefined && typeof owner === 'string') {
    items.push({ Delete: { TableName: tableName, Key: idempotencyKey(owner, previous.submissionKey) } });
  }
  return { items, erasedChecks };
};

const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;

/** The experiments in the single table: one item each, written with an optimistic lock. */
export const experimentStore = (db: DynamoDBDocumentClient, tableName: string, audit: AuditStore) => {
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
    ...owedWorkStore(db, tableName),

    /** Deletes the references of `people` to one experiment, beyond what fitted in its rewrite. */
    async forgetReferences(people: readonly string[], experimentId: string): Promise<void> {
      for (const person of people) {
        await db.send(new DeleteCommand({ TableName: tableName, Key: personRefKey(person, experimentId) }));
      }
    },

    /** The ids of experiments that name `personId` other than as their owner (see `SaveOptions.names`). */
    async naming(personId: string): Promise<string[]> {
      const ids: string[] = [];
      const query = {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': personRefPartition(personId) },
        ProjectionExpression: 'experimentId',
        ConsistentRead: true,
      };
      for await (const page of queryPages(db, query))
        for (const item of page.Items ?? [])
          if (typeof item.experimentId === 'string') ids.push(item.experimentId);
      return ids;
    },

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
              {
                Put: { TableName: tableName, Item: toItem(exp, 1, idem.key), ConditionExpression: isNew },
              },
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
     * `version`), together with the dashboard and calibration counters and the library entry the change moves and, when
     * given, its audit entry and other items, in one transaction. A change with nothing to go with it is a
     * single conditional put.
     */
    async save(exp: StoredExperiment, previous: ExperimentRecord, opts: SaveOptions = {}): Promise<number> {
      const expectedVersion = previous.version;
      const version = expectedVersion + 1;
      const put = {
        TableName: tableName,
        Item: toItem(exp, version, previous.submissionKey),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      };
      const stats = statsUpdate(tableName, previous.experiment, exp);
      const library = libraryChange(previous.experiment, exp, version, new Date().toISOString());
      const head: TransactItem[] = [
        { Put: put },
        ...(stats ? [stats] : []),
        ...calibrationUpdates(tableName, previous.experiment, exp),
        ...(library ? [libraryPut(tableName, library)] : []),
        ...(opts.draw ? [drawItem(tableName, opts.draw)] : []),
        // A serious incident's report or an adoption's notice owed by this change (owed-work.ts).
        ...owedWorkItems(tableName, previous.experiment, exp),
      ];
      const extra = companions(tableName, exp, previous, opts);
      const items = [...head, ...extra.items];
      try {
        if (opts.audit) await audit.transact(items, opts.audit);
        else if (items.length > 1) await db.send(new TransactWriteCommand({ TransactItems: items }));
        else await db.send(new PutCommand(put));
      } catch (error) {
        const lost = error instanceof ActionsLost ? error.lost : lostActions(error);
        if (lost.some((index) => extra.erasedChecks.includes(index - head.length))) {
          throw new PersonErased(exp.id);
        }
        if (isConditionFailure(error) || lost.length > 0) throw new VersionConflict(exp.id);
        throw error;
      }
      return version;
    },
  };
};

export type ExperimentStore = ReturnType<typeof experimentStore>;
