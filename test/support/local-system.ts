import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '#infra/local/free-port.ts';
import { type LocalSystem, type LocalSystemOptions, startLocalSystem } from '#infra/local/runtime.ts';
import { sfnClient } from '../../bench/workflow-probe.ts';
import { client } from './api.ts';
import { rawTable } from './table.ts';

export interface TestSystem extends LocalSystem {
  dataDir: string;
  /** Stops the system but keeps its data folder, to start again on it. */
  restart(): Promise<void>;
  cleanup(): Promise<void>;
}

/** Starts the real local system on a free port with a fresh data folder, its database started for a test's life. */
export const startTestSystem = async (
  opts: Omit<LocalSystemOptions, 'port' | 'dataDir'> = {},
): Promise<TestSystem> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fail-forward-test-'));
  const port = await freePort();
  let system = await startLocalSystem({ quickStart: true, ...opts, port, dataDir });
  let running = true;
  const stop = async () => {
    if (running) await system.stop();
    running = false;
  };
  const handle: TestSystem = {
    dataDir,
    get url() {
      return system.url;
    },
    get port() {
      return system.port;
    },
    get endpoints() {
      return system.endpoints;
    },
    stop,
    async restart() {
      await stop();
      system = await startLocalSystem({ quickStart: true, ...opts, port, dataDir });
      running = true;
    },
    async cleanup() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
};

/** A file's system with the clients its tests use: the API's, the raw table's and Step Functions'. */
export interface SystemClients {
  system: TestSystem;
  api: ReturnType<typeof client>;
  table: ReturnType<typeof rawTable>;
  sfn: ReturnType<typeof sfnClient>;
}

export const startSystemClients = async (
  opts: Omit<LocalSystemOptions, 'port' | 'dataDir'> = {},
): Promise<SystemClients> => {
  const system = await startTestSystem(opts);
  return {
    system,
    api: client(system.url),
    table: rawTable(system.endpoints.dynamodb),
    sfn: sfnClient(system.endpoints.stepfunctions),
  };
};

/** Stops what `startSystemClients` started, as far as it got. */
export const stopSystemClients = async (started: Partial<SystemClients>): Promise<void> => {
  started.table?.destroy();
  started.sfn?.destroy();
  await started.system?.cleanup();
};
