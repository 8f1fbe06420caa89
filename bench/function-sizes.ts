/**
 * Phase 5: every function of the catalogue bundled the way the CDK stack bundles it (the same esbuild
 * options, from infra/constructs/function-bundles.ts), its minified size, and the median time to import
 * it in a fresh Node process, against a floor bundle that only creates the DynamoDB client.
 *
 * The bundles leave `@aws-sdk/*` out, as Lambda's Node.js 24 runtime provides it, so they are written
 * under bench/.build where Node resolves the SDK from this repository's node_modules; the import time
 * includes loading the SDK modules each handler uses, as a Lambda cold start does.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { FUNCTION_NAMES } from '#functions/catalogue.ts';
import { ESBUILD_OPTIONS } from '#infra/constructs/function-bundles.ts';
import { median, round } from './measure.ts';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', '.build', 'bundles');
export const FLOOR = '(floor: DynamoDB client only)';

export interface FunctionFigures {
  name: string;
  bytes: number;
  kb: number;
  coldImportMs: number;
  samplesMs: number[];
  /** The inputs that weigh most in the bundle, for the report. */
  heaviest: { input: string; kb: number }[];
}

const importTime = async (file: string): Promise<number> => {
  const script = `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t0));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, AWS_REGION: 'eu-west-2', NODE_OPTIONS: '' },
  });
  return Number(stdout);
};

const heaviest = (meta: Metafile, output: string) => {
  const inputs = meta.outputs[output]?.inputs ?? {};
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const key = match?.[1] ?? input.split('/').slice(0, 2).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([input, bytes]) => ({ input, kb: round(bytes / 1024) }));
};

export const measureFunctions = async (samples = 10): Promise<FunctionFigures[]> => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const entries: Record<string, string> = {
    [`${FLOOR}`]: join(ROOT, 'bench', 'floor-handler.ts'),
    ...Object.fromEntries(FUNCTION_NAMES.map((name) => [name, join(ROOT, 'functions', name, 'handler.ts')])),
  };
  const entryPoints = Object.fromEntries(
    Object.entries(entries).map(([name, file]) => [`${name === FLOOR ? 'floor' : name}/index`, file]),
  );
  const result = await build({
    ...ESBUILD_OPTIONS,
    absWorkingDir: ROOT,
    entryPoints,
    outdir: OUT,
    metafile: true,
  });
  const names = Object.keys(entries);
  const fileOf = (name: string) => join(OUT, name === FLOOR ? 'floor' : name, 'index.mjs');
  const times = new Map<string, number[]>(names.map((name) => [name, []]));
  // Round robin, so background load spreads over every function instead of landing on a few.
  for (let i = 0; i < samples; i++)
    for (const name of names) times.get(name)?.push(await importTime(fileOf(name)));
  return names.map((name) => {
    const file = fileOf(name);
    const bytes = statSync(file).size;
    const samplesMs = (times.get(name) ?? []).map((t) => round(t));
    const output = `${file.slice(ROOT.length + 1)}`;
    return {
      name,
      bytes,
      kb: round(bytes / 1024),
      coldImportMs: round(median(samplesMs)),
      samplesMs,
      heaviest: heaviest(result.metafile, output),
    };
  });
};

/**
 * Diagnosis: one function bundled with the GOV.UK Notify adapter replaced by an empty module, to show
 * what the adapter (notifications-node-client with axios, and the Cognito and Secrets Manager clients)
 * costs a function that never sends a notification.
 */
export const measureWithoutNotify = async (name: string, samples = 10) => {
  const outdir = join(OUT, 'without-notify');
  await build({
    ...ESBUILD_OPTIONS,
    absWorkingDir: ROOT,
    entryPoints: { [`${name}/index`]: join(ROOT, 'functions', name, 'handler.ts') },
    outdir,
    plugins: [
      {
        name: 'stub-govuk-notify',
        setup(b) {
          b.onResolve({ filter: /govuk-notify-notifier\.ts$/ }, (args) => ({
            path: args.path,
            namespace: 'stub',
          }));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
            contents: 'export const govukNotifyNotifier = () => { throw new Error("stubbed"); };',
            loader: 'js',
          }));
        },
      },
    ],
  });
  const file = join(outdir, name, 'index.mjs');
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await importTime(file));
  const bytes = statSync(file).size;
  return { name, bytes, kb: round(bytes / 1024), coldImportMs: round(median(times)) };
};
