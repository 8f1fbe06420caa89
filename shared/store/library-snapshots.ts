/**
 * Stored snapshots of the library's search index, in the single table: the serialised index, gzipped
 * and cut into pieces under DynamoDB's 400 KB item limit (`LIBSNAP#<snapshotId>` / `CHUNK#<n>`), and one
 * pointer item (`LIBSNAP` / `CURRENT`) naming the current snapshot. Pieces are written first and never
 * changed; the pointer moves to them in one conditional write (so of two builders racing, one wins and
 * the other removes its pieces); the pieces of the snapshot it replaced are then deleted at once, so a
 * snapshot holding words that governance removed does not outlive its replacement. A reader that finds
 * a piece gone reads the pointer again. docs/architecture.md says why DynamoDB rather than S3.
 */
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { librarySnapshotChunkKey, librarySnapshotKey } from './keys.ts';

const zip = promisify(gzip);
const unzip = promisify(gunzip);

/** Bytes of snapshot per item: under the 400 KB item limit with room for the keys. */
export const CHUNK_BYTES = 350_000;

export interface SnapshotPointer {
  snapshotId: string;
  /** Every change before this moment is in the snapshot; readers apply what changed after it. */
  asOf: string;
  /** When the snapshot was written, and when one was last built from every entry rather than from the last. */
  builtAt: string;
  fullBuildAt: string;
  /** The analyser and format that made it (SNAPSHOT_MADE_BY): another one's snapshot is rebuilt, never loaded. */
  analyser: string;
  entries: number;
  chunks: number;
  /** The serialised index's size, and the stored (gzipped) size. */
  bytes: number;
  storedBytes: number;
}

export type SnapshotMeta = Omit<SnapshotPointer, 'snapshotId' | 'chunks' | 'bytes' | 'storedBytes'>;

const POINTER_FIELDS = [
  'snapshotId',
  'asOf',
  'builtAt',
  'fullBuildAt',
  'analyser',
  'entries',
  'chunks',
  'bytes',
  'storedBytes',
] as const;

const toPointer = (item: Record<string, unknown>): SnapshotPointer =>
  Object.fromEntries(POINTER_FIELDS.map((field) => [field, item[field]])) as unknown as SnapshotPointer;

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

export const librarySnapshots = (db: DynamoDBDocumentClient, tableName: string) => {
  const chunk = async (snapshotId: string, n: number, consistent: boolean) => {
    const out = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: librarySnapshotChunkKey(snapshotId, n),
        ConsistentRead: consistent,
      }),
    );
    const data = out.Item?.data;
    return data instanceof Uint8Array ? data : undefined;
  };

  const deleteChunks = (snapshotId: string, count: number) =>
    Promise.all(
      range(count).map((n) =>
        db.send(new DeleteCommand({ TableName: tableName, Key: librarySnapshotChunkKey(snapshotId, n) })),
      ),
    );

  const current = async (): Promise<SnapshotPointer | undefined> => {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: librarySnapshotKey(), ConsistentRead: true }),
    );
    return out.Item ? toPointer(out.Item) : undefined;
  };

  /** The snapshot's text, or undefined if it was replaced (and its pieces deleted) while being read. */
  const read = async (pointer: SnapshotPointer): Promise<string | undefined> => {
    // Pieces never change once written, so an eventually consistent read is right unless it misses one
    // written a moment ago; that one is read again, consistently.
    const pieces = await Promise.all(
      range(pointer.chunks).map(
        async (n) => (await chunk(pointer.snapshotId, n, false)) ?? chunk(pointer.snapshotId, n, true),
      ),
    );
    if (pieces.some((piece) => piece === undefined)) return undefined;
    return (await unzip(Buffer.concat(pieces as Uint8Array[]))).toString('utf8');
  };

  return {
    current,

    /** The current snapshot and its pointer, or undefined when none was ever written. */
    async load(): Promise<{ pointer: SnapshotPointer; text: string } | undefined> {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const pointer = await current();
        if (!pointer) return undefined;
        const text = await read(pointer);
        if (text !== undefined) return { pointer, text };
      }
      throw new Error('The library snapshot kept changing while it was read');
    },

    /**
     * Stores `text` as the new current snapshot, replacing `previous` (undefined: there was none).
     * False when another builder replaced `previous` first: its snapshot stands and this one is removed.
     */
    async save(
      text: string,
      meta: SnapshotMeta,
      previous: SnapshotPointer | undefined,
    ): Promise<SnapshotPointer | undefined> {
      const stored = await zip(Buffer.from(text, 'utf8'));
      const snapshotId = randomUUID();
      const chunks = Math.max(1, Math.ceil(stored.length / CHUNK_BYTES));
      await Promise.all(
        range(chunks).map((n) =>
          db.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...librarySnapshotChunkKey(snapshotId, n),
                data: stored.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES),
              },
            }),
          ),
        ),
      );
      const pointer: SnapshotPointer = {
        ...meta,
        snapshotId,
        chunks,
        bytes: Buffer.byteLength(text, 'utf8'),
        storedBytes: stored.length,
      };
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...librarySnapshotKey(), ...pointer },
            ...(previous
              ? {
                  ConditionExpression: 'snapshotId = :previous',
                  ExpressionAttributeValues: { ':previous': previous.snapshotId },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          }),
        );
      } catch (error) {
        await deleteChunks(snapshotId, chunks);
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return undefined;
        throw error;
      }
      if (previous) await deleteChunks(previous.snapshotId, previous.chunks);
      return pointer;
    },
  };
};

export type LibrarySnapshots = ReturnType<typeof librarySnapshots>;
