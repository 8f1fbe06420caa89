/**
 * "What the decisions say" (`GET /api/policy/calibration`) at the dashboard phase's sizes, on the same
 * bulk-loaded table: it reads counters kept with each decision, so its latency should not grow with the
 * log, like the dashboard's.
 */

import { statsStore } from '#shared/store/stats-store.ts';
import { USERS } from '../test/support/api.ts';
import { APP_TABLE, type BenchSystem } from './bench-system.ts';
import { type Latencies, pool, summarise } from './measure.ts';

export interface CalibrationSize {
  experiments: number;
  /** Calibration counter items the request reads (months × teams × shards touched). */
  counterItems: number;
  latencyMs: Latencies;
  /** Escalations the answer counts over every rule, as a check that it read the loaded counters. */
  escalationsShown: number;
}

interface Body {
  rules: { escalations: number }[];
}

export const measureCalibration = async (
  bench: BenchSystem,
  experiments: number,
  requests: number,
): Promise<CalibrationSize> => {
  const call = () => bench.api.call<Body>('GET', '/api/policy/calibration', { as: USERS.carys });
  await pool(30, 1, call);
  let escalationsShown = 0;
  const run = await pool(requests, 1, async () => {
    const res = await call();
    if (res.status !== 200) throw new Error(`The calibration answered ${res.status}`);
    escalationsShown = res.body.rules.reduce((sum, rule) => sum + rule.escalations, 0);
    return res.status;
  });
  if (escalationsShown === 0) throw new Error('The calibration counted no escalation in the loaded log');
  return {
    experiments,
    counterItems: (await statsStore(bench.db, APP_TABLE).calibration('0000-00', '9999-99')).length,
    latencyMs: summarise(run.latenciesMs),
    escalationsShown,
  };
};
