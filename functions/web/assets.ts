/**
 * Static files under /assets: GOV.UK Frontend's compiled CSS, fonts and images, and our own small
 * stylesheet and browser bundle. In AWS these are uploaded to S3 and served by CloudFront, so this
 * code only answers them on one machine (or if CloudFront forwards an /assets path by mistake).
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientBundle } from './client/build.ts';
import type { WebResponse } from './http.ts';
import { govukDist } from './view-folders.ts';

const here = dirname(fileURLToPath(import.meta.url));

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/manifest+json; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const TEXT = new Set(['.css', '.js', '.mjs', '.map', '.json', '.svg']);

let bundle: Promise<string> | undefined;

/** The browser bundle is built once per process, on first request, and kept. */
const clientBundle = (): Promise<string> => {
  bundle ??= buildClientBundle().catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
};

/** Maps an /assets path to a file, refusing anything that would climb out of its folder. */
const fileFor = (rest: string): string | undefined => {
  const govuk = join(govukDist(), 'govuk');
  const table: [string, string][] = [
    ['govuk-frontend.min.css', join(govuk, 'govuk-frontend.min.css')],
    ['app.css', join(here, 'client', 'app.css')],
  ];
  for (const [name, file] of table) if (rest === name) return file;
  for (const folder of ['fonts', 'images']) {
    if (!rest.startsWith(`${folder}/`)) continue;
    const base = join(govuk, 'assets', folder);
    const file = normalize(join(base, rest.slice(folder.length + 1)));
    return file.startsWith(base + sep) ? file : undefined;
  }
  if (rest === 'manifest.json') return join(govuk, 'assets', 'manifest.json');
  return undefined;
};

const asset = (body: Buffer | string, ext: string, cacheSeconds: number): WebResponse => {
  const text = TEXT.has(ext);
  return {
    statusCode: 200,
    headers: {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': `public, max-age=${cacheSeconds}`,
    },
    body: text ? body.toString() : Buffer.from(body).toString('base64'),
    ...(text ? {} : { isBase64Encoded: true }),
  };
};

/** Undefined when the path is not an asset we have: the caller answers with the 404 page. */
export const serveAsset = async (path: string): Promise<WebResponse | undefined> => {
  const rest = path.slice('/assets/'.length);
  if (rest === 'app.js') return asset(await clientBundle(), '.js', 300);
  const file = fileFor(rest);
  const ext = extname(rest);
  if (!file || !(ext in TYPES)) return undefined;
  try {
    // Fonts and images never change for a given GOV.UK Frontend version; our CSS may change on deploy.
    return asset(await readFile(file), ext, rest === 'app.css' ? 300 : 86_400);
  } catch {
    return undefined;
  }
};
