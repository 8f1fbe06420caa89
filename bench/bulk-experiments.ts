/**
 * Builds and bulk-loads experiments with the items and counters the real write path stores, so the
 * dashboard can be measured at 100,000 experiments without 100,000 trips through the workflow.
 *
 * - Items: the experiment item is built from the same key functions the store uses (`experimentKey`,
 *   `experimentIndexKeys`) plus the store's private `search` and `version` fields. `checkItemParity`
 *   rebuilds an item the real path stored and requires it to be identical, so a change to the store's
 *   item shape fails the bench instead of silently measuring something else.
 * - Idempotency records: one per experiment, as `experimentStore.create` writes.
 * - Counters: the store adds `statsDeltas(before, after)` at every status change; summed over an
 *   experiment's life those deltas telescope to `statsDeltas(undefined, final)`, which is what the
 *   loader adds, per month, team and random shard, with the same `ADD` update.
 *   `checkCounterParity` compares the counters the real path kept with that sum for every stored experiment.
 *   The calibration counters (calibration-counters.ts) telescope the same way to
 *   `calibrationDeltas(undefined, final)`, added per month of each event, team and shard, split between
 *   the team's item and the answers item as the store splits them (`calibrationItemDeltas`).
 * Not loaded: workflow executions and outbox messages, which the dashboard never reads.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { assess } from '#shared/domain/assess.ts';
import { type Card, POLICY_V1 } from '#shared/domain/card.ts';
import type { Cycle, Experiment, HistoryEntry } from '#shared/domain/experiment.ts';
import { SYSTEM_ACTOR } from '#shared/domain/roles.ts';
import { TEAM_IDS } from '#shared/domain/teams.ts';
import { canonicalHash } from '#shared/services/canonical-hash.ts';
import {
  CALIBRATION_SHARDS,
  calibrationDeltas,
  calibrationItemDeltas,
} from '#shared/store/calibration-counters.ts';
import { toItem, toRecord } from '#shared/store/experiment-item.ts';
import { idempotencyKey } from '#shared/store/keys.ts';
import { addCounters, monthOf, STATS_SHARDS, statsDeltas, statsKey } from '#shared/store/stats.ts';
import { sampleCard, sampleIdea } from '../test/support/fixtures.ts';
import { pool } from './measure.ts';

/** Strips the store's own attributes, leaving the Experiment the API returns. */
export const experimentOf = (item: Record<string, unknown>): Experiment => toRecord(item).experiment;

/** Throws unless the bulk builder rebuilds `stored` (an item the real path wrote) exactly. */
export const checkItemParity = (stored: Record<string, unknown>): void => {
  // The workflow's task token is not on the experiment item (it has an item of its own).
  const record = toRecord(stored);
  const rebuilt = toItem(record.experiment, record.version, record.submissionKey);
  if (canonicalHash(stored) !== canonicalHash(rebuilt)) {
    throw new Error(
      `The bulk loader's item differs from the stored one:\n${JSON.stringify(stored)}\n${JSON.stringify(rebuilt)}`,
    );
  }
};

const scanAll = async (db: DynamoDBDocumentClient, table: string, prefix: string) => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'begins_with(pk, :p)',
        ExpressionAttributeValues: { ':p': prefix },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

/**
 * Compares the counters the real write path kept (every STATS item, added up) with the sum of
 * `statsDeltas(undefined, experiment)` over every stored experiment. Returns the names that differ.
 */
export const checkCounterParity = async (db: DynamoDBDocumentClient, table: string): Promise<string[]> => {
  const expected: Record<string, number> = {};
  for (const item of await scanAll(db, table, 'EXP#'))
    for (const [name, n] of Object.entries(statsDeltas(undefined, experimentOf(item))))
      expected[name] = (expected[name] ?? 0) + n;
  const actual: Record<string, number> = {};
  for (const item of await scanAll(db, table, 'STATS'))
    for (const [name, n] of Object.entries(item))
      if (typeof n === 'number') actual[name] = (actual[name] ?? 0) + n;
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names].filter((name) => (expected[name] ?? 0) !== (actual[name] ?? 0));
};

// ---- Synthetic experiments -------------------------------------------------------------------------

/** The known frontline teams, and three more a larger council would have (shown by their ids). */
export const BULK_TEAMS = [
  ...TEAM_IDS.filter((team) => team !== 'children-services'),
  'fostering',
  'disabled-children',
  'adult-social-care',
];

/** A small deterministic generator, so two runs load the same log. */
const random = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const HOUR = 3_600_000;

const insideCard: Card = sampleCard({ extraCost: 120, peopleInvolved: 8 });
const outsideCard: Card = { ...insideCard, extraCost: 750, peopleInvolved: 40 };

const TEXT =
  'Families referred on a Friday wait until Monday to hear from anyone, and some of them never take up the first appointment.';

/**
 * Experiment `index` of a log spread evenly over `months` months ending with the current one: the
 * same mix of journeys a year of real use would leave (most authorised by the card and tested, some
 * escalated and decided, a few waiting or raised to leaders).
 */
export const syntheticExperiment = (index: number, months: number): Experiment => {
  const rnd = random(index + 1);
  const now = Date.now();
  const start = now - months * 30 * 24 * HOUR;
  const created = start + rnd() * (now - start - 60 * 24 * HOUR);
  const at = (offsetHours: number) => new Date(created + offsetHours * HOUR).toISOString();
  const team = BULK_TEAMS[Math.floor(rnd() * BULK_TEAMS.length)] as string;
  const owner = `staff-${team}-${Math.floor(rnd() * 25)}`;
  const ownerName = `Member of staff ${owner.slice(-2)}`;
  const manager = { id: `manager-${team}`, name: `Manager of ${team}` };
  const system = { by: SYSTEM_ACTOR.id, byName: SYSTEM_ACTOR.name };
  const escalated = rnd() < 0.3;
  // Half the escalations go past the extra money limit alone, at one of 50 amounts, so calibration's
  // counters by answer are as varied as a year of decisions would make them.
  const card = !escalated
    ? insideCard
    : index % 2 === 0
      ? outsideCard
      : { ...insideCard, extraCost: 510 + (index % 50) * 10 };
  const assessment = { ...assess(card, POLICY_V1), assessedAt: at(0.0005) };
  const history: HistoryEntry[] = [
    { at: at(0), by: owner, byName: ownerName, event: 'submitted', status: 'assessing' },
  ];
  const exp: Experiment = {
    id: randomUUID(),
    title: `Idea ${index}: evening calls to new referrals`,
    problem: TEXT,
    hypothesis: sampleIdea().hypothesis,
    card,
    team,
    owner,
    ownerName,
    createdAt: at(0),
    updatedAt: at(0),
    status: 'assessing',
    policyVersion: 1,
    assessment,
    raisedToLeaders: false,
    everEscalated: escalated,
    cycles: [],
    history,
  };
  let clock = 0.0005;
  if (!escalated) {
    exp.status = 'authorised';
    exp.authorisation = { by: SYSTEM_ACTOR.id, at: at(clock) };
    history.push({ at: at(clock), ...system, event: 'authorised', status: 'authorised' });
  } else {
    exp.status = 'escalated';
    exp.escalatedAt = at(clock);
    exp.deadlineAt = at(clock + 5 * 24);
    history.push({
      at: at(clock),
      ...system,
      event: 'escalated',
      status: 'escalated',
      detail: assessment.reasons.map((r) => r.message).join(' '),
    });
    const fate = rnd();
    if (fate < 0.1) {
      // Still waiting; some past the deadline, in the leaders' queue.
      if (rnd() < 0.5) {
        exp.raisedToLeaders = true;
        history.push({
          at: at(clock + 5 * 24),
          ...system,
          event: 'raisedToLeaders',
          status: 'escalated',
        });
      }
    } else {
      clock += 2 + rnd() * 100;
      const approve = fate < 0.85;
      exp.status = approve ? 'authorised' : 'declined';
      exp.decision = {
        outcome: approve ? 'approve' : 'decline',
        by: manager.id,
        byName: manager.name,
        at: at(clock),
        ...(approve ? {} : { reason: 'Too many families for a first test.' }),
      };
      if (approve) exp.authorisation = { by: manager.id, byName: manager.name, at: at(clock) };
      else exp.closedAt = at(clock);
      history.push({
        at: at(clock),
        by: manager.id,
        byName: manager.name,
        event: approve ? 'approved' : 'declined',
        status: exp.status,
      });
    }
  }
  if (exp.status === 'authorised') {
    exp.reviewBy = at(clock + card.durationWeeks * 7 * 24);
    const cycles = Math.floor(rnd() * 4);
    for (let n = 1; n <= cycles; n++) {
      clock += 7 * 24 * rnd() + 1;
      const last = n === cycles;
      const next = last ? (rnd() < 0.5 ? 'adopt' : rnd() < 0.5 ? 'abandon' : 'adapt') : 'adapt';
      const cycle: Cycle = {
        number: n,
        result: rnd() < 0.5 ? 'worked' : 'didNotWork',
        observed: 'Six of ten families took up the first appointment after an evening call.',
        learned: 'Calls before 7pm reach more families than later ones.',
        next,
        recordedAt: at(clock),
        recordedBy: owner,
      };
      exp.cycles.push(cycle);
      exp.status = next === 'adopt' ? 'adopted' : next === 'abandon' ? 'abandoned' : 'testing';
      if (exp.status !== 'testing') exp.closedAt = at(clock);
      history.push({
        at: at(clock),
        by: owner,
        byName: ownerName,
        event: 'cycleRecorded',
        status: exp.status,
        detail: `Cycle ${n}`,
      });
    }
  }
  exp.updatedAt = history.at(-1)?.at ?? exp.createdAt;
  return exp;
};

// ---- Loading ---------------------------------------------------------------------------------------

const BATCH = 25;

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } };

const writeBatch = async (db: DynamoDBDocumentClient, table: string, requests: WriteRequest[]) => {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 10) throw new Error('BatchWriteItem kept returning unprocessed items');
    const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
    pending = (out.UnprocessedItems?.[table] ?? []) as WriteRequest[];
    if (pending.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
};

export interface LoadResult {
  experiments: number;
  items: number;
  counterUpdates: number;
  seconds: number;
  itemsPerSecond: number;
}

/**
 * Writes experiments `from` .. `to - 1` of the synthetic log: experiment and idempotency items with
 * BatchWriteItem (25 a request, `concurrency` requests at a time), then the counters with one
 * `ADD` update per month, team and shard touched.
 */
export const bulkLoad = async (
  db: DynamoDBDocumentClient,
  table: string,
  range: { from: number; to: number; months: number },
  concurrency = 4,
): Promise<LoadResult> => {
  const started = performance.now();
  const counters = new Map<string, { key: { pk: string; sk: string }; deltas: Record<string, number> }>();
  const count = (key: { pk: string; sk: string }, deltas: Record<string, number>) => {
    const slot = counters.get(`${key.pk}/${key.sk}`) ?? { key, deltas: {} };
    for (const [name, n] of Object.entries(deltas)) slot.deltas[name] = (slot.deltas[name] ?? 0) + n;
    counters.set(`${key.pk}/${key.sk}`, slot);
  };
  let items = 0;
  // Built and written a chunk at a time: 100,000 experiments with their histories would not fit the heap at once.
  const CHUNK = 2_500;
  for (let chunk = range.from; chunk < range.to; chunk += CHUNK) {
    const requests: WriteRequest[] = [];
    for (let i = chunk; i < Math.min(range.to, chunk + CHUNK); i++) {
      const exp = syntheticExperiment(i, range.months);
      requests.push({ PutRequest: { Item: toItem(exp, exp.history.length - 1, exp.id) } });
      requests.push({
        PutRequest: {
          Item: {
            ...idempotencyKey(exp.owner, exp.id),
            experimentId: exp.id,
            bodyHash: createHash('sha256').update(exp.id).digest('hex'),
            expiresAt: Math.floor(Date.parse(exp.createdAt) / 1000) + 7 * 24 * 3600,
          },
        },
      });
      count(statsKey(monthOf(exp.createdAt), exp.team, i % STATS_SHARDS), statsDeltas(undefined, exp));
      for (const [month, deltas] of calibrationDeltas(undefined, exp))
        for (const item of calibrationItemDeltas(month, exp.team, deltas, i % CALIBRATION_SHARDS))
          count(item.key, item.deltas);
    }
    const batches: WriteRequest[][] = [];
    for (let i = 0; i < requests.length; i += BATCH) batches.push(requests.slice(i, i + BATCH));
    await pool(batches.length, concurrency, (i) => writeBatch(db, table, batches[i] as WriteRequest[]));
    items += requests.length;
  }
  const slots = [...counters.values()];
  await pool(slots.length, concurrency, async (i) => {
    const { key, deltas } = slots[i] as (typeof slots)[number];
    await db.send(new UpdateCommand({ TableName: table, Key: key, ...addCounters(deltas) }));
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    experiments: range.to - range.from,
    items,
    counterUpdates: slots.length,
    seconds,
    itemsPerSecond: items / seconds,
  };
};
