/**
 * Reading the audit trail: pages of entries newest first (by actor, target or kind through their own
 * index, else the trail itself), the whole chain oldest first for verification (one query, read in
 * order once), and retention of the trail: removing entries past `auditRetentionMonths`, oldest first,
 * while moving the chain's anchor in the same transaction so verification still starts from a known hash.
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { GENESIS_HASH } from '../domain/audit.ts';
import { type StoredAuditEntry, toStoredEntry } from './audit-store.ts';
import type { PageKey } from './experiment-queries.ts';
import { AUDIT_PARTITIONS, accessPatterns, auditAnchorKey, auditEntryKey, auditRange } from './keys.ts';
import { lostActions } from './transactions.ts';

export interface AuditFilters {
  /** ISO date-times, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
}

export interface AuditPage {
  items: StoredAuditEntry[];
  lastKey: PageKey | undefined;
}

export interface AuditAnchor {
  /** The sequence number of the newest entry removed by retention; 0 when none has been. */
  seq: number;
  hash: string;
}

/** At most this many entries removed in one transaction, with the anchor's move (100 actions at most). */
const PRUNE_BATCH = 50;

/** The narrowest way in: one target, else one actor, else one kind, else the whole trail. */
const plan = (filters: AuditFilters): { index?: string; pk: string; pkName: string; skName: string } => {
  const pattern = filters.target
    ? accessPatterns.auditByTarget(filters.target)
    : filters.actor
      ? accessPatterns.auditByActor(filters.actor)
      : filters.action
        ? accessPatterns.auditByAction(filters.action)
        : undefined;
  if (!pattern) return { pk: AUDIT_PARTITIONS.entries, pkName: 'pk', skName: 'sk' };
  return {
    index: pattern.index.name,
    pk: pattern.pk,
    pkName: pattern.index.partitionKey,
    skName: pattern.index.sortKey,
  };
};

const residualFilter = (filters: AuditFilters) => {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const add = (field: 'actor' | 'action' | 'target', value: string | undefined) => {
    if (value === undefined) return;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    clauses.push(`#${field} = :${field}`);
  };
  // The partition chosen already holds one of these; the others narrow it.
  if (filters.target) {
    add('actor', filters.actor);
    add('action', filters.action);
  } else if (filters.actor) add('action', filters.action);
  return clauses.length > 0 ? { expression: clauses.join(' AND '), names, values } : undefined;
};

export const auditQueries = (db: DynamoDBDocumentClient, tableName: string) => {
  const query = async (
    filters: AuditFilters,
    opts: { newestFirst: boolean; limit: number; startKey?: PageKey | undefined },
  ): Promise<AuditPage> => {
    const way = plan(filters);
    const filter = residualFilter(filters);
    const [from, to] = auditRange(filters.from, filters.to);
    const input: QueryCommandInput = {
      TableName: tableName,
      ...(way.index ? { IndexName: way.index } : { ConsistentRead: true }),
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': way.pkName, '#sk': way.skName, ...filter?.names },
      ExpressionAttributeValues: { ':pk': way.pk, ':from': from, ':to': to, ...filter?.values },
      ...(filter ? { FilterExpression: filter.expression } : {}),
      ScanIndexForward: !opts.newestFirst,
    };
    const items: StoredAuditEntry[] = [];
    let startKey = opts.startKey;
    // A filter can empty a page; keep reading until the page is full or the partition is exhausted.
    do {
      const out = await db.send(
        new QueryCommand({ ...input, Limit: opts.limit - items.length, ExclusiveStartKey: startKey }),
      );
      for (const item of out.Items ?? []) items.push(toStoredEntry(item));
      startKey = out.LastEvaluatedKey;
    } while (startKey && items.length < opts.limit);
    return { items, lastKey: startKey };
  };

  /** Every entry matching `filters`, page by page. */
  async function* each(filters: AuditFilters, newestFirst: boolean): AsyncGenerator<StoredAuditEntry[]> {
    let startKey: PageKey | undefined;
    do {
      const page = await query(filters, { newestFirst, limit: 500, startKey });
      yield page.items;
      startKey = page.lastKey;
    } while (startKey);
  }

  const readAnchor = async (): Promise<AuditAnchor> => {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: auditAnchorKey(), ConsistentRead: true }),
    );
    return out.Item
      ? { seq: Number(out.Item.seq), hash: String(out.Item.hash) }
      : { seq: 0, hash: GENESIS_HASH };
  };

  return {
    query,
    each,
    readAnchor,

    /**
     * The chain oldest first, up to and including `untilSeq`: one consistent query of the trail's
     * partition, read in order once (about 1 MB, some 3,000 entries, a request).
     */
    async chain(untilSeq: number): Promise<StoredAuditEntry[]> {
      const entries: StoredAuditEntry[] = [];
      for await (const page of each({}, false)) {
        for (const entry of page) if (entry.seq <= untilSeq) entries.push(entry);
      }
      return entries;
    },

    /**
     * Removes entries written before `before` (ISO), oldest first, moving the anchor to the last one
     * removed in the same transaction. Returns how many went.
     */
    async prune(before: string, maxBatches = 20): Promise<number> {
      let removed = 0;
      for (let batch = 0; batch < maxBatches; batch++) {
        const anchor = await readAnchor();
        const page = await query({}, { newestFirst: false, limit: PRUNE_BATCH });
        const due = page.items.filter((entry) => entry.at < before);
        const last = due.at(-1);
        if (!last) break;
        try {
          await db.send(
            new TransactWriteCommand({
              TransactItems: [
                ...due.map((entry) => ({
                  Delete: { TableName: tableName, Key: auditEntryKey(entry.at, entry.seq) },
                })),
                {
                  Put: {
                    TableName: tableName,
                    Item: { ...auditAnchorKey(), seq: last.seq, hash: last.hash },
                    ...(anchor.seq === 0
                      ? { ConditionExpression: 'attribute_not_exists(pk)' }
                      : {
                          ConditionExpression: '#seq = :seq',
                          ExpressionAttributeNames: { '#seq': 'seq' },
                          ExpressionAttributeValues: { ':seq': anchor.seq },
                        }),
                  },
                },
              ],
            }),
          );
        } catch (error) {
          // Another run moved the anchor first: read it again.
          if (lostActions(error).length > 0) continue;
          throw error;
        }
        removed += due.length;
        if (due.length < page.items.length || !page.lastKey) break;
      }
      return removed;
    },
  };
};

export type AuditQueries = ReturnType<typeof auditQueries>;
