import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, loadIndex, serialise } from '#shared/library/engine.ts';
import { search, similar } from '#shared/library/search.ts';
import { LIBRARY_STATUSES, type LibraryEntry } from '#shared/library/types.ts';

/** Text as people type it and worse: words, Welsh letters, markup, emoji, combining marks, RTL, lone surrogates. */
const oddText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      'calls',
      'parent',
      'ofalwyr',
      'ŵ',
      'ﬁ',
      'Ｃ',
      ' ',
      '<b>',
      '</script>',
      '&amp;',
      '🙂',
      '👨‍👩‍👧',
    ),
    fc.constantFrom('\u0301', '\u200D', '\u202E', '\uD800', '\uDFFF', '\u0000', 'ا', 'ש', '\uFFFD', "'", '-'),
    fc.string({ unit: 'binary', maxLength: 3 }),
  ),
  maxLength: 40,
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const libraryEntry = (id: string): fc.Arbitrary<LibraryEntry> =>
  fc.record({
    id: fc.constant(id),
    title: oddText,
    team: fc.constantFrom('early-help', 'youth-justice'),
    status: fc.constantFrom(...LIBRARY_STATUSES),
    problem: maybe(oddText),
    hypothesis: fc.record({
      weBelieve: maybe(oddText),
      toTestIt: maybe(oddText),
      measure: maybe(oddText),
      rightIf: maybe(oddText),
    }),
    cycles: fc.array(
      fc.record({
        result: fc.constantFrom('worked' as const, 'didNotWork' as const, 'unclear' as const),
        observed: maybe(oddText),
        learned: oddText,
        next: fc.constantFrom('adapt' as const, 'adopt' as const, 'abandon' as const),
        at: fc.constant('2026-01-01T00:00:00.000Z'),
      }),
      { maxLength: 2 },
    ),
    declineReason: maybe(oddText),
    createdAt: fc.constant('2026-01-01T00:00:00.000Z'),
    closedAt: fc.constant(null),
  });

const library = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 12 })
  .chain((ids) => fc.tuple(...ids.map(libraryEntry)));

describe('library search properties', () => {
  it('never throws, and finds only entries that exist, for any entries and any query', () => {
    fc.assert(
      fc.property(library, oddText, fc.integer({ min: -5, max: 200 }), (entries, q, limit) => {
        // Arrange
        const ids = new Set(entries.map((e) => e.id));
        const index = buildIndex(entries);

        // Act
        const page = search(index, { q, limit, offset: 0 });
        const like = similar(index, { title: q, problem: q });

        // Assess
        for (const item of [...page.items, ...like]) expect(ids.has(item.id)).toBe(true);
        expect(page.items.length).toBeLessThanOrEqual(Math.max(1, Math.min(limit, 100)));
        expect(like.length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 200 },
    );
  });

  it('never returns an excluded id, and a snapshot answers as the index it came from', () => {
    fc.assert(
      fc.property(library, oddText, (entries, title) => {
        // Arrange
        const index = buildIndex(entries);
        const excludeIds = entries.filter((_, i) => i % 2 === 0).map((e) => e.id);

        // Act
        const like = similar(index, { title }, { excludeIds });
        const loaded = loadIndex(serialise(index));

        // Assess
        for (const item of like) expect(excludeIds).not.toContain(item.id);
        expect(search(loaded, { q: title })).toEqual(search(index, { q: title }));
      }),
      { numRuns: 100 },
    );
  });
});
