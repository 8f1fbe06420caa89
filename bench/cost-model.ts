/**
 * docs/cost.md's tables, from the counts `npm run bench` measured (bench/results/latest.json) and the
 * published eu-west-2 prices below: `node bench/cost-model.ts` prints the markdown.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JourneyCounts } from './cost-counts.ts';

/** US dollars, Europe (London), as published; see docs/cost.md for where each comes from. */
export const PRICES = {
  stateTransition: 0.025 / 1000,
  lambdaRequest: 0.2 / 1_000_000,
  lambdaGbSecondArm: 0.0000133334,
  writeRequestUnit: 0.7068 / 1_000_000,
  readRequestUnit: 0.1415 / 1_000_000,
  httpApiRequest: 1.11 / 1_000_000,
};

/** Monthly free allowances that never expire (Lambda, Step Functions); the 12-month ones are left out. */
export const FREE = { stateTransitions: 4000, lambdaRequests: 1_000_000, lambdaGbSeconds: 400_000 };

/** Memory of every function (infra/constructs/app-function.ts). */
const LAMBDA_GB = 512 / 1024;

/** The mix one submission stands for: most ideas are inside the card; each is tested a few times. */
export const MIX = { escalatedShare: 0.3, cyclesPerExperiment: 2 };

interface Usage {
  transitions: number;
  lambdaRequests: number;
  gbSeconds: number;
  wru: number;
  rru: number;
  apiRequests: number;
}

const usageOf = (j: JourneyCounts): Usage => ({
  transitions: j.stateTransitions,
  lambdaRequests: j.apiInvocations + j.taskInvocations,
  gbSeconds: ((j.apiMs + j.taskMs) / 1000) * LAMBDA_GB,
  wru: j.billedWru,
  rru: j.rru,
  apiRequests: j.apiInvocations,
});

const add = (a: Usage, b: Usage, times = 1): Usage => ({
  transitions: a.transitions + b.transitions * times,
  lambdaRequests: a.lambdaRequests + b.lambdaRequests * times,
  gbSeconds: a.gbSeconds + b.gbSeconds * times,
  wru: a.wru + b.wru * times,
  rru: a.rru + b.rru * times,
  apiRequests: a.apiRequests + b.apiRequests * times,
});

const zero: Usage = { transitions: 0, lambdaRequests: 0, gbSeconds: 0, wru: 0, rru: 0, apiRequests: 0 };

const costOf = (u: Usage, free = false) => {
  const over = (used: number, allowance: number) => (free ? Math.max(0, used - allowance) : used);
  const parts = {
    stepFunctions: over(u.transitions, FREE.stateTransitions) * PRICES.stateTransition,
    lambda:
      over(u.lambdaRequests, FREE.lambdaRequests) * PRICES.lambdaRequest +
      over(u.gbSeconds, FREE.lambdaGbSeconds) * PRICES.lambdaGbSecondArm,
    dynamodb: u.wru * PRICES.writeRequestUnit + u.rru * PRICES.readRequestUnit,
    apiGateway: u.apiRequests * PRICES.httpApiRequest,
  };
  return { ...parts, total: parts.stepFunctions + parts.lambda + parts.dynamodb + parts.apiGateway };
};

const usd = (n: number) =>
  n >= 1 ? `$${n.toFixed(2)}` : n >= 0.01 ? `$${n.toFixed(3)}` : `$${n.toFixed(6)}`;

export const costTables = (journeys: JourneyCounts[]): string => {
  const [auto, escalated, cycle] = journeys;
  if (!auto || !escalated || !cycle) throw new Error('Expected three journeys in the bench results');
  const lines: string[] = [];
  lines.push('| journey | transitions | Lambda calls | GB-s | WRU | RRU | API calls | cost |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const j of journeys) {
    const u = usageOf(j);
    lines.push(
      `| ${j.journey} | ${u.transitions} | ${u.lambdaRequests} | ${u.gbSeconds.toFixed(3)} | ${u.wru} | ${u.rru} | ${u.apiRequests} | ${usd(costOf(u).total)} |`,
    );
  }
  const perSubmission = add(
    add(add(zero, usageOf(auto), 1 - MIX.escalatedShare), usageOf(escalated), MIX.escalatedShare),
    usageOf(cycle),
    MIX.cyclesPerExperiment,
  );
  const one = costOf(perSubmission);
  lines.push('');
  lines.push(
    `One submission, with ${MIX.escalatedShare * 100}% escalated and ${MIX.cyclesPerExperiment} cycles: ` +
      `${perSubmission.transitions.toFixed(1)} transitions, ${perSubmission.lambdaRequests.toFixed(1)} Lambda calls, ` +
      `${perSubmission.wru.toFixed(0)} WRU, ${perSubmission.rru.toFixed(0)} RRU: **${usd(one.total)}** ` +
      `(Step Functions ${usd(one.stepFunctions)}, Lambda ${usd(one.lambda)}, DynamoDB ${usd(one.dynamodb)}, API Gateway ${usd(one.apiGateway)}).`,
  );
  lines.push('');
  lines.push(
    '| submissions a month | Step Functions | Lambda | DynamoDB | API Gateway | total | total after free tiers |',
  );
  lines.push('|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of [100, 10_000, 1_000_000]) {
    const month = add(zero, perSubmission, n);
    const list = costOf(month);
    const free = costOf(month, true);
    lines.push(
      `| ${n.toLocaleString('en-GB')} | ${usd(list.stepFunctions)} | ${usd(list.lambda)} | ${usd(list.dynamodb)} | ${usd(list.apiGateway)} | ${usd(list.total)} | ${usd(free.total)} |`,
    );
  }
  return lines.join('\n');
};

if (import.meta.url === `file://${process.argv[1]}`) {
  // A file of counts may be named (bench/results/cost-counts.json from `npm run bench:cost`).
  const file = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
  const results = JSON.parse(readFileSync(file, 'utf8')) as { costCounts: JourneyCounts[] };
  console.log(costTables(results.costCounts));
}
