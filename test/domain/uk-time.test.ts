import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  formatIsoDate,
  isRealDate,
  londonDate,
  parseIsoDate,
  startOfLondonDay,
} from '#shared/domain/uk-time.ts';

describe('London calendar', () => {
  it.each([
    ['2026-01-15T23:30:00Z', { year: 2026, month: 1, day: 15 }],
    ['2026-06-14T23:30:00Z', { year: 2026, month: 6, day: 15 }],
    ['2026-03-31T23:00:00Z', { year: 2026, month: 4, day: 1 }],
    ['2026-03-31T22:59:59Z', { year: 2026, month: 3, day: 31 }],
  ])('reads %s as the London date %j', (at, date) => {
    expect(londonDate(new Date(at))).toEqual(date);
  });

  it.each([
    [{ year: 2026, month: 1, day: 15 }, '2026-01-15T00:00:00.000Z'],
    [{ year: 2026, month: 6, day: 15 }, '2026-06-14T23:00:00.000Z'],
    // Clocks go forward at 01:00 UTC on 29 March 2026: midnight is still GMT
    [{ year: 2026, month: 3, day: 29 }, '2026-03-29T00:00:00.000Z'],
    [{ year: 2026, month: 3, day: 30 }, '2026-03-29T23:00:00.000Z'],
    // Clocks go back at 01:00 UTC on 25 October 2026: midnight is still BST
    [{ year: 2026, month: 10, day: 25 }, '2026-10-24T23:00:00.000Z'],
    [{ year: 2026, month: 10, day: 26 }, '2026-10-26T00:00:00.000Z'],
  ])('starts the London day %j at %s', (date, instant) => {
    expect(startOfLondonDay(date).toISOString()).toBe(instant);
  });

  it('starts every London day at a moment that is on that day, a second before it is the day before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (offset) => {
        // Prepare
        const date = addDays({ year: 2000, month: 1, day: 1 }, offset);

        // Act
        const start = startOfLondonDay(date);

        // Assess
        expect(londonDate(start)).toEqual(date);
        expect(londonDate(new Date(start.getTime() - 1000))).toEqual(addDays(date, -1));
      }),
    );
  });

  it('parses only real ISO dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of [
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-1',
      '24-01-01',
      '2024-01-01T00:00',
      '',
    ])
      expect(parseIsoDate(bad)).toBeNull();
  });

  it('formats and parses back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_900_000 }), (offset) => {
        const date = addDays({ year: 1900, month: 1, day: 1 }, offset);
        expect(parseIsoDate(formatIsoDate(date))).toEqual(date);
        expect(isRealDate(date.year, date.month, date.day)).toBe(true);
      }),
    );
  });

  it('counts days and orders dates consistently', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: -500, max: 500 }),
        (offset, days) => {
          const a = addDays({ year: 1990, month: 1, day: 1 }, offset);
          const b = addDays(a, days);
          expect(daysBetween(a, b)).toBe(days);
          expect(Math.sign(compareDates(a, b)) + 0).toBe(Math.sign(-days) + 0);
        },
      ),
    );
  });

  it.each([
    [{ year: 2026, month: 1, day: 31 }, 1, { year: 2026, month: 2, day: 28 }],
    [{ year: 2026, month: 6, day: 1 }, -11, { year: 2025, month: 7, day: 1 }],
    [{ year: 2026, month: 12, day: 15 }, 1, { year: 2027, month: 1, day: 15 }],
    [{ year: 2024, month: 2, day: 29 }, 12, { year: 2025, month: 2, day: 28 }],
    [{ year: 2026, month: 3, day: 31 }, -1, { year: 2026, month: 2, day: 28 }],
  ])('moves %j by %i months to %j', (date, months, expected) => {
    expect(addMonths(date, months)).toEqual(expected);
  });
});
