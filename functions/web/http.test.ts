import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_RETURN_PATHS, landsOn } from '#test/support/web/return-paths.ts';
import { MAX_RETURN_PATH, safeReturnPath } from './http.ts';

const ORIGIN = 'http://localhost:3000';

describe('the path someone returns to after signing in', () => {
  it.each(HOSTILE_RETURN_PATHS.map((value) => [JSON.stringify(value).slice(0, 60), value]))(
    'never leaves this site for %s',
    (_, value) => {
      // Act
      const path = safeReturnPath(value, ORIGIN);

      // Assess
      if (path !== undefined) {
        expect(landsOn(path, ORIGIN)).toBe(ORIGIN);
        expect(path).toMatch(/^\/[\x21-\x7e]*$/);
        expect(path.startsWith('//')).toBe(false);
      }
    },
  );

  it('refuses what a browser would read as another host, and what is too long, outright', () => {
    // Act
    const kept = [
      '/\t/evil.example/phish',
      '/\\evil.example',
      '//evil.example',
      '/..//evil.example',
      'https://evil.example',
      'http://127.0.0.1:1/',
      'javascript:alert(1)',
      'data:text/html,x',
      `/${'a'.repeat(MAX_RETURN_PATH)}`,
    ].map((value) => safeReturnPath(value, ORIGIN));

    // Assess
    expect(kept).toEqual(kept.map(() => undefined));
  });

  it('keeps a path of this site as the parser writes it, header-safe', () => {
    // Act
    const paths = [
      '/experiments',
      '/queue?lang=cy#main-content',
      `${ORIGIN}/log?q=calls`,
      '/a\x0bb',
      '/\u3000',
      '/%2f/evil.example',
      '/a b',
    ].map((value) => safeReturnPath(value, ORIGIN));

    // Assess
    expect(paths).toEqual([
      '/experiments',
      '/queue?lang=cy#main-content',
      '/log?q=calls',
      '/a%0Bb',
      '/%E3%80%80',
      '/%2f/evil.example',
      '/a%20b',
    ]);
  });

  it('gives, for any text at all, nothing or a header-safe path that stays on this site', () => {
    // Prepare
    const parts = fc.constantFrom(
      '/',
      '\\',
      '\t',
      '\n',
      '\r',
      '.',
      '%2f',
      '%5c',
      ':',
      '@',
      '?',
      '#',
      'evil.example',
    );

    // Act and assess
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.array(parts, { maxLength: 12 }).map((p) => p.join('')),
        ),
        (value) => {
          const path = safeReturnPath(value, ORIGIN);
          return path === undefined || (landsOn(path, ORIGIN) === ORIGIN && /^\/[\x21-\x7e]*$/.test(path));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
