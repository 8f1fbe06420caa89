import { STATUSES, type Status } from '../domain/status.ts';
import { HOUR_BUCKETS, hoursBucket, parseStatsKey } from '../store/stats.ts';
import type { StatsStore } from '../store/stats-store.ts';
import { requirePermission } from './rights.ts';
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

/**
 * Adds counter items up, in total and by team and by month. Maps, and one pass over each item: the
 * number of attributes is what the dashboard's time grows with, so nothing here copies them twice.
 */
export const tally = (items: Iterable<Record<string, unknown>>, team?: string) => {
  const all: Tally = new Map();
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
      all.set(name, (all.get(name) ?? 0) + value);
      teamTally.set(name, (teamTally.get(name) ?? 0) + value);
      monthTally.set(name, (monthTally.get(name) ?? 0) + value);
    }
  }
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

/** The card's and the managers' time-to-authorisation histograms in a set of counters, in one pass. */
const histograms = (counters: Counters) => {
  const card: [number, number][] = [];
  const manager: [number, number][] = [];
  for (const name in counters) {
    const n = counters[name] ?? 0;
    if (name.startsWith('h_card_')) card.push([Number(name.slice(7).replace('_', '.')), n]);
    else if (name.startsWith('h_manager_')) manager.push([Number(name.slice(10).replace('_', '.')), n]);
  }
  return { card, manager };
};

export const figures = (c: Counters): Figures => {
  const totals = Object.fromEntries(STATUSES.map((s) => [s, Math.max(0, c[`s_${s}`] ?? 0)])) as Record<
    Status,
    number
  >;
  const submitted = c.submitted ?? 0;
  const { card, manager } = histograms(c);
  return {
    totals,
    submitted,
    autoAuthorisedRate: submitted === 0 ? 0 : (c.n_card ?? 0) / submitted,
    medianHoursToAuthorisation: histogramMedian([...card, ...manager]),
    medianHoursByCard: histogramMedian(card),
    medianHoursByManager: histogramMedian(manager),
    cyclesPerExperiment: submitted === 0 ? 0 : (c.cycles ?? 0) / submitted,
    outcomes: { adopted: totals.adopted, abandoned: totals.abandoned, testing: totals.testing },
    incidents: { minor: c.i_minor ?? 0, serious: c.i_serious ?? 0 },
  };
};

/**
 * The leaders' dashboard, from the counters kept with every status change (see store/stats.ts): one
 * query over months × teams × shards, whatever the size of the log. Dates select submission months.
 */
export const dashboardService = (deps: { stats: StatsStore }) => ({
  async get(user: User, filters: DashboardFilters): Promise<Dashboard> {
    requirePermission(user, 'seeDashboard');
    const items = await deps.stats.months(
      filters.from?.slice(0, 7) ?? '0000-00',
      filters.to?.slice(0, 7) ?? '9999-99',
    );
    const { all, byTeam, byMonth } = tally(items, filters.team);
    const figuresOf = (t: Tally) => figures(Object.fromEntries(t));
    return {
      from: filters.from ?? null,
      to: filters.to ?? null,
      team: filters.team ?? null,
      ...figuresOf(all),
      byTeam: [...byTeam.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([team, t]) => ({ team, ...figuresOf(t) })),
      byMonth: [...byMonth.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, t]) => ({ month, ...figuresOf(t) })),
    };
  },
});

export type DashboardService = ReturnType<typeof dashboardService>;
