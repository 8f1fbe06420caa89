/**
 * `npm start`: the whole of Fail Forward on one machine. Honours PORT, DATA_DIR,
 * DECISION_DEADLINE_SECONDS, REVIEW_PERIOD_SECONDS and RETENTION_SECONDS (see the README).
 * `npm run demo` is the same with `--demo`: it loads the demo set through the JSON API.
 */
import { loadDemoData } from './demo-data.ts';
import { DEMO_USERS } from './demo-users.ts';
import { startLocalSystem } from './runtime.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.DATA_DIR ?? '.data';
const deadline = process.env.DECISION_DEADLINE_SECONDS
  ? Number(process.env.DECISION_DEADLINE_SECONDS)
  : undefined;
if (deadline !== undefined && (!Number.isFinite(deadline) || deadline <= 0)) {
  console.error('DECISION_DEADLINE_SECONDS must be a positive number of seconds.');
  process.exit(2);
}

const review = process.env.REVIEW_PERIOD_SECONDS ? Number(process.env.REVIEW_PERIOD_SECONDS) : undefined;
if (review !== undefined && (!Number.isFinite(review) || review <= 0)) {
  console.error('REVIEW_PERIOD_SECONDS must be a positive number of seconds.');
  process.exit(2);
}

const retention = process.env.RETENTION_SECONDS ? Number(process.env.RETENTION_SECONDS) : undefined;
if (retention !== undefined && (!Number.isFinite(retention) || retention <= 0)) {
  console.error('RETENTION_SECONDS must be a positive number of seconds.');
  process.exit(2);
}

// Ctrl-C while starting: exit at once (the database child is stopped on exit).
const early = () => process.exit(130);
process.once('SIGINT', early);
process.once('SIGTERM', early);

const system = await startLocalSystem({
  port,
  dataDir,
  ...(deadline ? { decisionDeadlineSeconds: deadline } : {}),
  ...(review ? { reviewPeriodSeconds: review } : {}),
  ...(retention ? { retentionSeconds: retention } : {}),
});
process.off('SIGINT', early);
process.off('SIGTERM', early);

if (process.argv.includes('--demo')) {
  const count = await loadDemoData(system.url);
  console.log(`Loaded ${count} demo experiments through the API.`);
}

console.log(`
Fail Forward is running at ${system.url}
Open it in a browser and choose Sign in to use the pages as one of the demo users below.
  data folder:      ${dataDir}
  DynamoDB Local:   ${system.endpoints.dynamodb}
  Step Functions:   ${system.endpoints.stepfunctions}
  decision deadline ${deadline ? `${deadline} s (DECISION_DEADLINE_SECONDS)` : 'from the card policy (days)'}
  review period     ${review ? `${review} s (REVIEW_PERIOD_SECONDS)` : 'durationWeeks of each idea'}
  retention         ${retention ? `${retention} s after closing (RETENTION_SECONDS)` : '72 months after closing'}

Demo users (POST ${system.url}/local/token with one of these bodies to get a token):
${DEMO_USERS.map((u) => `  ${u.label.padEnd(44)} ${JSON.stringify(u.claims)}`).join('\n')}

Press Ctrl-C to stop.`);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Fail Forward…`);
  await system.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
