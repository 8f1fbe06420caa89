import { globSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Every module specifier a file imports, statically or with import(), as TypeScript reads them (not comments). */
const importsOf = (file: string): string[] =>
  ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);

/** What the pure domain may use besides its own modules: zod for schemas, and hashing (audit chain). */
const DOMAIN_ALLOWED = new Set(['zod', 'node:crypto']);

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
        .filter((specifier) => !specifier.startsWith('./') && !DOMAIN_ALLOWED.has(specifier))
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
