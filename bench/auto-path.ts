/**
 * Phases 1 and 2: submissions the card authorises, at several concurrencies, and the storage floor:
 * raw PutItem of an item of the same size into a table of the same design, at the same concurrencies.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { localCreateTableInput } from '#infra/local/local-table.ts';
import { insideCard, USERS } from '../test/support/api.ts';
import { APP_TABLE, type BenchSystem } from './bench-system.ts';
import { checkItemParity } from './bulk-experiments.ts';
import { difference, meter, type Tally, total } from './capacity-meter.ts';
import { type CpuUse, cpuSample, cpuUse, javaPid } from './cpu.ts';
import { type Latencies, pool, round, summarise, until } from './measure.ts';
import { history, parkedIn } from './workflow-probe.ts';

export interface AutoLevel {
  concurrency: number;
  submissions: number;
  perSecond: number;
  latencyMs: Latencies;
  /** Responses whose body did not already say `authorised` (they said `assessing`). */
  notYetDecided: number;
  /** Counted over the level, once its workflows had parked: all tables (app and local Step Functions). */
  writeRequestsPerSubmission: number;
  itemWritesPerSubmission: number;
  readRequestsPerSubmission: number;
  /** The same, the app table alone. */
  app: { writeRequests: number; itemWrites: number; readRequests: number };
  /** CPU of this process (handlers, workflow engine, load) and of DynamoDB Local, until the workflows parked. */
  cpu: CpuUse & { nodeMsPerSubmission: number; javaMsPerSubmission: number };
}

const STAFF = [USERS.sam, USERS.alex, USERS.rhys];

export const autoPath = async (bench: BenchSystem, count: number, levels: number[]) => {
  const { api } = bench;
  // Warm up: JIT, connection pools, DynamoDB Local's own caches. Not measured.
  await pool(Math.min(100, count), 8, (i) => api.submit(STAFF[i % 3] ?? USERS.sam, insideCard()));
  await meter.settled();

  const results: AutoLevel[] = [];
  const pid = javaPid(bench.dataDir);
  let lastId = '';
  for (const concurrency of levels) {
    const before = meter.snapshot();
    const cpuBefore = cpuSample(pid);
    const run = await pool(count, concurrency, async (i) => {
      const res = await api.submit(STAFF[i % 3] ?? USERS.sam, insideCard());
      if (res.status !== 201)
        throw new Error(`Submission answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as { id: string; status: string };
    });
    await meter.settled();
    const cpu = cpuUse(cpuBefore, cpuSample(pid));
    const used = difference(before, meter.snapshot());
    const all = total(used);
    const app = used[APP_TABLE] as Tally;
    lastId = run.results.at(-1)?.id ?? lastId;
    results.push({
      concurrency,
      submissions: count,
      perSecond: round(run.perSecond),
      latencyMs: summarise(run.latenciesMs),
      notYetDecided: run.results.filter((r) => r.status !== 'authorised').length,
      writeRequestsPerSubmission: round(all.writeRequests / count, 2),
      itemWritesPerSubmission: round(all.itemWrites / count, 2),
      readRequestsPerSubmission: round(all.readRequests / count, 2),
      app: {
        writeRequests: round(app.writeRequests / count, 2),
        itemWrites: round(app.itemWrites / count, 2),
        readRequests: round(app.readRequests / count, 2),
      },
      cpu: {
        ...cpu,
        nodeMsPerSubmission: round(cpu.nodeMs / count, 2),
        javaMsPerSubmission: round(cpu.javaMs / count, 2),
      },
    });
  }

  // The bulk loader must build exactly what the real path stored, or the dashboard phase measures a
  // fiction; the item compared is one whose workflow has parked, so it is in its final shape.
  const events = await until(
    () => history(bench.sfn, lastId),
    (e) => parkedIn(e) !== undefined,
    { everyMs: 50, timeoutMs: 60_000 },
  );
  const stored = await bench.db.send(
    new GetCommand({ TableName: APP_TABLE, Key: { pk: `EXP#${lastId}`, sk: 'EXP' }, ConsistentRead: true }),
  );
  if (!stored.Item) throw new Error(`Experiment ${lastId} is not stored`);
  checkItemParity(stored.Item);
  return { levels: results, sampleItem: stored.Item, lastParkedIn: parkedIn(events) };
};

export interface FloorLevel {
  concurrency: number;
  puts: number;
  perSecond: number;
  latencyMs: Latencies;
  cpu: CpuUse & { javaMsPerPut: number };
}

export const FLOOR_TABLE = 'bench-floor';

export const storageFloor = async (
  bench: BenchSystem,
  sampleItem: Record<string, unknown>,
  count: number,
  levels: number[],
) => {
  await bench.db.send(new CreateTableCommand(localCreateTableInput(FLOOR_TABLE)));
  const itemBytes = Buffer.byteLength(JSON.stringify(sampleItem));
  // Warm up the new table as the auto path warmed up the app table.
  await pool(Math.min(100, count), 8, (i) =>
    bench.db.send(new PutCommand({ TableName: FLOOR_TABLE, Item: { ...sampleItem, pk: `EXP#warm-${i}` } })),
  );
  const results: FloorLevel[] = [];
  const pid = javaPid(bench.dataDir);
  for (const concurrency of levels) {
    const cpuBefore = cpuSample(pid);
    const run = await pool(count, concurrency, (i) =>
      bench.db.send(
        new PutCommand({
          TableName: FLOOR_TABLE,
          Item: { ...sampleItem, pk: `EXP#floor-${concurrency}-${i}` },
        }),
      ),
    );
    const cpu = cpuUse(cpuBefore, cpuSample(pid));
    results.push({
      concurrency,
      puts: count,
      perSecond: round(run.perSecond),
      latencyMs: summarise(run.latenciesMs),
      cpu: { ...cpu, javaMsPerPut: round(cpu.javaMs / count, 2) },
    });
  }
  return { itemBytes, levels: results };
};

/** Submissions per second ÷ (raw writes per second ÷ writes per submission): 1 is the storage limit. */
export const floorRatio = (submissionsPerSecond: number, rawPerSecond: number, writesPerSubmission: number) =>
  round(submissionsPerSecond / (rawPerSecond / writesPerSubmission), 3);
