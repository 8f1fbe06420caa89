/**
 * The first query of a cold function: in a fresh Node process, import the bundled engine, read the
 * serialised index from disk, load it and answer one search. Timed inside the process (what the goal
 * counts) and as the whole process from spawn to exit (Node's own start included).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ESBUILD_OPTIONS } from '#infra/constructs/function-bundles.ts';
import { median, round } from '../measure.ts';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILD_DIR = join(ROOT, 'bench', '.build', 'library');

/** Bundles `entry` as the stack bundles a function (minified ESM for Node 24); returns its path and size. */
export const bundle = async (entry: string, name: string): Promise<{ path: string; kb: number }> => {
  mkdirSync(BUILD_DIR, { recursive: true });
  const outfile = join(BUILD_DIR, `${name}.mjs`);
  await build({
    ...ESBUILD_OPTIONS,
    entryPoints: [entry],
    outdir: undefined,
    outfile,
    splitting: false,
    sourcemap: false,
    logLevel: 'error',
  });
  return { path: outfile, kb: round(statSync(outfile).size / 1024) };
};

export interface ColdSample {
  importMs: number;
  readMs: number;
  loadMs: number;
  firstQueryMs: number;
  totalMs: number;
  processMs: number;
  /** The CPU time of import, load and first query: on a shared, busy machine, closer to what an idle one would take. */
  cpuMs: number;
  /** The process's resident memory after the first query: what the function's memory setting must hold. */
  rssMb: number;
}

export interface ColdFigures {
  bundleKb: number;
  indexKb: number;
  indexGzipKb: number;
  samples: ColdSample[];
  median: ColdSample;
}

/** The bundle's module exports `coldLoad(serialised)` and `coldQuery(index, q)` (see lambda-entry.ts). */
const SCRIPT = (bundlePath: string, indexPath: string, q: string) => `
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const engine = await import(${JSON.stringify(pathToFileURL(bundlePath).href)});
const t1 = performance.now();
const { readFileSync } = await import('node:fs');
const text = readFileSync(${JSON.stringify(indexPath)}, 'utf8');
const t2 = performance.now();
const index = await engine.coldLoad(text);
const t3 = performance.now();
const found = await engine.coldQuery(index, ${JSON.stringify(q)});
const t4 = performance.now();
if (found === 0) throw new Error('the first query found nothing');
const rssMb = process.memoryUsage().rss / 1048576;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(JSON.stringify({ importMs: t1 - t0, readMs: t2 - t1, loadMs: t3 - t2, firstQueryMs: t4 - t3, totalMs: t4 - t0, cpuMs, rssMb }));
`;

/**
 * Writes `serialised` to disk and times `runs` cold starts on it of the bundled `entry` (by default the
 * library's engine, lambda-entry.ts).
 */
export const coldStart = async (
  serialised: string,
  runs: number,
  { q = 'calls to parents', entry = 'lambda-entry.ts', name = 'library-engine' } = {},
): Promise<ColdFigures> => {
  const built = await bundle(join(dirname(fileURLToPath(import.meta.url)), entry), name);
  const indexPath = join(BUILD_DIR, `${name}-index.json`);
  writeFileSync(indexPath, serialised);
  const samples: ColdSample[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT(built.path, indexPath, q)],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '' },
        maxBuffer: 1024 * 1024,
      },
    );
    samples.push({
      ...(JSON.parse(stdout) as Omit<ColdSample, 'processMs'>),
      processMs: performance.now() - started,
    });
  }
  const mid = (key: keyof ColdSample) => round(median(samples.map((s) => s[key])));
  return {
    bundleKb: built.kb,
    indexKb: round(Buffer.byteLength(serialised) / 1024),
    indexGzipKb: round(gzipSync(serialised).length / 1024),
    samples: samples.map((s) => ({
      importMs: round(s.importMs),
      readMs: round(s.readMs),
      loadMs: round(s.loadMs),
      firstQueryMs: round(s.firstQueryMs),
      totalMs: round(s.totalMs),
      processMs: round(s.processMs),
      cpuMs: round(s.cpuMs),
      rssMb: round(s.rssMb),
    })),
    median: {
      importMs: mid('importMs'),
      readMs: mid('readMs'),
      loadMs: mid('loadMs'),
      firstQueryMs: mid('firstQueryMs'),
      totalMs: mid('totalMs'),
      processMs: mid('processMs'),
      cpuMs: mid('cpuMs'),
      rssMb: mid('rssMb'),
    },
  };
};
