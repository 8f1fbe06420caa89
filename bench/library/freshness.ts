/**
 * Over the real local system: how soon the library finds what a cycle taught (the time from the cycle's
 * `201` to `GET /api/library?q=<a word of its learned text>` finding the entry), and what the stored
 * snapshot costs to fetch from DynamoDB Local and load, at the size the latency phase built.
 */
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/dynamodb-local.ts';
import { localCreateTableInput } from '#infra/local/local-table.ts';
import { loadIndex } from '#shared/library/engine.ts';
import { librarySnapshots } from '#shared/store/library-snapshots.ts';
import { insideCard, USERS } from '../../test/support/api.ts';
import type { BenchSystem } from '../bench-system.ts';
import { type Latencies, median, round, sleep, summarise } from '../measure.ts';
import { random } from './generate.ts';

export interface FreshnessFigures {
  cycles: number;
  /** From the cycle's 201 to the first search that finds it, polling every POLL_MS. */
  foundMs: Latencies;
  pollMs: number;
}

const POLL_MS = 20;
const LIMIT_MS = 10_000;

/** A made-up word no entry has: letters only, so it is one word to the analyser. */
const oddWord = (next: () => number) =>
  `zq${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('')}`;

/**
 * `cycles` ideas, each given one cycle whose learned text holds a word of its own, one at a time with a
 * pause of up to a second between them, so a cycle lands at any point of the warm index's check interval.
 */
export const measureFreshness = async (bench: BenchSystem, cycles: number): Promise<FreshnessFigures> => {
  const { api } = bench;
  const next = random(11);
  const found: number[] = [];
  // One search first, so the index is warm and what is timed is keeping up, not loading.
  await api.call('GET', '/api/library?q=warm', { as: USERS.alex });
  for (let i = 0; i < cycles; i += 1) {
    const submitted = await api.submit(USERS.rhys, insideCard({ peopleInvolved: 5 }));
    const id = String(submitted.body.id);
    const word = oddWord(next);
    await sleep(Math.floor(next() * 1000));
    const recorded = await api.call('POST', `/api/experiments/${id}/cycles`, {
      as: USERS.rhys,
      body: {
        result: 'worked',
        observed: 'Families took the evening call.',
        learned: `The ${word} rota made evening calls easy to keep up.`,
        next: 'adapt',
        incident: 'none',
      },
    });
    const t0 = performance.now();
    if (recorded.status !== 201) throw new Error(`The cycle was refused: ${JSON.stringify(recorded.body)}`);
    for (;;) {
      const res = await api.call<{ items: { id: string }[] }>('GET', `/api/library?q=${word}`, {
        as: USERS.alex,
      });
      if (res.body.items.some((item) => item.id === id)) break;
      if (performance.now() - t0 > LIMIT_MS)
        throw new Error(`The library did not find ${word} in ${LIMIT_MS} ms`);
      await sleep(POLL_MS);
    }
    found.push(performance.now() - t0);
  }
  return { cycles, foundMs: summarise(found), pollMs: POLL_MS };
};

export interface SnapshotStorageFigures {
  entries: number;
  chunks: number;
  storedKb: number;
  /** Writing the snapshot's pieces and pointer (what compaction adds to building it). */
  saveMs: number;
  /** Reading the pointer and the pieces in parallel, and unzipping: medians of `runs`. */
  fetchMs: number;
  /** Loading the fetched text into an index, in this process (the cold figure's load, for comparison). */
  loadMs: number;
}

/** The snapshot's round trip through DynamoDB Local, in a table of its own beside the system's. */
export const measureSnapshotStorage = async (
  bench: BenchSystem,
  serialised: string,
  entries: number,
  runs = 3,
): Promise<SnapshotStorageFigures> => {
  const table = `library-bench-${randomUUID().slice(0, 8)}`;
  const raw = new DynamoDBClient({
    endpoint: bench.system.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    await raw.send(new CreateTableCommand(localCreateTableInput(table)));
    const snapshots = librarySnapshots(DynamoDBDocumentClient.from(raw), table);
    const at = new Date().toISOString();
    const t0 = performance.now();
    const pointer = await snapshots.save(
      serialised,
      { asOf: at, builtAt: at, fullBuildAt: at, analyser: 'bench', entries },
      undefined,
    );
    const saveMs = performance.now() - t0;
    if (!pointer) throw new Error('The snapshot was not saved');
    const fetches: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t1 = performance.now();
      const loaded = await snapshots.load();
      const t2 = performance.now();
      if (!loaded) throw new Error('The snapshot was not found');
      loadIndex(loaded.text);
      fetches.push(t2 - t1);
      loads.push(performance.now() - t2);
    }
    return {
      entries,
      chunks: pointer.chunks,
      storedKb: round(pointer.storedBytes / 1024),
      saveMs: round(saveMs),
      fetchMs: round(median(fetches)),
      loadMs: round(median(loads)),
    };
  } finally {
    raw.destroy();
  }
};
