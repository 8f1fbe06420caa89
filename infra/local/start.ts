/**
 * `npm start`: the whole of Fail Forward on one machine. Honours PORT, DATA_DIR,
 * DECISION_DEADLINE_SECONDS, REVIEW_PERIOD_SECONDS, WORKFLOW_MAX_AGE_SECONDS, RECONCILE_SECONDS and
 * RETENTION_SECONDS (see the README). `npm run demo` is the same with `--demo`: it loads the demo set
 * through the JSON API.
 */

import { RECONCILE_INTERVAL_SECONDS } from '#shared/config.ts';
import { teamNames } from '#shared/domain/teams.ts';
import { DEFAULT_WORKFLOW_MAX_AGE_SECONDS } from '#shared/workflow/timers.ts';
import { loadDemoData } from './demo-data.ts';
import { DEMO_USERS } from './demo-users.ts';
import { startLocalSystem } from './runtime.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.DATA_DIR ?? '.data';

/** A positive number of seconds from the environment, or undefined when unset; anything else stops here. */
const seconds = (name: string): number | undefined => {
  const raw = process.env[name];
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} must be a positive number of seconds.`);
    process.exit(2);
  }
  return value;
};

const deadline = seconds('DECISION_DEADLINE_SECONDS');
const review = seconds('REVIEW_PERIOD_SECONDS');
const maxAge = seconds('WORKFLOW_MAX_AGE_SECONDS');
const reconcile = seconds('RECONCILE_SECONDS');

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
  ...(maxAge ? { workflowMaxAgeSeconds: maxAge } : {}),
  ...(reconcile ? { reconcileSeconds: reconcile } : {}),
  ...(retention ? { retentionSeconds: retention } : {}),
});
process.off('SIGINT', early);
process.off('SIGTERM', early);

if (process.argv.includes('--demo')) {
  const count = await loadDemoData(system.url);
  console.log(`Loaded ${count} demo experiments through the API.`);
}

/** One line per demo user: who they are, then the body that gets their token. */
const demoUserLines = (): string => {
  const names = teamNames('en');
  const labels = DEMO_USERS.map((u) => `${u.name}, ${names[u.team] ?? u.team} (${u.groups.join(', ')})`);
  const width = Math.max(...labels.map((label) => label.length)) + 1;
  return DEMO_USERS.map((u, i) => `  ${labels[i]?.padEnd(width)} ${JSON.stringify(u)}`).join('\n');
};

console.log(`
Fail Forward is running at ${system.url}
Open it in a browser and choose Sign in to use the pages as one of the demo users below.
  data folder:      ${dataDir}
  DynamoDB Local:   ${system.endpoints.dynamodb}
  Step Functions:   ${system.endpoints.stepfunctions}
  decision deadline ${deadline ? `${deadline} s (DECISION_DEADLINE_SECONDS)` : 'from the card policy (days)'}
  review period     ${review ? `${review} s (REVIEW_PERIOD_SECONDS)` : 'durationWeeks of each idea'}
  execution age     ${maxAge ?? DEFAULT_WORKFLOW_MAX_AGE_SECONDS} s, then it hands over${maxAge ? ' (WORKFLOW_MAX_AGE_SECONDS)' : ''}
  reconciliation    every ${reconcile ?? RECONCILE_INTERVAL_SECONDS} s${reconcile ? ' (RECONCILE_SECONDS)' : ''}
  retention         ${retention ? `${retention} s after closing (RETENTION_SECONDS)` : '72 months after closing'}

Demo users (POST ${system.url}/local/token with one of these bodies to get a token):
${demoUserLines()}

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
