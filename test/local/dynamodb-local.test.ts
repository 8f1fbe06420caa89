import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { listeningAddresses } from './listening.ts';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('DynamoDB Local as the one-machine runtime starts it', () => {
  let dataDir: string;
  let db: DynamoDbLocal;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fail-forward-ddb-'));
    db = await startDynamoDbLocal({ dataDir });
  });

  afterAll(async () => {
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only, never on every interface', () => {
    expect(db.endpoint).toBe(`http://127.0.0.1:${db.port}`);
    const addresses = listeningAddresses(db.port);
    expect(addresses).toEqual(['127.0.0.1']);
    expect(addresses).not.toContain('0.0.0.0');
    expect(addresses).not.toContain('0:0:0:0:0:0:0:0');
  });

  it('runs with telemetry off and keeps its data in the data folder', () => {
    const pid = db.process.pid ?? 0;
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(args).toContain('-disableTelemetry');
    expect(args[args.indexOf('-dbPath') + 1]).toBe(dataDir);
    expect(args).toContain('-sharedDb');
    expect(Number(readFileSync(join(dataDir, 'dynamodb-local.pid'), 'utf8'))).toBe(pid);
  });
});

describe('a kill -9 of the process that started DynamoDB Local', () => {
  it('takes the database with it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fail-forward-ddb-orphan-'));
    const module = new URL('../../infra/local/dynamodb-local.ts', import.meta.url).pathname;
    const parent = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { startDynamoDbLocal } = await import(${JSON.stringify(module)});
         const db = await startDynamoDbLocal({ dataDir: ${JSON.stringify(dataDir)} });
         console.log('java', db.process.pid);
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const javaPid = await new Promise<number>((resolve, reject) => {
        let out = '';
        parent.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const pid = /java (\d+)/.exec(out)?.[1];
          if (pid) resolve(Number(pid));
        });
        parent.once('exit', () => reject(new Error(`the parent exited first: ${out}`)));
      });
      expect(isRunning(javaPid)).toBe(true);
      parent.kill('SIGKILL');
      const until = Date.now() + 10_000;
      while (isRunning(javaPid) && Date.now() < until) await sleep(50);
      expect(isRunning(javaPid)).toBe(false);
    } finally {
      if (parent.exitCode === null) parent.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
