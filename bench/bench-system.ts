/** The local system the bench measures: started on free ports with a fresh data folder, in this process. */
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { freePort } from '#infra/local/free-port.ts';
import { type LocalSystem, startLocalSystem } from '#infra/local/runtime.ts';
import { client } from '../test/support/api.ts';
import { sfnClient } from './workflow-probe.ts';

export const APP_TABLE = 'fail-forward';
export const SFN_TABLE = 'local-stepfunctions';

export interface BenchSystem {
  system: LocalSystem;
  api: ReturnType<typeof client>;
  sfn: SFNClient;
  /** A document client of the bench's own, for the storage floor, the bulk loader and checks. */
  db: DynamoDBDocumentClient;
  dataDir: string;
  startSeconds: number;
  stop(): Promise<void>;
}

/**
 * Where the data folders go: BENCH_DATA_DIR, else /dev/shm (tmpfs) when there is one. On a disk shared
 * with other work, DynamoDB Local's fsyncs made the bulk load three to four times slower and every
 * figure noisier; the app and the raw-write floor run on the same folder either way.
 */
export const benchDataRoot = (): string => {
  if (process.env.BENCH_DATA_DIR) return process.env.BENCH_DATA_DIR;
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
};

/**
 * For a phase that bulk-loads experiments without workflow executions (the dashboard's): reconciliation
 * would start an execution for every one that is not final, tens of thousands at 100,000, a load of its
 * own beside what the phase measures. Longer than any run, so no round comes.
 */
export const NO_RECONCILIATION = { reconcileSeconds: 7 * 24 * 3600 };

export const startBenchSystem = async (opts: { reconcileSeconds?: number } = {}): Promise<BenchSystem> => {
  const dataDir = mkdtempSync(join(benchDataRoot(), 'fail-forward-bench-'));
  const started = performance.now();
  const system = await startLocalSystem({ port: await freePort(), dataDir, ...opts });
  const startSeconds = (performance.now() - started) / 1000;
  const raw = new DynamoDBClient({
    endpoint: system.endpoints.dynamodb,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const sfn = sfnClient(system.endpoints.stepfunctions);
  return {
    system,
    api: client(system.url),
    sfn,
    db,
    dataDir,
    startSeconds,
    async stop() {
      sfn.destroy();
      raw.destroy();
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
