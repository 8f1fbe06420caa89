/**
 * The learning library's entries in the single table: one `LIB#<id>` item per experiment that has ever
 * been in the library, written in the same transaction as the experiment (experiment-store.ts), so no
 * change to an experiment, a redaction or an anonymisation included, can leave the library saying what
 * the experiment no longer does. Each item sits on the change index (gsi4 `LIBRARY`, sorted by when it
 * changed), which serves both "what changed since" (warm search indexes) and "every entry" (a rebuild,
 * the open data): a query, never a scan. An experiment that leaves the library keeps a tombstone: the
 * item without its entry, so that indexes holding it see it go.
 */
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { type LibraryEntry, removesText, sameEntry, toLibraryEntry } from '../domain/library-entry.ts';
import type { StoredExperiment } from '../domain/stored-experiment.ts';
import { accessPatterns, libraryEntryIndexKeys, libraryEntryKey } from './keys.ts';
import { indexPages } from './query-index.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One experiment's place in the library as last written. */
export interface LibraryChange {
  id: string;
  /** The experiment's version it was written with: of two writes, the later has the higher version. */
  version: number;
  changedAt: string;
  /** The entry; null once the experiment left the library (a tombstone). */
  entry: LibraryEntry | null;
  /** The change took text out of the library, so a stored snapshot of the index must not keep it. */
  removesText: boolean;
}

const toItem = (change: LibraryChange) => ({
  ...libraryEntryKey(change.id),
  ...libraryEntryIndexKeys(change.changedAt, change.id),
  id: change.id,
  version: change.version,
  changedAt: change.changedAt,
  ...(change.entry ? { entry: change.entry } : {}),
  ...(change.removesText ? { removesText: true } : {}),
});

const fromItem = (item: Record<string, unknown>): LibraryChange => ({
  id: String(item.id),
  version: Number(item.version),
  changedAt: String(item.changedAt),
  entry: (item.entry as LibraryEntry | undefined) ?? null,
  removesText: item.removesText === true,
});

/**
 * The change an experiment's write makes to the library, or undefined when its entry stays as it was
 * (most writes: an idea being checked or waiting for a manager is not in the library).
 */
export const libraryChange = (
  before: StoredExperiment | undefined,
  after: StoredExperiment,
  version: number,
  changedAt: string,
): LibraryChange | undefined => {
  const was = before ? toLibraryEntry(before) : null;
  const now = toLibraryEntry(after);
  if (sameEntry(was, now)) return undefined;
  return { id: after.id, version, changedAt, entry: now, removesText: removesText(was, now) };
};

/** The put of an experiment's library change, for the experiment's own transaction. */
export const libraryPut = (tableName: string, change: LibraryChange): TransactItem => ({
  Put: { TableName: tableName, Item: toItem(change) },
});

/** BatchGetItem's limit of keys per request. */
const BATCH_GET = 100;

export const libraryStore = (db: DynamoDBDocumentClient, tableName: string) => {
  const pattern = accessPatterns.libraryChanges();

  return {
    /** The entry of one experiment, or undefined when it is not in the library. */
    async get(id: string): Promise<LibraryEntry | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: libraryEntryKey(id) }));
      return out.Item ? (fromItem(out.Item).entry ?? undefined) : undefined;
    },

    /** The entries of these experiments, by id; those not in the library are left out. */
    async getMany(ids: readonly string[]): Promise<Map<string, LibraryEntry>> {
      const found = new Map<string, LibraryEntry>();
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += BATCH_GET) {
        let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + BATCH_GET).map(libraryEntryKey);
        for (let attempt = 0; keys && keys.length > 0; attempt += 1) {
          if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 6)));
          const out: BatchGetCommandOutput = await db.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }),
          );
          for (const item of out.Responses?.[tableName] ?? []) {
            const change = fromItem(item);
            if (change.entry) found.set(change.id, change.entry);
          }
          keys = out.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return found;
    },

    /**
     * Every entry and tombstone written after `since` (an ISO time; '' for all), oldest change first,
     * page by page.
     */
    async *changedSince(since: string): AsyncGenerator<LibraryChange[]> {
      const after = since === '' ? undefined : { after: since };
      for await (const page of indexPages(db, tableName, pattern, after))
        yield (page.Items ?? []).map(fromItem);
    },

    /**
     * Writes the entry of an experiment stored before the library existed, unless the experiment's own
     * writes have given it one since: they always win.
     */
    async backfill(change: LibraryChange): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: toItem(change),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
  };
};

export type LibraryStore = ReturnType<typeof libraryStore>;

/** Every change of a paged generator, in one list. */
export const allChanges = async (pages: AsyncIterable<LibraryChange[]>): Promise<LibraryChange[]> => {
  const changes: LibraryChange[] = [];
  for await (const page of pages) changes.push(...page);
  return changes;
};
