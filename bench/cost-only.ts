/**
 * `npm run bench:cost`: only the cost counts of `npm run bench` (ten runs of each journey), written to
 * bench/results/cost-counts.json with the tables docs/cost.md quotes. The counts do not depend on the
 * machine's load, so they can be refreshed without the whole run.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchSystem } from './bench-system.ts';
import { meter } from './capacity-meter.ts';
import { costCounts } from './cost-counts.ts';
import { costTables } from './cost-model.ts';

meter.install();
const bench = await startBenchSystem();
try {
  const counts = await costCounts(bench, 10);
  const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'cost-counts.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), costCounts: counts }, null, 2)}\n`);
  console.log(costTables(counts));
} finally {
  await bench.stop();
}
