import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Experiment } from '../domain/experiment.ts';
import type { Status } from '../domain/status.ts';
import { toRecord } from './experiment-item.ts';
import { type AccessPattern, accessPatterns } from './keys.ts';

/** Where a page ended: DynamoDB's LastEvaluatedKey, never shown to callers as it is (see cursors.ts). */
export type PageKey = Record<string, unknown>;

export interface StoredPage {
  items: Experiment[];
  /** Undefined on the last page. */
  lastKey: PageKey | undefined;
}

interface Filter {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

export interface QueryOptions {
  newestFirst: boolean;
  limit: number;
  startKey?: PageKey | undefined;
  /** Sort-key bounds, inclusive; the sort keys start with the time the pattern is ordered by. */
  sortBetween?: [string, string] | undefined;
  filter?: Filter | undefined;
}

/** What the experiment list can be narrowed by: whose, and the leaders' filters. */
export interface ListFilters {
  /** One person's experiments, or the whole log. */
  scope: { owner: string } | 'log';
  status?: Status | undefined;
  team?: string | undefined;
  /** Lower case; matched within the title, the problem and every learning. */
  word?: string | undefined;
  /** ISO date-times, inclusive, of submission. */
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  limit: number;
  startKey?: PageKey | undefined;
}

const listFilter = (filters: ListFilters): Filter | undefined => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clauses: string[] = [];
  if (filters.status) {
    names['#status'] = 'status';
    values[':status'] = filters.status;
    clauses.push('#status = :status');
  }
  if (filters.team) {
    names['#team'] = 'team';
    values[':team'] = filters.team;
    clauses.push('#team = :team');
  }
  if (filters.word) {
    names['#search'] = 'search';
    values[':q'] = filters.word;
    clauses.push('contains(#search, :q)');
  }
  return clauses.length > 0 ? { expression: clauses.join(' AND '), names, values } : undefined;
};

/** The reads of experiments through the indexes: every query of the store is built here. */
export const experimentQueries = (db: DynamoDBDocumentClient, tableName: string) => {
  const query = async (pattern: AccessPattern, opts: QueryOptions): Promise<StoredPage> => {
    const names: Record<string, string> = { '#pk': pattern.index.partitionKey, ...opts.filter?.names };
    const values: Record<string, unknown> = { ':pk': pattern.pk, ...opts.filter?.values };
    let condition = '#pk = :pk';
    if (opts.sortBetween) {
      names['#sk'] = pattern.index.sortKey;
      values[':from'] = opts.sortBetween[0];
      values[':to'] = opts.sortBetween[1];
      condition += ' AND #sk BETWEEN :from AND :to';
    }
    const items: Experiment[] = [];
    let startKey = opts.startKey;
    // A filter can empty a page; keep reading until the page is full or the index is exhausted.
    do {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: pattern.index.name,
          KeyConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ...(opts.filter ? { FilterExpression: opts.filter.expression } : {}),
          ScanIndexForward: !opts.newestFirst,
          Limit: opts.limit - items.length,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) items.push(toRecord(item).experiment);
      startKey = out.LastEvaluatedKey;
    } while (startKey && items.length < opts.limit);
    return { items, lastKey: startKey };
  };

  return {
    query,

    /** Every experiment of a pattern, page by page, in index order. */
    async *each(pattern: AccessPattern, opts: { newestFirst: boolean }): AsyncGenerator<Experiment[]> {
      let startKey: PageKey | undefined;
      do {
        const page = await query(pattern, { ...opts, limit: 100, startKey });
        yield page.items;
        startKey = page.lastKey;
      } while (startKey);
    },

    /** The experiment list, newest first: one person's, or the whole log, filtered. */
    list(filters: ListFilters): Promise<StoredPage> {
      const pattern =
        filters.scope === 'log' ? accessPatterns.log() : accessPatterns.ownerList(filters.scope.owner);
      const between =
        filters.createdFrom || filters.createdTo
          ? ([filters.createdFrom ?? '0', `${filters.createdTo ?? '9'}~`] as [string, string])
          : undefined;
      return query(pattern, {
        newestFirst: true,
        limit: filters.limit,
        startKey: filters.startKey,
        sortBetween: between,
        filter: listFilter(filters),
      });
    },

    /** The ids of every experiment one person owns (tens, not thousands), for leaving them out. */
    async ownedIds(owner: string): Promise<string[]> {
      const pattern = accessPatterns.ownerList(owner);
      const ids: string[] = [];
      let startKey: PageKey | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: pattern.index.name,
            KeyConditionExpression: '#pk = :pk',
            ProjectionExpression: '#id',
            ExpressionAttributeNames: { '#pk': pattern.index.partitionKey, '#id': 'id' },
            ExpressionAttributeValues: { ':pk': pattern.pk },
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of out.Items ?? []) ids.push(String(item.id));
        startKey = out.LastEvaluatedKey;
      } while (startKey);
      return ids;
    },

    patterns: accessPatterns,
  };
};
