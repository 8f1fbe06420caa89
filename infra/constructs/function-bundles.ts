import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { type BuildOptions, buildSync } from 'esbuild';
import { FUNCTION_NAMES, type FunctionName } from '#functions/catalogue.ts';

/** The repository root: esbuild resolves `#shared/...` imports from its package.json. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const handlerEntry = (name: FunctionName) => resolve(PROJECT_ROOT, 'functions', name, 'handler.ts');

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
  // The Node.js 24 runtime ships AWS SDK v3.
  external: ['@aws-sdk/*'],
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
} as const satisfies BuildOptions;

let builtDir: string | undefined;

/** Builds every function in one esbuild run (shared modules are parsed once) into `<dir>/<name>/index.mjs`. */
export const buildAllFunctions = (): string => {
  if (builtDir) return builtDir;
  const outdir = mkdtempSync(join(tmpdir(), 'fail-forward-bundles-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  buildSync({
    ...ESBUILD_OPTIONS,
    absWorkingDir: PROJECT_ROOT,
    entryPoints: Object.fromEntries(FUNCTION_NAMES.map((name) => [`${name}/index`, handlerEntry(name)])),
    outdir,
  });
  builtDir = outdir;
  return outdir;
};

/**
 * The deployment package of one function, built by the local esbuild, never Docker.
 *
 * NodejsFunction's own bundling starts `npx esbuild` once per function: about 1.8 s each here, so
 * 18 functions took over 30 s of a synth. One esbuild run for all of them takes about 3 s. The asset
 * stays an ordinary CDK bundled asset, so `aws:cdk:bundling-stacks` (tests pass []) still skips it.
 */
export const functionCode = (name: FunctionName): Code =>
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
