/**
 * Where the dashboard's time goes at scale, for docs/performance.md:
 *   PROFILE_EXPERIMENTS=100000 node --cpu-prof --cpu-prof-dir=bench/.build/profile-dashboard bench/profile-dashboard.ts
 *   node bench/profile-summary.ts bench/.build/profile-dashboard
 * loads the experiments in bulk (as the bench does), then times the dashboard's own DynamoDB query alone
 * and the whole GET /api/dashboard, and describes the counter items it reads.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { USERS } from '../test/support/api.ts';
import { APP_TABLE, startBenchSystem } from './bench-system.ts';
import { bulkLoad } from './bulk-experiments.ts';
import { median, pool, round } from './measure.ts';

const experiments = Number(process.env.PROFILE_EXPERIMENTS ?? 100_000);
const bench = await startBenchSystem();
try {
  const load = await bulkLoad(bench.db, APP_TABLE, { from: 0, to: experiments, months: 24 }, 8);
  console.log(`loaded ${experiments} experiments in ${round(load.seconds)} s`);

  const queryStats = async () => {
    let items = 0;
    let attributes = 0;
    let bytes = 0;
    let pages = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await bench.db.send(
        new QueryCommand({
          TableName: APP_TABLE,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'STATS' },
          ExclusiveStartKey: start,
        }),
      );
      pages++;
      for (const item of out.Items ?? []) {
        items++;
        attributes += Object.keys(item).length;
        bytes += JSON.stringify(item).length;
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return { items, attributes, bytes, pages };
  };

  const shape = await queryStats();
  console.log(
    `${shape.items} counter items in ${shape.pages} pages, ${shape.attributes} attributes (${round(shape.attributes / shape.items)} an item), ${round(shape.bytes / 1024)} KB as JSON`,
  );
  await pool(20, 1, () => bench.api.call('GET', '/api/dashboard', { as: USERS.carys }));
  const query = await pool(50, 1, () => queryStats());
  const whole = await pool(50, 1, () => bench.api.call('GET', '/api/dashboard', { as: USERS.carys }));
  console.log(`the counters query alone: median ${round(median(query.latenciesMs))} ms`);
  console.log(`GET /api/dashboard:       median ${round(median(whole.latenciesMs))} ms`);
} finally {
  await bench.stop();
}
