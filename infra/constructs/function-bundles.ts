import { spawnSync } from 'node:child_process';
import {
  cpSync,
  globSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';
import { FUNCTION_NAMES, type FunctionName, NOTIFYING_FUNCTIONS } from '#functions/registry.ts';
import { precompileTemplates } from '#functions/web/compile-views.ts';
import { PRECOMPILED_DIR } from '#functions/web/render.ts';

/** The repository root: esbuild resolves `#shared/...` imports from its package.json. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The web pages' function: bundled like the registry's, but not in the registry (no route of the JSON API). */
export const WEB_FUNCTION = 'web';

/** Every function the stack deploys from `functions/<name>/handler.ts`. */
export type BundleName = FunctionName | typeof WEB_FUNCTION;

export const BUNDLE_NAMES: readonly BundleName[] = [...FUNCTION_NAMES, WEB_FUNCTION];

export const handlerEntry = (name: BundleName) => resolve(PROJECT_ROOT, 'functions', name, 'handler.ts');

/**
 * What esbuild builds for each function: its handler, or for the functions the registry marks `notifies`,
 * an entry of the build's own that enables the GOV.UK Notify adapter (shared/notifications/govuk-notify.ts)
 * and exports the same handler. That import is what puts the adapter in a package, so the registry alone
 * decides which functions carry it; the handlers do not know.
 */
export const bundleEntries = (dir: string): Record<BundleName, string> => {
  const entriesDir = join(dir, '.entries');
  mkdirSync(entriesDir, { recursive: true });
  const notifying = (name: BundleName) => (NOTIFYING_FUNCTIONS as readonly string[]).includes(name);
  const entryOf = (name: BundleName) => {
    if (!notifying(name)) return handlerEntry(name);
    const file = join(entriesDir, `${name}.mjs`);
    const govukNotify = resolve(PROJECT_ROOT, 'shared', 'notifications', 'govuk-notify.ts');
    writeFileSync(
      file,
      [
        `import { enableGovukNotify } from ${JSON.stringify(govukNotify)};`,
        'enableGovukNotify();',
        `export { handler } from ${JSON.stringify(handlerEntry(name))};`,
      ].join('\n'),
    );
    return file;
  };
  return Object.fromEntries(BUNDLE_NAMES.map((name) => [name, entryOf(name)])) as Record<BundleName, string>;
};

/** What Lambda runs: `<name>/index.mjs`, exporting `handler`. */
export const BUNDLE_HANDLER = 'index.handler';

/**
 * The bundling defaults of every function. The same choices NodejsFunction's `bundling` offers
 * (format ESM, mainFields module,main, a createRequire banner, minify, source maps, the AWS SDK left to
 * the runtime), given to the local esbuild once for all functions; see `functionCode` for why.
 */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  // Prefer packages' ESM builds, which tree-shake; fall back to CJS where there is none.
  mainFields: ['module', 'main'],
  // CJS dependencies (the Notify client, axios) call require(), which ESM does not define.
  banner: {
    js: "import { createRequire as __ffCreateRequire } from 'node:module'; const require = __ffCreateRequire(import.meta.url);",
  },
  minify: true,
  sourcemap: true,
  // Maps give file and line for NODE_OPTIONS=--enable-source-maps; the sources would double their size.
  sourcesContent: false,
  // The Node.js 24 runtime ships AWS SDK v3. esbuild is only the web pages' fallback for serving their
  // browser bundle on one machine (functions/web/client/build.ts); in AWS that file comes from S3.
  external: ['@aws-sdk/*', 'esbuild'],
  outExtension: { '.js': '.mjs' },
  // Code behind an import() gets a chunk of its own, loaded on first use rather than at cold start: the
  // GOV.UK Notify adapter (shared/notifications/govuk-notify.ts, in the entries of `bundleEntries`). Code shared by several functions gets
  // shared chunks too, which is why `buildBundles` hands each function exactly the chunks it reaches.
  splitting: true,
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** One file of a function's deployment package. */
export interface BundleFile {
  /** Its name in the package (`index.mjs`, `chunk-<hash>.mjs`). */
  file: string;
  /** Its key in esbuild's metafile `outputs`. */
  output: string;
  bytes: number;
}

/** What a function's package holds, split by when Node loads it. */
export interface BundleLayout {
  /** `index.mjs` and the chunks it imports statically, however deep: what a cold start loads. */
  coldStart: BundleFile[];
  /** The chunks reached only through an `import()`: loaded on first use, if ever. */
  lazy: BundleFile[];
}

export interface BuiltBundles {
  /** Holds `<name>/`, each a complete deployment package. */
  dir: string;
  layouts: Record<string, BundleLayout>;
  metafile: Metafile;
}

/** The metafile's key of a file esbuild wrote: its path relative to the working directory. */
const relativeOutput = (outdir: string, file: string): string =>
  relative(PROJECT_ROOT, join(outdir, file)).split(sep).join('/');

/** The outputs `from` reaches in the metafile, following the imports `follow` accepts. */
const reach = (metafile: Metafile, from: string, follow: (kind: string) => boolean): Set<string> => {
  const seen = new Set([from]);
  const queue = [from];
  for (let output = queue.pop(); output !== undefined; output = queue.pop()) {
    for (const { path, kind, external } of metafile.outputs[output]?.imports ?? []) {
      if (external || !follow(kind) || seen.has(path)) continue;
      seen.add(path);
      queue.push(path);
    }
  }
  return seen;
};

/**
 * Builds `entries` (name → source file) in one esbuild run, so shared modules are parsed once, then
 * lays out `<dir>/<name>/` as Lambda unpacks it: `index.mjs` and every chunk it reaches, statically or
 * through `import()`, with their source maps. Chunks are shared between functions, so esbuild writes
 * the entries and chunks flat in a staging folder, where their `./chunk-*.mjs` imports are already the
 * paths they need side by side in a package; each entry is then renamed `index.mjs`.
 */
export const buildBundles = (entries: Record<string, string>, dir: string): BuiltBundles => {
  const staging = join(dir, '.esbuild');
  const { metafile } = buildSync({
    ...ESBUILD_OPTIONS,
    absWorkingDir: PROJECT_ROOT,
    entryPoints: entries,
    outdir: staging,
    metafile: true,
  });
  const layouts: Record<string, BundleLayout> = {};
  for (const name of Object.keys(entries)) {
    const entry = relativeOutput(staging, `${name}.mjs`);
    const eager = reach(metafile, entry, (kind) => kind === 'import-statement');
    const all = reach(metafile, entry, () => true);
    const packageDir = join(dir, name);
    mkdirSync(packageDir, { recursive: true });
    const place = (output: string): BundleFile => {
      const from = resolve(PROJECT_ROOT, output);
      const file = output === entry ? 'index.mjs' : basename(output);
      if (output === entry) {
        // The map keeps its sources (paths relative to its folder, unchanged); only its name follows.
        const code = readFileSync(from, 'utf8').replace(
          `//# sourceMappingURL=${name}.mjs.map`,
          '//# sourceMappingURL=index.mjs.map',
        );
        writeFileSync(join(packageDir, file), code);
      } else {
        cpSync(from, join(packageDir, file));
      }
      cpSync(`${from}.map`, join(packageDir, `${file}.map`));
      return { file, output, bytes: statSync(join(packageDir, file)).size };
    };
    layouts[name] = {
      coldStart: [...eager].map(place),
      lazy: [...all].filter((output) => !eager.has(output)).map(place),
    };
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(join(dir, '.entries'), { recursive: true, force: true });
  return { dir, layouts, metafile };
};

let built: BuiltBundles | undefined;

const WEB_SOURCE = resolve(PROJECT_ROOT, 'functions', WEB_FUNCTION);

/** `node_modules/govuk-frontend`, found the way Node finds it (as functions/web/view-folders.ts does). */
const govukPackage = (): string =>
  dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json'));

const copyFiles = (fromDir: string, pattern: string, toDir: string): void => {
  for (const file of globSync(pattern, { cwd: fromDir })) {
    mkdirSync(dirname(join(toDir, file)), { recursive: true });
    cpSync(join(fromDir, file), join(toDir, file));
  }
};

/**
 * The web pages' Nunjucks templates travel with the web bundle compiled (functions/web/compile-views.ts),
 * in `<bundle>/templates`, where handler.ts reads them: the function renders with Nunjucks' runtime alone,
 * so no cold start loads or runs the template compiler. GOV.UK Frontend's package.json goes too, so
 * functions/web/assets.ts resolves the package as it does on one machine (its files are served from S3).
 */
const compileWebTemplates = (bundleDir: string): void => {
  precompileTemplates(join(bundleDir, PRECOMPILED_DIR));
  copyFiles(govukPackage(), 'package.json', join(bundleDir, 'node_modules', 'govuk-frontend'));
};

/** Every function the stack deploys, built once per process into `<dir>/<name>/` (see `buildBundles`). */
export const functionBundles = (): BuiltBundles => {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'fail-forward-bundles-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  built = buildBundles(bundleEntries(dir), dir);
  compileWebTemplates(join(dir, WEB_FUNCTION));
  return built;
};

/** The folder holding every function's deployment package, `<dir>/<name>/`. */
export const buildAllFunctions = (): string => functionBundles().dir;

/**
 * The browser bundle, built by the web pages' own `buildClientBundle` so the deployed app.js is the one
 * `npm start` serves. It is async and CDK constructs are not, so it runs in a child Node process.
 */
const buildClientBundle = (): string => {
  const build = pathToFileURL(join(WEB_SOURCE, 'client', 'build.ts')).href;
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { buildClientBundle } = await import(${JSON.stringify(build)}); process.stdout.write(await buildClientBundle());`,
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
  );
  if (result.status !== 0 || !result.stdout) {
    throw new Error(`Building the browser bundle failed: ${result.stderr || result.error?.message}`);
  }
  return result.stdout;
};

/**
 * The files the web pages load from `/assets/*`, laid out under the same paths functions/web/assets.ts
 * answers on one machine: GOV.UK Frontend's compiled CSS and JavaScript, its fonts, images and manifest,
 * and our own app.css and app.js.
 */
export const buildWebAssets = (outDir: string): void => {
  const govuk = join(govukPackage(), 'dist', 'govuk');
  copyFiles(govuk, 'govuk-frontend.min.{css,js}{,.map}', outDir);
  copyFiles(join(govuk, 'assets'), '{fonts,images}/**/*', outDir);
  copyFiles(join(govuk, 'assets'), 'manifest.json', outDir);
  copyFiles(join(WEB_SOURCE, 'client'), 'app.css', outDir);
  writeFileSync(join(outDir, 'app.js'), buildClientBundle());
};

/**
 * The web assets as a BucketDeployment source. Like the functions, an ordinary CDK bundled asset built
 * locally (no Docker, no network), so `aws:cdk:bundling-stacks` (tests pass []) skips it too.
 */
export const webAssetsSource = (): ISource =>
  Source.asset(join(WEB_SOURCE, 'client'), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('fail-forward/no-docker-bundling'),
      local: {
        tryBundle(outputDir: string) {
          buildWebAssets(outputDir);
          return true;
        },
      },
    },
  });

/**
 * The deployment package of one function, built by the local esbuild, never Docker.
 *
 * NodejsFunction's own bundling starts `npx esbuild` once per function, which made a synth many times
 * slower than one esbuild run for all of them (docs/performance.md). It also
 * writes chunks, which NodejsFunction's single `--outfile` cannot hold. The asset stays an ordinary
 * CDK bundled asset, so `aws:cdk:bundling-stacks` (tests pass []) still skips it.
 */
export const functionCode = (name: BundleName): Code =>
  Code.fromAsset(dirname(handlerEntry(name)), {
    // Hash of the bundle itself: a deployment changes exactly the functions whose code changed.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled: local bundling either succeeds or throws.
      image: DockerImage.fromRegistry('fail-forward/no-docker-bundling'),
      local: {
        tryBundle(outputDir: string) {
          cpSync(join(buildAllFunctions(), name), outputDir, { recursive: true });
          return true;
        },
      },
    },
  });
