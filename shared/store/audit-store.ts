/**
 * The audit trail in the table: append-only entries in one partition, sorted as the chain runs, and
 * the chain's head in one item of its own. Writers take turns on the head: each reads it, chains its
 * entry to it (`chainEntry`) and writes the entry and the new head in one transaction, conditional on
 * the head's sequence number being still the one it read. Two writers that read the same head cannot
 * both commit; the loser reads the head again and retries, so the chain never forks and never skips.
 *
 * A change that must be audited puts its own actions in the same transaction (`transact`), so the
 * change and its entry commit together or not at all: a change without its entry cannot exist. When
 * the caller's own actions lose (another writer changed the experiment), the caller decides again;
 * when only the head moved, the same change is retried here with the new head.
 *
 * `at` never goes back along the chain (a writer whose clock is behind the head's takes the head's
 * time), so the sort key `<at>#<seq>` orders entries as the chain runs and a time range is a key range.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AuditEntry,
  type AuditFields,
  auditEntryOf,
  chainEntry,
  GENESIS_HASH,
} from '../domain/audit.ts';
import { retainUntil } from '../domain/retention.ts';
import { auditEntryKey, auditHeadKey, auditIndexKeys } from './keys.ts';
import { ActionsLost, lostActions, type TransactItem } from './transactions.ts';

/** What a writer says; the time is given by the chain when the entry is appended. */
export type AuditRecord = Omit<AuditFields, 'at'>;

/** An entry as stored: the chain's fields and its place in the chain. */
export interface StoredAuditEntry extends AuditEntry {
  seq: number;
}

export interface AuditHead {
  /** The newest entry's sequence number; 0 before the first. */
  seq: number;
  hash: string;
  at: string | null;
}

/** The head could not be taken in this many tries: nothing was written, and the caller answers 409. */
export class AuditHeadBusy extends Error {
  override name = 'AuditHeadBusy';
}

const MAX_TURNS = 60;
/** Entries stay a month past `auditRetentionMonths` at most, should the hourly pruning ever stop. */
const TTL_GRACE_SECONDS = 31 * 24 * 3600;

// Grows with each lost turn and is random, so writers that lost together do not meet again.
const backoff = (turn: number) => sleep(Math.random() * Math.min(200, 4 * 2 ** Math.min(turn, 6)));
// Told the newer head, a writer tries again almost at once: a few milliseconds of jitter keep the
// losers of one round from meeting in the next.
const jitter = (turn: number) => sleep(Math.random() * Math.min(20, 2 * turn));

export const toStoredEntry = (item: Record<string, unknown>): StoredAuditEntry => ({
  seq: Number(item.seq),
  at: String(item.at),
  actor: String(item.actor),
  action: item.action as AuditEntry['action'],
  target: typeof item.target === 'string' ? item.target : null,
  outcome: item.outcome as AuditEntry['outcome'],
  hash: String(item.hash),
  previousHash: String(item.previousHash),
});

/** The item of an entry: also used to load a long chain in bulk for the verification timing. */
export const auditEntryItem = (entry: AuditEntry, seq: number, retentionMonths: number) => ({
  ...auditEntryKey(entry.at, seq),
  ...auditIndexKeys(entry, seq),
  seq,
  ...auditEntryOf(entry),
  expiresAt:
    Math.floor(Date.parse(retainUntil(entry.at, { months: retentionMonths })) / 1000) + TTL_GRACE_SECONDS,
});

export const auditHeadItem = (entry: AuditEntry, seq: number) => ({
  ...auditHeadKey(),
  seq,
  hash: entry.hash,
  at: entry.at,
});

export const auditStore = (
  db: DynamoDBDocumentClient,
  tableName: string,
  opts: { retentionMonths: number; now: () => Date },
) => {
  const readHead = async (): Promise<AuditHead> => {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: auditHeadKey(), ConsistentRead: true }),
    );
    if (!out.Item) return { seq: 0, hash: GENESIS_HASH, at: null };
    return { seq: Number(out.Item.seq), hash: String(out.Item.hash), at: String(out.Item.at) };
  };

  /** The entry after `head`, and the two actions that append it and move the head. */
  const nextLink = (record: AuditRecord, head: AuditHead) => {
    const clock = opts.now().toISOString();
    const at = head.at !== null && head.at > clock ? head.at : clock;
    const entry = chainEntry({ ...record, at }, head.hash);
    const seq = head.seq + 1;
    const actions: TransactItem[] = [
      {
        Put: {
          TableName: tableName,
          Item: auditEntryItem(entry, seq, opts.retentionMonths),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: auditHeadItem(entry, seq),
          // A writer that loses learns the head it lost to from the refusal, with no read of its own.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          ...(head.seq === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#seq = :seq',
                ExpressionAttributeNames: { '#seq': 'seq' },
                ExpressionAttributeValues: { ':seq': head.seq },
              }),
        },
      },
    ];
    return { entry: { ...entry, seq }, actions };
  };

  // The head as this process last wrote or was told it, and when: within a burst of this process's own
  // writers the next turn needs no read; after a pause another process has most likely moved it, and a
  // consistent read (one read unit) is cheaper than a transaction that fails.
  let known: { head: AuditHead; at: number } | undefined;
  const FRESH_MS = 1_000;
  // Writers of one process (a Lambda container, or the whole local runtime) queue for the head here
  // rather than all trying at once and losing to each other; across processes the condition decides.
  let queue: Promise<unknown> = Promise.resolve();

  // The refused head, as DynamoDB returns it (attribute values) or as a document client would (plain).
  const headFromRefusal = (error: unknown, index: number): AuditHead | undefined => {
    const reasons = (error as { CancellationReasons?: { Item?: Record<string, unknown> }[] })
      .CancellationReasons;
    const item = reasons?.[index]?.Item;
    if (!item) return undefined;
    const plain = (value: unknown) => {
      const wrapped = value as { S?: string; N?: string } | undefined;
      return typeof value === 'object' && value !== null ? (wrapped?.S ?? wrapped?.N) : value;
    };
    const seq = Number(plain(item.seq));
    const hash = plain(item.hash);
    const at = plain(item.at);
    return Number.isInteger(seq) && typeof hash === 'string' && typeof at === 'string'
      ? { seq, hash, at }
      : undefined;
  };

  const remember = (head: AuditHead | undefined) => {
    known = head ? { head, at: Date.now() } : undefined;
  };

  const takeTurns = async (
    items: readonly TransactItem[],
    record: AuditRecord,
  ): Promise<StoredAuditEntry> => {
    for (let turn = 1; turn <= MAX_TURNS; turn++) {
      const head = known && Date.now() - known.at < FRESH_MS ? known.head : await readHead();
      const { entry, actions } = nextLink(record, head);
      try {
        await db.send(new TransactWriteCommand({ TransactItems: [...items, ...actions] }));
        remember({ seq: entry.seq, hash: entry.hash, at: entry.at });
        return entry;
      } catch (error) {
        const lost = lostActions(error);
        const told = headFromRefusal(error, items.length + 1);
        remember(told);
        if (lost.length === 0) throw error;
        const theirs = lost.filter((index) => index < items.length);
        if (theirs.length > 0) throw new ActionsLost(record.target ?? record.action, theirs);
        // Told the newer head: try again at once; else another writer is mid-turn, so wait a little.
        await (told ? jitter(turn) : backoff(turn));
      }
    }
    throw new AuditHeadBusy('The audit trail is busy');
  };

  /**
   * Writes `items` and the entry `record` describes in one transaction. Throws `ActionsLost` (a
   * `VersionConflict`) when one of `items` lost to another writer (nothing was written; read again and
   * decide again), and `AuditHeadBusy` when the head could not be taken in `MAX_TURNS` tries.
   */
  const transact = (items: readonly TransactItem[], record: AuditRecord): Promise<StoredAuditEntry> => {
    const mine = queue.then(() => takeTurns(items, record));
    queue = mine.catch(() => undefined);
    return mine;
  };

  return {
    readHead,
    transact,
    /** An event with no change of its own to write (a sign-in, an export, a refused attempt). */
    append: (record: AuditRecord): Promise<StoredAuditEntry> => transact([], record),
  };
};

export type AuditStore = ReturnType<typeof auditStore>;
