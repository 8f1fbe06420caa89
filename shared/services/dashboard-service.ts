import { STATUSES, type Status } from '../domain/status.ts';
import { bucketName, HOUR_BUCKETS, hoursBucket, parseStatsKey } from '../store/stats.ts';
import type { StatsStore } from '../store/stats-store.ts';
import { requirePermission } from './rights.ts';
import type { User } from './user.ts';

export interface DashboardFilters {
  from?: string | undefined;
  to?: string | undefined;
  team?: string | undefined;
}

type Counters = ReadonlyMap<string, number>;

export interface Figures {
  totals: Record<Status, number>;
  submitted: number;
  autoAuthorisedRate: number;
  medianHoursToAuthorisation: number | null;
  medianHoursByCard: number | null;
  medianHoursByManager: number | null;
  cyclesPerExperiment: number;
  outcomes: { adopted: number; abandoned: number; testing: number };
  /** Cycles that recorded something going wrong for someone taking part (version 2). */
  incidents: { minor: number; serious: number };
}

export interface Dashboard extends Figures {
  from: string | null;
  to: string | null;
  team: string | null;
  byTeam: (Figures & { team: string })[];
  byMonth: (Figures & { month: string })[];
}

type Tally = Map<string, number>;

const addInto = (into: Tally, name: string, value: number) => into.set(name, (into.get(name) ?? 0) + value);

/**
 * Adds counter items up, in total and by team and by month. Maps, and one pass over each item's
 * attributes into its team and its month: the number of attributes is what the dashboard's time grows
 * with, so nothing here touches them twice. The total is the sum of the months, a few dozen small maps.
 */
export const tally = (items: Iterable<Record<string, unknown>>, team?: string) => {
  const byTeam = new Map<string, Tally>();
  const byMonth = new Map<string, Tally>();
  const of = (groups: Map<string, Tally>, name: string) => {
    const group = groups.get(name) ?? new Map<string, number>();
    groups.set(name, group);
    return group;
  };
  for (const item of items) {
    const key = parseStatsKey(String(item.sk));
    if (!key || (team && key.team !== team)) continue;
    const teamTally = of(byTeam, key.team);
    const monthTally = of(byMonth, key.month);
    for (const name in item) {
      const value = item[name];
      if (typeof value !== 'number') continue;
      addInto(teamTally, name, value);
      addInto(monthTally, name, value);
    }
  }
  const all: Tally = new Map();
  for (const month of byMonth.values()) for (const [name, value] of month) addInto(all, name, value);
  return { all, byTeam, byMonth };
};

/**
 * The median of a time-to-authorisation histogram (`[hours, count]` pairs, each counted in its bucket
 * of HOUR_BUCKETS), to 0.1 h: interpolated linearly within the bucket that holds the middle, the usual
 * median of grouped data. It is within that bucket's width of the true median; in the open last bucket
 * it is the bucket's lower edge.
 */
export const histogramMedian = (buckets: [number, number][]): number | null => {
  const counts = new Map<number, number>();
  let total = 0;
  for (const [hours, n] of buckets) {
    if (n <= 0) continue;
    const edge = hoursBucket(hours);
    counts.set(edge, (counts.get(edge) ?? 0) + n);
    total += n;
  }
  if (total === 0) return null;
  const half = total / 2;
  let seen = 0;
  for (const [i, lower] of HOUR_BUCKETS.entries()) {
    const n = counts.get(lower) ?? 0;
    if (n === 0) continue;
    if (seen + n >= half) {
      const upper = HOUR_BUCKETS[i + 1];
      const value = upper === undefined ? lower : lower + ((half - seen) / n) * (upper - lower);
      return Math.round(value * 10) / 10;
    }
    seen += n;
  }
  return null;
};

/** Which histogram and bucket each counter name of HOUR_BUCKETS is, worked out once. */
const HISTOGRAM_NAMES = new Map(
  HOUR_BUCKETS.flatMap((edge) => [
    [`h_card_${bucketName(edge)}`, { card: true, hours: edge }],
    [`h_manager_${bucketName(edge)}`, { card: false, hours: edge }],
  ]),
);

/** A histogram counter's kind and hours; names outside HOUR_BUCKETS (finer, older ones) are parsed. */
const histogramName = (name: string): { card: boolean; hours: number } | undefined => {
  const known = HISTOGRAM_NAMES.get(name);
  if (known) return known;
  if (name.startsWith('h_card_')) return { card: true, hours: Number(name.slice(7).replace('_', '.')) };
  if (name.startsWith('h_manager_')) return { card: false, hours: Number(name.slice(10).replace('_', '.')) };
  return undefined;
};

/** The card's and the managers' time-to-authorisation histograms in a set of counters, in one pass. */
const histograms = (counters: Counters) => {
  const card: [number, number][] = [];
  const manager: [number, number][] = [];
  for (const [name, n] of counters) {
    const histogram = name.startsWith('h_') ? histogramName(name) : undefined;
    if (histogram) (histogram.card ? card : manager).push([histogram.hours, n]);
  }
  return { card, manager };
};

/** The dashboard's figures from a set of added-up counters (names as in store/stats.ts). */
export const figures = (c: Counters): Figures => {
  const count = (name: string) => c.get(name) ?? 0;
  const totals = {} as Record<Status, number>;
  for (const s of STATUSES) totals[s] = Math.max(0, count(`s_${s}`));
  const submitted = count('submitted');
  const { card, manager } = histograms(c);
  return {
    totals,
    submitted,
    autoAuthorisedRate: submitted === 0 ? 0 : count('n_card') / submitted,
    medianHoursToAuthorisation: histogramMedian([...card, ...manager]),
    medianHoursByCard: histogramMedian(card),
    medianHoursByManager: histogramMedian(manager),
    cyclesPerExperiment: submitted === 0 ? 0 : count('cycles') / submitted,
    outcomes: { adopted: totals.adopted, abandoned: totals.abandoned, testing: totals.testing },
    incidents: { minor: count('i_minor'), serious: count('i_serious') },
  };
};

/**
 * The leaders' dashboard, from the counters kept with every status change (see store/stats.ts): a few
 * queries run at once over months × teams × shards, whatever the size of the log. Dates select
 * submission months.
 */
export const dashboardService = (deps: { stats: StatsStore }) => ({
  async get(user: User, filters: DashboardFilters): Promise<Dashboard> {
    requirePermission(user, 'seeDashboard');
    const items = await deps.stats.months(
      filters.from?.slice(0, 7) ?? '0000-00',
      filters.to?.slice(0, 7) ?? '9999-99',
    );
    const { all, byTeam, byMonth } = tally(items, filters.team);
    return {
      from: filters.from ?? null,
      to: filters.to ?? null,
      team: filters.team ?? null,
      ...figures(all),
      byTeam: [...byTeam.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([team, t]) => ({ team, ...figures(t) })),
      byMonth: [...byMonth.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, t]) => ({ month, ...figures(t) })),
    };
  },
});

export type DashboardService = ReturnType<typeof dashboardService>;
