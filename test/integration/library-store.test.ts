/**
 * The library's storage over DynamoDB Local: entries written in the experiment's own transaction, the
 * change index, snapshots in pieces, a warm index keeping up, and compaction deciding when a snapshot
 * is due. The routes over the whole system are in library.test.ts and library-updates.test.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DynamoDbLocal,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startDynamoDbLocal,
} from '#infra/local/dynamodb-local.ts';
import { localCreateTableInput } from '#infra/local/local-table.ts';
import { POLICY_V1 } from '#shared/domain/card.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import { REDACTED } from '#shared/domain/redaction.ts';
import { search } from '#shared/library/search.ts';
import { compactLibrary } from '#shared/services/library/compaction.ts';
import { libraryIndex } from '#shared/services/library/library-index.ts';
import { auditStore } from '#shared/store/audit-store.ts';
import { toItem } from '#shared/store/experiment-item.ts';
import { experimentStore, VersionConflict } from '#shared/store/experiment-store.ts';
import { libraryEntryKey } from '#shared/store/keys.ts';
import { CHUNK_BYTES, librarySnapshots } from '#shared/store/library-snapshots.ts';
import { libraryStore } from '#shared/store/library-store.ts';
import { sampleCard } from '#test/support/fixtures.ts';

let dynamo: DynamoDbLocal;
let db: DynamoDBDocumentClient;
let table = '';
let tables = 0;

/** A table of its own for each test, so no test sees another's entries or snapshot. */
const freshTable = async () => {
  tables += 1;
  table = `library-${tables}`;
  await db.send(new CreateTableCommand(localCreateTableInput(table)));
  return {
    experiments: experimentStore(
      db,
      table,
      auditStore(db, table, { retentionMonths: 72, now: () => new Date() }),
    ),
    entries: libraryStore(db, table),
    snapshots: librarySnapshots(db, table),
  };
};

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
});

afterAll(async () => {
  db?.destroy();
  await dynamo?.stop();
});

const T0 = '2026-03-02T09:00:00.000Z';

const experiment = (title: string, overrides: Partial<Experiment> = {}): Experiment => ({
  id: randomUUID(),
  title,
  problem: `The problem of ${title.toLowerCase()}.`,
  hypothesis: { weBelieve: 'a change', toTestIt: 'try it', measure: 'take-up', rightIf: 'most say yes' },
  card: sampleCard({ peopleInvolved: 5, staffHours: 5 }),
  team: 'early-help',
  owner: 'sam',
  ownerName: 'Sam Patel',
  createdAt: T0,
  updatedAt: T0,
  status: 'authorised',
  policyVersion: POLICY_V1.version,
  raisedToLeaders: false,
  everEscalated: false,
  cycles: [],
  history: [],
  ...overrides,
});

const withCycle = (exp: Experiment, learned: string, next: 'adapt' | 'adopt' = 'adapt'): Experiment => ({
  ...exp,
  status: next === 'adopt' ? 'adopted' : 'testing',
  cycles: [
    ...exp.cycles,
    {
      number: exp.cycles.length + 1,
      result: 'worked',
      observed: 'We counted.',
      learned,
      next,
      recordedAt: T0,
      recordedBy: 'sam',
    },
  ],
});

const libItem = async (id: string) =>
  (await db.send(new GetCommand({ TableName: table, Key: libraryEntryKey(id), ConsistentRead: true }))).Item;

/** Creates an experiment and takes it through `steps`, each saved as the API saves it. */
const stored = async (
  stores: Awaited<ReturnType<typeof freshTable>>,
  exp: Experiment,
  ...steps: ((e: Experiment) => Experiment)[]
) => {
  await stores.experiments.create(exp, { owner: exp.owner, key: exp.id, bodyHash: 'x' });
  let current = exp;
  for (const step of steps) {
    const record = await stores.experiments.get(exp.id);
    if (!record) throw new Error('not stored');
    current = step(current);
    await stores.experiments.save(current, record);
  }
  return current;
};

describe('entries, written with their experiment', () => {
  it('puts an entry when an idea enters the library, and writes nothing when the entry stays the same', async () => {
    // Prepare
    const stores = await freshTable();
    const exp = experiment('Evening calls');

    // Act
    await stored(stores, exp);
    const before = await libItem(exp.id);
    const testing = await stored(stores, experiment('Evening texts'), (e) => withCycle(e, 'Texts work.'));
    const entered = await libItem(testing.id);
    const record = await stores.experiments.get(testing.id);
    if (!record) throw new Error('not stored');
    await stores.experiments.save({ ...testing, reviewBy: '2026-04-01T00:00:00.000Z' }, record);
    const unchanged = await libItem(testing.id);

    // Assess
    expect(before).toBeUndefined();
    expect(entered).toMatchObject({ version: 2, entry: { id: testing.id, status: 'testing' } });
    expect(entered?.entry).not.toHaveProperty('owner');
    expect(unchanged).toEqual(entered);
  });

  it('marks a change that removes text, and leaves a tombstone when the idea leaves the library', async () => {
    // Prepare
    const stores = await freshTable();
    const exp = await stored(stores, experiment('Garden reparation'), (e) => withCycle(e, 'It works.'));

    // Act
    await stored(stores, { ...exp, id: randomUUID() }); // another idea, untouched
    const record = await stores.experiments.get(exp.id);
    if (!record) throw new Error('not stored');
    await stores.experiments.save({ ...exp, problem: REDACTED }, record);
    const redacted = await libItem(exp.id);
    const again = await stores.experiments.get(exp.id);
    if (!again) throw new Error('not stored');
    await stores.experiments.save({ ...exp, problem: REDACTED, status: 'escalated', escalatedAt: T0 }, again);
    const left = await libItem(exp.id);

    // Assess
    expect(redacted).toMatchObject({ version: 3, removesText: true, entry: { problem: REDACTED } });
    expect(left).toMatchObject({ version: 4, removesText: true });
    expect(left).not.toHaveProperty('entry');
    expect(await stores.entries.get(exp.id)).toBeUndefined();
  });

  it('writes neither the experiment nor its entry when the save loses a race', async () => {
    // Prepare
    const stores = await freshTable();
    const exp = await stored(stores, experiment('Buddy scheme'));
    const stale = await stores.experiments.get(exp.id);
    if (!stale) throw new Error('not stored');
    await stores.experiments.save({ ...exp, updatedAt: '2026-03-03T00:00:00.000Z' }, stale);

    // Act
    const lost = stores.experiments.save(withCycle(exp, 'Buddies help.'), stale);

    // Assess
    await expect(lost).rejects.toBeInstanceOf(VersionConflict);
    expect(await libItem(exp.id)).toBeUndefined();
  });
});

describe('snapshots', () => {
  it('stores a snapshot larger than an item in pieces, and reads it back whole', async () => {
    // Prepare
    const { snapshots } = await freshTable();
    const text = randomBytes(700_000).toString('base64'); // does not compress: several pieces
    const meta = { asOf: T0, builtAt: T0, fullBuildAt: T0, analyser: 'test', entries: 0 };

    // Act
    const first = await snapshots.save(text, meta, undefined);
    const loaded = await snapshots.load();

    // Assess
    expect(first?.chunks).toBe(Math.ceil((first?.storedBytes ?? 0) / CHUNK_BYTES));
    expect(first?.chunks).toBeGreaterThan(1);
    expect(loaded?.text).toBe(text);
  });

  it('deletes the pieces of the snapshot it replaces, and a builder that lost the race leaves none', async () => {
    // Prepare
    const { snapshots } = await freshTable();
    const meta = { asOf: T0, builtAt: T0, fullBuildAt: T0, analyser: 'test', entries: 0 };
    const first = await snapshots.save('first', meta, undefined);

    // Act
    const second = await snapshots.save('second', meta, first);
    const late = await snapshots.save('late', meta, first);
    const pieces = await db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `LIBSNAP#${first?.snapshotId}` },
      }),
    );

    // Assess
    expect(second).toBeDefined();
    expect(late).toBeUndefined();
    expect((await snapshots.load())?.text).toBe('second');
    expect(pieces.Items).toEqual([]);
  });
});

describe('the warm index', () => {
  it('builds from the entries when there is no snapshot, and applies changes once its interval has passed', async () => {
    // Prepare
    const stores = await freshTable();
    let now = Date.parse('2026-03-02T09:00:00Z');
    const holder = libraryIndex({ ...stores, clock: () => now, checkEveryMs: 1_000 });
    const garden = await stored(stores, experiment('Community garden reparation'), (e) =>
      withCycle(e, 'Neighbours thanked them.'),
    );
    const first = search(await holder.current(), { q: 'garden' }).items.map((i) => i.id);

    // Act
    const calls = await stored(stores, experiment('Evening calls'), (e) =>
      withCycle(e, 'Parents answered after six.'),
    );
    const tooSoon = search(await holder.current(), { q: 'evening' }).items.map((i) => i.id);
    now += 1_000;
    const later = search(await holder.current(), { q: 'evening' }).items.map((i) => i.id);
    const record = await stores.experiments.get(garden.id);
    if (!record) throw new Error('not stored');
    await stores.experiments.save({ ...garden, status: 'escalated', escalatedAt: T0 }, record);
    now += 1_000;
    const gone = search(await holder.current(), { q: 'garden' }).items.map((i) => i.id);

    // Assess
    expect(first).toEqual([garden.id]);
    expect(tooSoon).toEqual([]);
    expect(later).toEqual([calls.id]);
    expect(gone).toEqual([]);
  });

  it('loads the stored snapshot and applies what changed after it', async () => {
    // Prepare
    const stores = await freshTable();
    const early = await stored(stores, experiment('Parent buddies'), (e) => withCycle(e, 'Buddies help.'));
    const compacted = await compactLibrary({ ...stores, now: () => new Date() });
    const late = await stored(stores, experiment('Buddy texts'), (e) => withCycle(e, 'Texts help buddies.'));

    // Act
    const index = await libraryIndex(stores).current();

    // Assess
    expect(compacted).toMatchObject({ written: true, full: true, entries: 1 });
    expect(new Set(search(index, { q: 'buddies' }).items.map((i) => i.id))).toEqual(
      new Set([early.id, late.id]),
    );
  });
});

describe('compaction', () => {
  it('gives experiments stored before the library their entries, once', async () => {
    // Prepare
    const stores = await freshTable();
    const old = withCycle(experiment('Family link-up'), 'Families liked meeting another family.');
    await db.send(new PutCommand({ TableName: table, Item: toItem(old, 2) }));

    // Act
    const result = await compactLibrary({ ...stores, now: () => new Date() });

    // Assess
    expect(result).toMatchObject({ written: true, full: true, entries: 1 });
    expect(await stores.entries.get(old.id)).toMatchObject({ id: old.id, status: 'testing' });
  });

  it('rebuilds at once a snapshot stored in an earlier format, with nothing changed since', async () => {
    // Prepare: the first format's snapshot as the last deploy stored it (MiniSearch's own JSON).
    const stores = await freshTable();
    await stored(stores, experiment('Parent buddies'), (e) => withCycle(e, 'Buddies help.'));
    await compactLibrary({ ...stores, now: () => new Date() });
    const pointer = await stores.snapshots.current();
    const at = new Date().toISOString();
    await stores.snapshots.save(
      JSON.stringify({ format: 'fail-forward-library/1', analyser: 'porter-en+cy-radicals/2', index: {} }),
      { asOf: at, builtAt: at, fullBuildAt: at, analyser: 'porter-en+cy-radicals/2', entries: 1 },
      pointer,
    );

    // Act
    const result = await compactLibrary({ ...stores, now: () => new Date() });
    const index = await libraryIndex(stores).current();

    // Assess
    expect(result).toMatchObject({ written: true, full: true, entries: 1 });
    expect(search(index, { q: 'buddies' }).items).toHaveLength(1);
    expect((await stores.snapshots.load())?.text).toContain('"fail-forward-library/2"');
  });

  it('writes a new snapshot only when one is due: text removed, many changes, an hour, a day', async () => {
    // Prepare
    const stores = await freshTable();
    let now = Date.now();
    const compact = () => compactLibrary({ ...stores, now: () => new Date(now) });
    const exp = await stored(stores, experiment('School run'), (e) => withCycle(e, 'Walking buses work.'));
    await compact();

    // Act
    const idle = await compact();
    await stored(stores, experiment('Walking bus'), (e) => withCycle(e, 'It rained.'));
    const oneChange = await compact();
    const record = await stores.experiments.get(exp.id);
    if (!record) throw new Error('not stored');
    await stores.experiments.save({ ...exp, problem: REDACTED }, record);
    const removal = await compact();
    await stored(stores, experiment('Cycle to school'), (e) => withCycle(e, 'Bikes were stolen.'));
    now += 61 * 60 * 1000;
    const anHourOn = await compact();
    now += 25 * 60 * 60 * 1000;
    const aDayOn = await compact();

    // Assess
    expect(idle).toMatchObject({ written: false });
    expect(oneChange).toMatchObject({ written: false });
    expect(removal).toMatchObject({ written: true, full: false, entries: 2 });
    expect(anHourOn).toMatchObject({ written: true, full: false, entries: 3 });
    expect(aDayOn).toMatchObject({ written: true, full: true, entries: 3 });
  });
});
