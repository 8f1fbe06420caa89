import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_NAMES, FUNCTIONS, type FunctionSpec } from '#functions/registry.ts';
import {
  BUNDLE_NAMES,
  type BuiltBundles,
  type BundleFile,
  functionBundles,
  handlerEntry,
  PROJECT_ROOT,
} from '#infra/constructs/function-bundles.ts';

let outdir: string;
let bundles: BuiltBundles;

// The other infra tests skip bundling; this one builds every function once, as `npm run synth` does.
beforeAll(() => {
  bundles = functionBundles();
  outdir = bundles.dir;
});

const notifies = (name: string) => (FUNCTIONS as Record<string, FunctionSpec>)[name]?.notifies === true;
const NOTIFYING = FUNCTION_NAMES.filter(notifies);
const NOT_NOTIFYING = BUNDLE_NAMES.filter((name) => !notifies(name));

/** The package's JavaScript, as Lambda unpacks it: every `.mjs` file, whatever the layout says. */
const packageCode = (name: string) =>
  readdirSync(join(outdir, name))
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => ({ file, code: readFileSync(join(outdir, name, file), 'utf8') }));

/** Whether esbuild put any module of notifications-node-client into these files. */
const holdsNotifyClient = (files: BundleFile[]) =>
  files.some(({ output }) =>
    Object.keys(bundles.metafile.outputs[output]?.inputs ?? {}).some((input) =>
      input.includes('node_modules/notifications-node-client/'),
    ),
  );

/** The Notify client's API address, which no other code of ours or our dependencies holds. */
const NOTIFY_API = 'api.notifications.service.gov.uk';

const layoutOf = (name: string) => {
  const layout = bundles.layouts[name];
  if (!layout) throw new Error(`No bundle for ${name}`);
  return layout;
};

describe('function bundles', () => {
  it.each(FUNCTION_NAMES)(
    'builds %s as an ESM bundle with the createRequire banner and a source map',
    (name) => {
      // Act
      const code = readFileSync(join(outdir, name, 'index.mjs'), 'utf8');

      // Assess
      expect(code.startsWith("import { createRequire as __ffCreateRequire } from 'node:module';")).toBe(true);
      expect(code).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}/);
      expect(code).toContain('//# sourceMappingURL=index.mjs.map');
      expect(existsSync(join(outdir, name, 'index.mjs.map'))).toBe(true);
    },
  );

  it('leaves the AWS SDK to the Node.js 24 runtime and keeps sources out of the maps', () => {
    // Prepare
    const name = 'submit-experiment';

    // Act
    // The SDK clients are created in code shared by every function, so in a shared chunk.
    const code = packageCode(name)
      .map((f) => f.code)
      .join('\n');
    const map = JSON.parse(readFileSync(join(outdir, name, 'index.mjs.map'), 'utf8')) as {
      sources: string[];
      sourcesContent?: unknown;
    };

    // Assess
    expect(code).toMatch(/from\s*"@aws-sdk\/client-(dynamodb|sfn)"/);
    expect(map.sources.some((s) => s.endsWith('functions/submit-experiment/handler.ts'))).toBe(true);
    expect(map.sourcesContent).toBeUndefined();
  });

  it.each(BUNDLE_NAMES)('gives %s every chunk its code imports, and nothing else', (name) => {
    // Prepare
    const files = packageCode(name);

    // Act
    const imported = new Set(
      files.flatMap(({ code }) =>
        [...code.matchAll(/["'](\.\/[^"']+\.mjs)["']/g)].map((m) => m[1]?.slice(2)),
      ),
    );

    // Assess
    for (const file of imported) expect(existsSync(join(outdir, name, file as string)), file).toBe(true);
    expect(files.map((f) => f.file).sort()).toEqual(['index.mjs', ...imported].sort());
    for (const { file } of files) expect(existsSync(join(outdir, name, `${file}.map`)), file).toBe(true);
  });

  // Every file is another round of the module loader at cold start. Each import() is an entry point of
  // the one esbuild run, and splits the shared code it reaches into more chunks for every function: one
  // import() per web screen took every function to 25 to 27 files (routes.ts loads the screens together).
  it.each(BUNDLE_NAMES)('starts %s from at most 20 files', (name) => {
    expect(layoutOf(name).coldStart.length).toBeLessThanOrEqual(20);
  });
});

/** Whether esbuild put the library's search engine (MiniSearch) into these files. */
const holdsSearchEngine = (files: BundleFile[]) =>
  files.some(({ output }) =>
    Object.keys(bundles.metafile.outputs[output]?.inputs ?? {}).some((input) =>
      input.includes('node_modules/minisearch/'),
    ),
  );

/** Functions that never touch the table (the API's description) compose no services, so no library. */
const withoutTable = (name: string) =>
  (FUNCTIONS as Record<string, FunctionSpec | undefined>)[name]?.table === 'none';

describe('the learning library’s search engine', () => {
  it.each(BUNDLE_NAMES.filter((name) => !withoutTable(name)))(
    'is loaded by %s on its first use of the library, never at cold start',
    (name) => {
      // Act
      const { coldStart, lazy } = layoutOf(name);

      // Assess
      expect(holdsSearchEngine(coldStart)).toBe(false);
      expect(holdsSearchEngine(lazy)).toBe(true);
    },
  );
});

describe('the GOV.UK Notify client', () => {
  it('is given to a function by the registry alone: no handler asks for it', () => {
    // Act
    const asking = BUNDLE_NAMES.filter((name) =>
      /govuk-notify|enableGovukNotify/.test(readFileSync(handlerEntry(name), 'utf8')),
    );

    // Assess
    expect(asking).toEqual([]);
    expect(NOTIFYING.length).toBeGreaterThan(0);
  });

  it.each(NOT_NOTIFYING)('is not in the package of %s, which never notifies', (name) => {
    // Act
    const { coldStart, lazy } = layoutOf(name);

    // Assess
    expect(holdsNotifyClient([...coldStart, ...lazy])).toBe(false);
    expect(packageCode(name).some(({ code }) => code.includes(NOTIFY_API))).toBe(false);
  });

  it.each(NOTIFYING)('is in a chunk %s loads on its first send, not at cold start', (name) => {
    // Act
    const { coldStart, lazy } = layoutOf(name);
    const coldStartKb = coldStart.reduce((total, f) => total + f.bytes, 0) / 1024;

    // Assess
    expect(holdsNotifyClient(lazy)).toBe(true);
    expect(holdsNotifyClient(coldStart)).toBe(false);
    const notifier = lazy.filter((f) => /^govuk-notify-notifier-\w+\.mjs$/.test(f.file));
    expect(notifier).toHaveLength(1);
    expect(readFileSync(join(outdir, name, notifier[0]?.file as string), 'utf8')).toContain(NOTIFY_API);
    // The goal of bench/function-sizes.ts; the Notify client alone is over 300 KB.
    expect(coldStartKb).toBeLessThan(300);
  });

  describe('loaded from a notifying function’s package, as Lambda would run it', () => {
    let lambdaDir: string;

    beforeAll(() => {
      lambdaDir = mkdtempSync(join(tmpdir(), 'fail-forward-notify-lambda-'));
      cpSync(join(outdir, 'notify-managers'), lambdaDir, { recursive: true });
      mkdirSync(join(lambdaDir, 'node_modules'));
      symlinkSync(
        join(PROJECT_ROOT, 'node_modules', '@aws-sdk'),
        join(lambdaDir, 'node_modules', '@aws-sdk'),
      );
    });

    afterAll(() => {
      rmSync(lambdaDir, { recursive: true, force: true });
    });

    it('imports the handler, then the adapter, with no repository around them', () => {
      // Prepare
      const chunk = layoutOf('notify-managers').lazy.find((f) => f.file.startsWith('govuk-notify-notifier-'));
      const url = (file: string) => JSON.stringify(pathToFileURL(join(lambdaDir, file)).href);
      const script = `const { handler } = await import(${url('index.mjs')});
const { govukNotifyNotifier } = await import(${url(chunk?.file as string)});
process.stdout.write(JSON.stringify([typeof handler, typeof govukNotifyNotifier]));`;

      // Act
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: lambdaDir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-2' },
      });

      // Assess
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout || '[]')).toEqual(['function', 'function']);
    });
  });

  it.each(BUNDLE_NAMES.filter(withoutTable))('is never loaded by %s, which uses no table', (name) => {
    // Act
    const { coldStart, lazy } = layoutOf(name);

    // Assess
    expect(holdsSearchEngine([...coldStart, ...lazy])).toBe(false);
  });
});
