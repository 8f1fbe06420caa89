/**
 * Where the automatic path's time goes, for docs/performance.md:
 *   node --cpu-prof --cpu-prof-dir=bench/.build/profile bench/profile-auto-path.ts
 *   node bench/profile-summary.ts bench/.build/profile
 * submits ideas at concurrency 8 against an in-process system (as the bench does), then the summary
 * lists the packages and files that took the most CPU (self time) in the profile Node wrote on exit.
 */
import { insideCard, USERS } from '../test/support/api.ts';
import { startBenchSystem } from './bench-system.ts';
import { pool, round } from './measure.ts';

const count = Number(process.env.PROFILE_SUBMISSIONS ?? 300);
const bench = await startBenchSystem();
try {
  await pool(50, 8, () => bench.api.submit(USERS.sam, insideCard()));
  const run = await pool(count, 8, () => bench.api.submit(USERS.sam, insideCard()));
  console.log(`${count} submissions at concurrency 8: ${round(run.perSecond)}/s`);
} finally {
  await bench.stop();
}
