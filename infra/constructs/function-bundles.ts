import { spawnSync } from 'node:child_process';
import { cpSync, globSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { type BuildOptions, buildSync } from 'esbuild';
import { FUNCTION_NAMES, type FunctionName } from '#functions/catalogue.ts';

/** The repository root: esbuild resolves `#shared/...` imports from its package.json. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The web pages' function: bundled like the catalogue's, but not in the catalogue (no route of the JSON API). */
export const WEB_FUNCTION = 'web';

/** Every function the stack deploys from `functions/<name>/handler.ts`. */
export type BundleName = FunctionName | typeof WEB_FUNCTION;

export const BUNDLE_NAMES: readonly BundleName[] = [...FUNCTION_NAMES, WEB_FUNCTION];

export const handlerEntry = (name: BundleName) => resolve(PROJECT_ROOT, 'functions', name, 'handler.ts');

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
  logLevel: 'warning',
} as const satisfies BuildOptions;

let builtDir: string | undefined;

const WEB_SOURCE = resolve(PROJECT_ROOT, 'functions', WEB_FUNCTION);

/** `node_modules/govuk-frontend`, found the way Node finds it (as functions/web/render.ts does). */
const govukPackage = (): string =>
  dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json'));

const copyFiles = (fromDir: string, pattern: string, toDir: string): void => {
  for (const file of globSync(pattern, { cwd: fromDir })) {
    mkdirSync(dirname(join(toDir, file)), { recursive: true });
    cpSync(join(fromDir, file), join(toDir, file));
  }
};

/**
 * The Nunjucks views travel with the web bundle, where functions/web/render.ts looks for them once
 * bundled: its `import.meta.url` is then `<bundle>/index.mjs`, so the screens are `<bundle>/screens`, the
 * layout `<bundle>/views`, and GOV.UK Frontend is resolved from `<bundle>/node_modules/govuk-frontend`
 * (its package.json, for the resolution, and only its templates: its JavaScript is in app.js).
 */
const copyWebTemplates = (bundleDir: string): void => {
  copyFiles(WEB_SOURCE, '{screens,views}/**/*.njk', bundleDir);
  const govuk = govukPackage();
  const target = join(bundleDir, 'node_modules', 'govuk-frontend');
  copyFiles(govuk, 'package.json', target);
  copyFiles(govuk, 'dist/govuk/**/*.njk', target);
};

/** Builds every function in one esbuild run (shared modules are parsed once) into `<dir>/<name>/index.mjs`. */
export const buildAllFunctions = (): string => {
  if (builtDir) return builtDir;
  const outdir = mkdtempSync(join(tmpdir(), 'fail-forward-bundles-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  buildSync({
    ...ESBUILD_OPTIONS,
    absWorkingDir: PROJECT_ROOT,
    entryPoints: Object.fromEntries(BUNDLE_NAMES.map((name) => [`${name}/index`, handlerEntry(name)])),
    outdir,
  });
  copyWebTemplates(join(outdir, WEB_FUNCTION));
  builtDir = outdir;
  return outdir;
};

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
 * NodejsFunction's own bundling starts `npx esbuild` once per function: about 1.8 s each here, so
 * 18 functions took over 30 s of a synth. One esbuild run for all of them takes about 3 s. The asset
 * stays an ordinary CDK bundled asset, so `aws:cdk:bundling-stacks` (tests pass []) still skips it.
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
