import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const LIBRARY = 'infra/local/stepfunctions';
const FOLDERS = ['infra', 'functions', 'shared', 'workflows', 'test', 'bench'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });

/** Every module specifier a file imports or re-exports, static or dynamic. */
const specifiers = (text: string): string[] =>
  [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

describe('the local Step Functions service is a library', () => {
  it('is imported from outside its folder only through its index', () => {
    const reaching: string[] = [];
    for (const file of FOLDERS.flatMap((folder) => sourceFiles(folder))) {
      if (file.startsWith(`${LIBRARY}/`)) continue;
      for (const specifier of specifiers(readFileSync(join(ROOT, file), 'utf8'))) {
        const target = specifier.startsWith('.')
          ? relative(ROOT, resolve(ROOT, file, '..', specifier))
          : specifier.replace(/^#infra\//, 'infra/');
        if (target.startsWith(`${LIBRARY}/`) && target !== `${LIBRARY}/index.ts`) {
          reaching.push(`${file} imports ${specifier}`);
        }
      }
    }
    expect(reaching).toEqual([]);
  });

  it('keeps every file under 500 lines', () => {
    const long = sourceFiles(LIBRARY)
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 500);
    expect(long).toEqual([]);
  });
});
