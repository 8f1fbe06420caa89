import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Bundles the browser code (GOV.UK Frontend's components and the live card preview, which runs the
 * same `escalatingFields` as the server) into one ES module. esbuild is imported only when this runs,
 * so a Lambda that serves no assets never loads it; in AWS the deploy step calls this and uploads the
 * result to S3 next to GOV.UK Frontend's files.
 */
export const buildClientBundle = async (): Promise<string> => {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(here, 'app.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no browser bundle');
  return output.text;
};
