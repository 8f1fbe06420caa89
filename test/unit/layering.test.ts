import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every module specifier a file imports, statically or with import(). */
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"`]([^'"`]+)['"`]/g)].map(
    (m) => m[1] as string,
  );

const production = (pattern: string) => globSync(pattern).filter((file) => !file.endsWith('.test.ts'));

describe('the one-machine runtime stays in infra/local', () => {
  it.each([
    'shared/**/*.ts',
    'workflows/**/*.ts',
    'infra/stacks/**/*.ts',
    'infra/constructs/**/*.ts',
    'functions/**/*.ts',
  ])('no file of %s imports it', (pattern) => {
    // Prepare
    const files = production(pattern);

    // Act
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.includes('infra/local'))
        .map((specifier) => `${file} imports ${specifier}`),
    );

    // Assess
    expect(files.length).toBeGreaterThan(0);
    expect(offending).toEqual([]);
  });
});

describe('the domain', () => {
  it('imports nothing from AWS, middy, HTTP or the rest of the application', () => {
    // Act
    const offending = production('shared/domain/**/*.ts').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith('./') && specifier !== 'zod')
        .map((specifier) => `${file} imports ${specifier}`),
    );

    // Assess
    expect(offending).toEqual([]);
  });
});

describe('the size of a module', () => {
  it('stays under 400 lines in shared/', () => {
    // Act
    const long = production('shared/**/*.ts')
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 400);

    // Assess
    expect(long).toEqual([]);
  });
});
