import { calibrate, lastMonths } from '../domain/calibration.ts';
import { readCalibrationItems } from '../store/calibration-counters.ts';
import type { PolicyStore } from '../store/policy-store.ts';
import type { StatsStore } from '../store/stats-store.ts';
import { requirePermission } from './rights.ts';
import type { User } from './user.ts';

export interface CalibrationFilters {
  /** `YYYY-MM` or a date in the first month counted; the escalations of whole months are counted. */
  from?: string | undefined;
  to?: string | undefined;
}

export type Calibration = ReturnType<typeof calibrate>;

const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * "What the decisions say" (GET /api/policy/calibration): per rule, what managers decided about the
 * escalations of the months asked for, with the suggested limit; per team, its record over the last 12
 * months. From counters kept with every escalation, decision, closing and incident
 * (store/calibration-counters.ts), read in two queries made at once (the teams' items, months × teams ×
 * shards, and the answers items, months × shards), whatever the size of the log. Suggestions are
 * judged against the current policy's base limits.
 */
export const calibrationService = (deps: { stats: StatsStore; policies: PolicyStore; now: () => Date }) => ({
  async get(user: User, filters: CalibrationFilters): Promise<Calibration> {
    requirePermission(user, 'seeCalibration');
    const from = filters.from?.slice(0, 7) ?? '0000-00';
    const to = filters.to?.slice(0, 7) ?? '9999-99';
    const today = deps.now();
    const window = lastMonths(today);
    const [items, policy] = await Promise.all([
      deps.stats.calibration(earlier(from, window[0] ?? from), later(to, window.at(-1) ?? to)),
      deps.policies.current(),
    ]);
    const { rules, teams } = readCalibrationItems(items, from, to);
    return calibrate({ rules, currentLimits: policy.thresholds, teams, today });
  },
});

export type CalibrationService = ReturnType<typeof calibrationService>;
