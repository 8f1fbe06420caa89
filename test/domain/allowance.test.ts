import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowanceLeft,
  checkAllowance,
  drawFor,
  financialYear,
  withAllowance,
} from '#shared/domain/allowance.ts';
import type { Assessment } from '#shared/domain/assess.ts';
import { formatAmount } from '#shared/domain/card.ts';
import { describeReason, ENGLISH_REASONS } from '#shared/domain/reasons.ts';
import { compareDates, londonDate } from '#shared/domain/uk-time.ts';
import { amountIn } from './arbitraries.ts';

const AT = new Date('2026-06-15T12:00:00Z');

describe('financial year', () => {
  it.each([
    ['2026-03-31T23:00:00Z', 2026, '2026–27'], // midnight on 1 April in London (BST)
    ['2026-03-31T22:59:59Z', 2025, '2025–26'],
    ['2027-01-15T12:00:00Z', 2026, '2026–27'],
    ['2027-03-31T12:00:00Z', 2026, '2026–27'],
    ['1999-06-01T12:00:00Z', 1999, '1999–00'],
    ['2009-04-01T00:00:00Z', 2009, '2009–10'],
  ])('puts %s in %i, labelled %s', (at, key, label) => {
    expect(financialYear(new Date(at))).toMatchObject({ key, label });
  });

  it('runs from 1 April to 31 March', () => {
    expect(financialYear(AT)).toEqual({
      key: 2026,
      label: '2026–27',
      start: { year: 2026, month: 4, day: 1 },
      end: { year: 2027, month: 3, day: 31 },
    });
  });

  it('holds the London date of every moment', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const at = new Date(ms);
        const year = financialYear(at);
        const date = londonDate(at);
        expect(compareDates(year.start, date)).toBeLessThanOrEqual(0);
        expect(compareDates(date, year.end)).toBeLessThanOrEqual(0);
        expect(year.label).toMatch(/^\d{4}–\d{2}$/);
        expect(year.label.slice(0, 4)).toBe(String(year.key));
      }),
    );
  });
});

describe('what is left and what is drawn', () => {
  it.each([
    [5000, 4700, 300],
    [5000, 5000, 0],
    [5000, 6000, 0],
    [0.3, 0.1, 0.2],
    [1000, 999.99, 0.01],
  ])('an allowance of %d with %d drawn leaves %d', (allowance, drawn, left) => {
    expect(allowanceLeft(allowance, drawn)).toBe(left);
  });

  it.each([
    [900, 500, 400],
    [300, 500, 0],
    [500, 500, 0],
    [0.3, 0.1, 0.2],
    [250, undefined, 250],
  ])('a cost of %d with %s drawn before draws %d', (extraCost, already, draw) => {
    expect(drawFor(extraCost, already)).toBe(draw);
  });

  it("words the reason as every reason is, topic first and neutral, the pages' words and the API's one definition (issue 19)", () => {
    const messageOf = (check: ReturnType<typeof checkAllowance>) =>
      check.kind === 'escalate' ? check.reason.message : undefined;
    const over = checkAllowance({ allowance: 5000, drawn: 4700, extraCost: 300.01, at: AT });
    const none = checkAllowance({ allowance: 1000, drawn: 1000, extraCost: 20, at: AT });
    expect(messageOf(over)).toBe(
      "Innovation allowance: £300.01 in total, above the £300 left in the team's allowance for this year",
    );
    expect(messageOf(none)).toBe(
      "Innovation allowance: £20 in total, above the £0 left in the team's allowance for this year",
    );
    expect(messageOf(over)).toBe(
      describeReason(ENGLISH_REASONS, { rule: 'allowance', answer: 300.01, limit: 300 }),
    );
  });
});

describe('checkAllowance', () => {
  it('checks nothing for a team the policy gives no allowance', () => {
    expect(checkAllowance({ allowance: undefined, drawn: 0, extraCost: 1_000_000, at: AT })).toEqual({
      kind: 'none',
    });
  });

  it('draws a cost up to and including what is left', () => {
    expect(checkAllowance({ allowance: 5000, drawn: 4700, extraCost: 300, at: AT })).toEqual({
      kind: 'draw',
      amount: 300,
      year: financialYear(AT),
    });
  });

  it("escalates a cost above what is left, with the spec's reason", () => {
    expect(checkAllowance({ allowance: 5000, drawn: 4700, extraCost: 300.01, at: AT })).toEqual({
      kind: 'escalate',
      year: financialYear(AT),
      reason: {
        rule: 'allowance',
        answer: 300.01,
        limit: 300,
        message:
          "Innovation allowance: £300.01 in total, above the £300 left in the team's allowance for this year",
      },
    });
  });

  it('checks only the increase on an adapt cycle', () => {
    const check = checkAllowance({ allowance: 5000, drawn: 4700, extraCost: 700, alreadyDrawn: 450, at: AT });
    expect(check).toEqual({ kind: 'draw', amount: 250, year: financialYear(AT) });
    const over = checkAllowance({ allowance: 5000, drawn: 4700, extraCost: 900, alreadyDrawn: 450, at: AT });
    expect(over).toMatchObject({ kind: 'escalate', reason: { answer: 900, limit: 300 } });
  });

  it('races: of two ideas of £250 for the last £300, the second sees £50 left and escalates', () => {
    // Act
    const first = checkAllowance({ allowance: 5000, drawn: 4700, extraCost: 250, at: AT });
    const second = checkAllowance({ allowance: 5000, drawn: 4950, extraCost: 250, at: AT });

    // Assess
    expect(first.kind).toBe('draw');
    expect(second).toMatchObject({ kind: 'escalate', reason: { limit: 50 } });
  });
});

describe('withAllowance', () => {
  const authorised: Assessment = { decision: 'authorised', reasons: [], policyVersion: 3 };
  const escalated: Assessment = {
    decision: 'escalated',
    reasons: [{ rule: 'reversible', answer: 'no', message: 'It cannot be stopped quickly.' }],
    policyVersion: 3,
  };
  const over = checkAllowance({ allowance: 100, drawn: 0, extraCost: 200, at: AT });
  const fits = checkAllowance({ allowance: 1000, drawn: 0, extraCost: 200, at: AT });

  it('draws only for an idea the card authorises', () => {
    expect(withAllowance(authorised, fits)).toEqual({ assessment: authorised, draw: 200 });
    expect(withAllowance(escalated, fits)).toEqual({ assessment: escalated, draw: 0 });
    expect(withAllowance(authorised, { kind: 'none' })).toEqual({ assessment: authorised, draw: 0 });
  });

  it("puts the allowance reason after the card's own rows", () => {
    if (over.kind !== 'escalate') throw new Error('expected an escalation');
    expect(withAllowance(authorised, over)).toEqual({
      assessment: { decision: 'escalated', reasons: [over.reason], policyVersion: 3 },
      draw: 0,
    });
    expect(withAllowance(escalated, over).assessment.reasons).toEqual([...escalated.reasons, over.reason]);
  });
});

const money = amountIn(0, 10_000, 2);

describe('allowance: properties', () => {
  it('what is left is never negative, never above the allowance, and adds up', () => {
    fc.assert(
      fc.property(money, money, (allowance, drawn) => {
        const left = allowanceLeft(allowance, drawn);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left).toBeLessThanOrEqual(allowance);
        expect(Math.round(left * 100) + Math.min(Math.round(drawn * 100), Math.round(allowance * 100))).toBe(
          Math.round(allowance * 100),
        );
      }),
    );
  });

  it('a draw covers the cost with what was drawn before, and is never negative', () => {
    fc.assert(
      fc.property(money, money, (extraCost, already) => {
        const draw = drawFor(extraCost, already);
        expect(draw).toBeGreaterThanOrEqual(0);
        expect(Math.round((draw + already) * 100)).toBeGreaterThanOrEqual(Math.round(extraCost * 100));
        if (extraCost <= already) expect(draw).toBe(0);
      }),
    );
  });

  it('ideas drawn one after another never draw more than the allowance holds', () => {
    fc.assert(
      fc.property(money, fc.array(amountIn(0, 2_000, 2), { maxLength: 40 }), (allowance, costs) => {
        let drawn = 0;
        for (const extraCost of costs) {
          const check = checkAllowance({ allowance, drawn, extraCost, at: AT });
          if (check.kind === 'draw') drawn = Math.round((drawn + check.amount) * 100) / 100;
          else if (check.kind === 'escalate') {
            expect(check.reason.limit).toBe(allowanceLeft(allowance, drawn));
            expect(extraCost).toBeGreaterThan(check.reason.limit);
            expect(check.reason.message).toContain(formatAmount(check.reason.limit, 'pounds'));
          }
          expect(drawn).toBeLessThanOrEqual(allowance);
        }
      }),
    );
  });
});
