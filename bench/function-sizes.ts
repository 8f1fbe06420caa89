/**
 * Phase 5: every function of the registry bundled the way the CDK stack bundles it (the same esbuild
 * options and package layout, from infra/constructs/function-bundles.ts), its minified size, and the
 * median time to import it in a fresh Node process, against a floor bundle that only creates the
 * DynamoDB client.
 *
 * A package is `index.mjs` and chunks. The size that counts for a cold start is `index.mjs` plus the
 * chunks it imports statically (`kb`); the chunks it reaches only through `import()` (the GOV.UK Notify
 * adapter of the functions that notify) are loaded on first use, so they are reported apart (`lazyKb`,
 * and `lazyImportMs`, what loading them adds to the first send).
 *
 * The bundles leave `@aws-sdk/*` out, as Lambda's Node.js 24 runtime provides it, so they are written
 * under bench/.build where Node resolves the SDK from this repository's node_modules; the import time
 * includes loading the SDK modules each handler uses, as a Lambda cold start does.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import {
  BUNDLE_NAMES,
  type BundleFile,
  buildBundles,
  bundleEntries,
} from '#infra/constructs/function-bundles.ts';
import { median, round } from './measure.ts';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', '.build', 'bundles');
export const FLOOR = '(floor: DynamoDB client only)';

export interface FunctionFigures {
  name: string;
  /** What a cold start loads: `index.mjs` and the chunks it imports statically. */
  bytes: number;
  kb: number;
  /** `index.mjs` alone; the rest of `kb` is in chunks shared with other functions. */
  indexKb: number;
  coldStartFiles: number;
  /** The chunks reached only through `import()`, loaded on first use; 0 for most functions. */
  lazyKb: number;
  lazyFiles: string[];
  coldImportMs: number;
  samplesMs: number[];
  /** Median time to import the lazy chunks once `index.mjs` is loaded; absent without any. */
  lazyImportMs?: number;
  /** The inputs that weigh most in what a cold start loads, for the report. */
  heaviest: { input: string; kb: number }[];
  /** The same for the lazy chunks. */
  lazyHeaviest: { input: string; kb: number }[];
}

interface ImportSample {
  coldMs: number;
  lazyMs: number;
}

/** Imports `index.mjs`, then its lazy chunks, in a fresh process, as a cold start then a first send would. */
const importTime = async (dir: string, lazy: string[]): Promise<ImportSample> => {
  const url = (file: string) => JSON.stringify(pathToFileURL(join(dir, file)).href);
  const script = [
    `const t0 = performance.now(); await import(${url('index.mjs')}); const t1 = performance.now();`,
    ...lazy.map((file) => `await import(${url(file)});`),
    'process.stdout.write(JSON.stringify({ coldMs: t1 - t0, lazyMs: performance.now() - t1 }));',
  ].join('\n');
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, AWS_REGION: 'eu-west-2', NODE_OPTIONS: '' },
  });
  return JSON.parse(stdout) as ImportSample;
};

const heaviest = (meta: Metafile, files: BundleFile[]) => {
  const byPackage = new Map<string, number>();
  for (const { output } of files) {
    for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[output]?.inputs ?? {})) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = match?.[1] ?? input.split('/').slice(0, 2).join('/');
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([input, bytes]) => ({ input, kb: round(bytes / 1024) }));
};

const sum = (files: BundleFile[]) => files.reduce((total, f) => total + f.bytes, 0);

export const measureFunctions = async (samples = 10): Promise<FunctionFigures[]> => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  // The floor is built on its own: in the functions' run it would import their shared runtime chunk.
  const floor = buildBundles({ floor: join(ROOT, 'bench', 'floor-handler.ts') }, join(OUT, 'floor'));
  // Every function the stack deploys, the web pages' one included, from the entries the stack builds.
  const built = buildBundles(bundleEntries(join(OUT, 'functions')), join(OUT, 'functions'));
  const names = [FLOOR, ...BUNDLE_NAMES];
  const builtFor = (name: string) => (name === FLOOR ? floor : built);
  const dirOf = (name: string) => join(builtFor(name).dir, name === FLOOR ? 'floor' : name);
  const layoutOf = (name: string) => {
    const layout = builtFor(name).layouts[name === FLOOR ? 'floor' : name];
    if (!layout) throw new Error(`No bundle for ${name}`);
    return layout;
  };
  const times = new Map<string, ImportSample[]>(names.map((name) => [name, []]));
  // Round robin, so background load spreads over every function instead of landing on a few.
  for (let i = 0; i < samples; i++)
    for (const name of names)
      times.get(name)?.push(
        await importTime(
          dirOf(name),
          layoutOf(name).lazy.map((f) => f.file),
        ),
      );
  return names.map((name) => {
    const { coldStart, lazy } = layoutOf(name);
    const taken = times.get(name) ?? [];
    const samplesMs = taken.map((t) => round(t.coldMs));
    const bytes = sum(coldStart);
    return {
      name,
      bytes,
      kb: round(bytes / 1024),
      indexKb: round(sum(coldStart.filter((f) => f.file === 'index.mjs')) / 1024),
      coldStartFiles: coldStart.length,
      lazyKb: round(sum(lazy) / 1024),
      lazyFiles: lazy.map((f) => f.file),
      coldImportMs: round(median(samplesMs)),
      samplesMs,
      ...(lazy.length > 0 ? { lazyImportMs: round(median(taken.map((t) => t.lazyMs))) } : {}),
      heaviest: heaviest(builtFor(name).metafile, coldStart),
      lazyHeaviest: heaviest(builtFor(name).metafile, lazy),
    };
  });
};
