/**
 * Where the dashboard's time goes at scale, for docs/performance.md:
 *   PROFILE_EXPERIMENTS=100000 node --cpu-prof --cpu-prof-dir=bench/.build/profile-dashboard bench/profile-dashboard.ts
 *   node bench/profile-summary.ts bench/.build/profile-dashboard
 * loads the experiments in bulk (as the bench does), then times the dashboard's own DynamoDB query alone
 * and the whole GET /api/dashboard, and describes the counter items it reads.
 */

import { USERS } from '../test/support/api.ts';
import { APP_TABLE, startBenchSystem } from './bench-system.ts';
import { bulkLoad } from './bulk-experiments.ts';
import { counterItems } from './dashboard-scale.ts';
import { median, pool, round } from './measure.ts';

const experiments = Number(process.env.PROFILE_EXPERIMENTS ?? 100_000);
const bench = await startBenchSystem();
try {
  const load = await bulkLoad(bench.db, APP_TABLE, { from: 0, to: experiments, months: 24 }, 8);
  console.log(`loaded ${experiments} experiments in ${round(load.seconds)} s`);

  const queryStats = async () => {
    const found = await counterItems(bench);
    const attributes = found.reduce((n, item) => n + Object.keys(item).length, 0);
    const bytes = found.reduce((n, item) => n + JSON.stringify(item).length, 0);
    return { items: found.length, attributes, bytes };
  };

  const shape = await queryStats();
  console.log(
    `${shape.items} counter items, ${shape.attributes} attributes (${round(shape.attributes / shape.items)} an item), ${round(shape.bytes / 1024)} KB as JSON`,
  );
  await pool(20, 1, () => bench.api.call('GET', '/api/dashboard', { as: USERS.carys }));
  const query = await pool(50, 1, () => queryStats());
  const whole = await pool(50, 1, () => bench.api.call('GET', '/api/dashboard', { as: USERS.carys }));
  console.log(`the counters query alone: median ${round(median(query.latenciesMs))} ms`);
  console.log(`GET /api/dashboard:       median ${round(median(whole.latenciesMs))} ms`);
} finally {
  await bench.stop();
}
