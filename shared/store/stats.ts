/**
 * Dashboard counters, kept per submission month and team and updated in the same transaction as every
 * status change, so the dashboard reads a bounded number of small items whatever the size of the log.
 *
 * Item: pk STATS, sk M#<yyyy-mm>#T#<team>#S#<shard>. Writes pick one of two shards at random: one item
 * a cell would make every submission of a team queue behind the last (DynamoDB serialises transactions
 * on an item, and in AWS concurrent ones are cancelled with TransactionConflict), while more shards
 * would only multiply the items every dashboard view reads. Reads add the shards up.
 *
 * Attributes (all numbers, created by ADD):
 *   submitted, cycles, s_<status> (experiments now in that status),
 *   n_card / n_manager (first authorisations), and a histogram of hours to first authorisation,
 *   h_card_<edge> / h_manager_<edge>, in the fixed buckets of HOUR_BUCKETS. Fixed buckets bound every
 *   item's size: a histogram per distinct duration would grow with the log, and with it the dashboard's
 *   cost, which must not.
 */

import type { Status } from '../domain/status.ts';
import type { StoredExperiment } from '../domain/stored-experiment.ts';
import type { TransactItem } from './transactions.ts';

export const STATS_SHARDS = 2;

export const statsKey = (month: string, team: string, shard: number) => ({
  pk: 'STATS',
  sk: `M#${month}#T#${team}#S#${shard}`,
});

export const statsRange = (fromMonth: string, toMonth: string) => ({
  pk: 'STATS',
  from: `M#${fromMonth}#`,
  to: `M#${toMonth}#~`,
});

export const parseStatsKey = (sk: string) => {
  const match = /^M#(\d{4}-\d{2})#T#(.+)#S#\d+$/.exec(sk);
  return match ? { month: match[1] as string, team: match[2] as string } : undefined;
};

export const monthOf = (iso: string) => iso.slice(0, 7);

/**
 * The lower edges, in hours, of the time-to-authorisation buckets; the last is open-ended. Finer where
 * most decisions fall (within the working week), coarse beyond a fortnight. The card's own answers land
 * in the first, under three minutes.
 */
export const HOUR_BUCKETS = [
  0, 0.05, 0.25, 0.5, 1, 2, 4, 8, 12, 18, 24, 36, 48, 60, 72, 96, 120, 168, 240, 336, 720,
] as const;

/** The counter name of a bucket edge: `4` → `4`, `0.25` → `0_25`. */
export const bucketName = (edge: number) => String(edge).replace('.', '_');

/** The lower edge of the bucket that holds `hours`. */
export const hoursBucket = (hours: number): number => {
  let edge: number = HOUR_BUCKETS[0];
  for (const lower of HOUR_BUCKETS) if (hours >= lower) edge = lower;
  return edge;
};

/**
 * What the counters read of an experiment: its status, cycles and first authorisation, all of which
 * erasure, redaction and anonymisation leave as they were, so those never move a counter.
 */
type Counted = Pick<StoredExperiment, 'status' | 'cycles' | 'authorisation' | 'createdAt' | 'team'>;

/** The counter changes that moving from `before` to `after` makes; empty when nothing counted changed. */
export const statsDeltas = <E extends Counted>(before: E | undefined, after: E): Record<string, number> => {
  const deltas: Record<string, number> = {};
  const add = (name: string, by: number) => {
    deltas[name] = (deltas[name] ?? 0) + by;
  };
  if (!before) add('submitted', 1);
  const from: Status | undefined = before?.status;
  if (from !== after.status) {
    if (from) add(`s_${from}`, -1);
    add(`s_${after.status}`, 1);
  }
  const cycles = after.cycles.length - (before?.cycles.length ?? 0);
  if (cycles !== 0) add('cycles', cycles);
  if (!before?.authorisation && after.authorisation) {
    const kind = after.authorisation.by === 'card' ? 'card' : 'manager';
    const hours = (Date.parse(after.authorisation.at) - Date.parse(after.createdAt)) / 3_600_000;
    add(`n_${kind}`, 1);
    add(`h_${kind}_${bucketName(hoursBucket(hours))}`, 1);
  }
  for (const [name, value] of Object.entries(deltas)) if (value === 0) delete deltas[name];
  return deltas;
};

/** The `ADD` update of counter deltas, for the write path and for the bench's bulk loader alike. */
export const addCounters = (deltas: Record<string, number>) => {
  const names = Object.keys(deltas);
  return {
    UpdateExpression: `ADD ${names.map((_, i) => `#a${i} :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
    ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, deltas[name]])),
  };
};

export const statsUpdate = (
  tableName: string,
  before: Counted | undefined,
  after: Counted,
): TransactItem | undefined => {
  const deltas = statsDeltas(before, after);
  const names = Object.keys(deltas);
  if (names.length === 0) return undefined;
  const shard = Math.floor(Math.random() * STATS_SHARDS);
  return {
    Update: {
      TableName: tableName,
      Key: statsKey(monthOf(after.createdAt), after.team, shard),
      ...addCounters(deltas),
    },
  };
};
