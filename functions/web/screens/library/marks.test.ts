import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_LENGTH, pieces } from './marks.ts';

describe('the pieces of a text with its matched words', () => {
  it('marks exactly the ranges given', () => {
    // Act
    const result = pieces('Calling parents after six', [
      { start: 0, end: 7 },
      { start: 8, end: 15 },
    ]);

    // Assess
    expect(result).toEqual([
      { text: 'Calling', mark: true },
      { text: ' ', mark: false },
      { text: 'parents', mark: true },
      { text: ' after six', mark: false },
    ]);
  });

  it('keeps one line: to the first line break, or the last space before the limit, with an ellipsis', () => {
    // Prepare
    const long = `${'word '.repeat(60)}end`;

    // Act
    const broken = pieces('First line\nSecond line', [], { line: true });
    const cut = pieces(long, [], { line: true });

    // Assess
    expect(broken.map((p) => p.text)).toEqual(['First line', '…']);
    const text = cut.map((p) => p.text).join('');
    expect(text.length).toBeLessThanOrEqual(LINE_LENGTH + 1);
    expect(text.endsWith('word…')).toBe(true);
  });

  it('starts a snippet shortly before its first matched word', () => {
    // Prepare
    const text = `${'before '.repeat(30)}the match is here`;
    const start = text.indexOf('match');

    // Act
    const result = pieces(text, [{ start, end: start + 5 }], { line: true, snippet: true });

    // Assess
    expect(result[0]).toEqual({ text: '…', mark: false });
    expect(result.find((p) => p.mark)).toEqual({ text: 'match', mark: true });
    expect(result.map((p) => p.text).join('').length).toBeLessThan(text.length);
  });

  it('gives back the whole text, whatever the ranges, overlapping or out of bounds', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.array(
          fc.record({ start: fc.integer({ min: -5, max: 320 }), end: fc.integer({ min: -5, max: 320 }) }),
          {
            maxLength: 8,
          },
        ),
        (text, ranges) => {
          const result = pieces(text, ranges);
          expect(result.map((p) => p.text).join('')).toBe(text);
          for (const piece of result) expect(piece.text.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
