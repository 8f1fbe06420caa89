import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { STATUSES, type Status } from '../domain/status.ts';
import { ForbiddenError } from '../errors.ts';
import { dynamo } from '../store/clients.ts';
import { parseStatsKey, statsRange } from '../store/stats.ts';
import type { User } from './user.ts';

export interface DashboardFilters {
  from?: string | undefined;
  to?: string | undefined;
  team?: string | undefined;
}

type Counters = Record<string, number>;

export interface Figures {
  totals: Record<Status, number>;
  submitted: number;
  autoAuthorisedRate: number;
  medianHoursToAuthorisation: number | null;
  medianHoursByCard: number | null;
  medianHoursByManager: number | null;
  cyclesPerExperiment: number;
  outcomes: { adopted: number; abandoned: number; testing: number };
}

export interface Dashboard extends Figures {
  from: string | null;
  to: string | null;
  team: string | null;
  byTeam: (Figures & { team: string })[];
  byMonth: (Figures & { month: string })[];
}

const merge = (into: Counters, from: Counters) => {
  for (const [name, value] of Object.entries(from)) into[name] = (into[name] ?? 0) + value;
  return into;
};

/** The median of a histogram `{ hours: count }`, exact to its 0.1-hour buckets. */
export const histogramMedian = (buckets: [number, number][]): number | null => {
  const sorted = buckets.filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (seen >= rank) return value;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  const middle = total % 2 === 1 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2;
  return Math.round(middle * 10) / 10;
};

const histogram = (counters: Counters, kinds: string[]): [number, number][] =>
  Object.entries(counters).flatMap(([name, n]) => {
    const match = /^h_(card|manager)_(\d+)_(\d)$/.exec(name);
    return match && kinds.includes(match[1] as string)
      ? [[Number(`${match[2]}.${match[3]}`), n] as [number, number]]
      : [];
  });

export const figures = (c: Counters): Figures => {
  const totals = Object.fromEntries(STATUSES.map((s) => [s, Math.max(0, c[`s_${s}`] ?? 0)])) as Record<
    Status,
    number
  >;
  const submitted = c.submitted ?? 0;
  return {
    totals,
    submitted,
    autoAuthorisedRate: submitted === 0 ? 0 : (c.n_card ?? 0) / submitted,
    medianHoursToAuthorisation: histogramMedian(histogram(c, ['card', 'manager'])),
    medianHoursByCard: histogramMedian(histogram(c, ['card'])),
    medianHoursByManager: histogramMedian(histogram(c, ['manager'])),
    cyclesPerExperiment: submitted === 0 ? 0 : (c.cycles ?? 0) / submitted,
    outcomes: { adopted: totals.adopted, abandoned: totals.abandoned, testing: totals.testing },
  };
};

/**
 * The leaders' dashboard, from the counters kept with every status change (see store/stats.ts): one
 * query over months × teams × shards, whatever the size of the log. Dates select submission months.
 */
export const dashboardService = (deps: { tableName: string }) => ({
  async get(user: User, filters: DashboardFilters): Promise<Dashboard> {
    if (!user.roles.includes('leader')) throw new ForbiddenError('Only leaders see the dashboard.');
    const range = statsRange(filters.from?.slice(0, 7) ?? '0000-00', filters.to?.slice(0, 7) ?? '9999-99');
    const byTeam = new Map<string, Counters>();
    const byMonth = new Map<string, Counters>();
    const all: Counters = {};
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await dynamo().send(
        new QueryCommand({
          TableName: deps.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': range.pk, ':from': range.from, ':to': range.to },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        const key = parseStatsKey(String(item.sk));
        if (!key || (filters.team && key.team !== filters.team)) continue;
        const counters: Counters = {};
        for (const [name, value] of Object.entries(item))
          if (typeof value === 'number') counters[name] = value;
        merge(all, counters);
        byTeam.set(key.team, merge(byTeam.get(key.team) ?? {}, counters));
        byMonth.set(key.month, merge(byMonth.get(key.month) ?? {}, counters));
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return {
      from: filters.from ?? null,
      to: filters.to ?? null,
      team: filters.team ?? null,
      ...figures(all),
      byTeam: [...byTeam.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([team, c]) => ({ team, ...figures(c) })),
      byMonth: [...byMonth.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, c]) => ({ month, ...figures(c) })),
    };
  },
});

export type DashboardService = ReturnType<typeof dashboardService>;
