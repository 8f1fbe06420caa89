import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, escalatingFields } from '#shared/domain/assess.ts';
import { CARD_FIELDS, type CardAnswers, CHOICE_QUESTIONS } from '#shared/domain/card.ts';
import { cardAnswers, choiceField, policy, thresholdField } from './arbitraries.ts';

const rowIndex = (field: string): number => (CARD_FIELDS as readonly string[]).indexOf(field);

describe('assess properties', () => {
  it('is deterministic: same answers and policy give the same assessment, on a copy too', () => {
    fc.assert(
      fc.property(cardAnswers(), policy(), (card, pol) => {
        // Act
        const first = assess(card, pol);
        const second = assess(structuredClone(card), structuredClone(pol));

        // Assess
        expect(second).toEqual(first);
        expect(first.policyVersion).toBe(pol.version);
      }),
    );
  });

  it('authorises exactly when there are no reasons', () => {
    fc.assert(
      fc.property(cardAnswers(), policy(), (card, pol) => {
        // Act
        const result = assess(card, pol);

        // Assess
        expect(result.decision === 'authorised').toBe(result.reasons.length === 0);
      }),
    );
  });

  it('gives reasons in card row order, at most one per rule, with a limit exactly for thresholds', () => {
    fc.assert(
      fc.property(cardAnswers(), policy(), (card, pol) => {
        // Act
        const { reasons } = assess(card, pol);

        // Assess: strictly increasing row positions means a subsequence without repeats
        const positions = reasons.map((reason) => rowIndex(reason.rule));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(new Set(positions).size).toBe(positions.length);
        for (const reason of reasons) {
          const isThreshold = rowIndex(reason.rule) >= 6;
          expect(reason.limit === undefined).toBe(!isThreshold);
          expect(reason.answer).toBe(card[reason.rule]);
          expect(reason.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('never turns escalated into authorised when a number goes up', () => {
    fc.assert(
      fc.property(
        cardAnswers(),
        policy(),
        thresholdField(),
        fc.integer({ min: 0, max: 100_000 }),
        (card, pol, field, raiseInPence) => {
          // Prepare
          const raised: CardAnswers = { ...card, [field]: card[field] + raiseInPence / 100 };

          // Act
          const before = assess(card, pol);
          const after = assess(raised, pol);

          // Assess: every rule that escalated before still does
          const afterRules = after.reasons.map((reason) => reason.rule);
          for (const reason of before.reasons) expect(afterRules).toContain(reason.rule);
          if (before.decision === 'escalated') expect(after.decision).toBe('escalated');
        },
      ),
    );
  });

  it('never turns escalated into authorised when a safe answer becomes an unsafe one', () => {
    fc.assert(
      fc.property(cardAnswers(), policy(), choiceField(), fc.nat(), (card, pol, field, pick) => {
        // Prepare
        const question = CHOICE_QUESTIONS[field];
        const unsafe: readonly string[] = question.escalatesOn;
        fc.pre(!unsafe.includes(card[field]));
        const changed = { ...card, [field]: unsafe[pick % unsafe.length] } as CardAnswers;

        // Act
        const before = assess(card, pol);
        const after = assess(changed, pol);

        // Assess
        expect(after.decision).toBe('escalated');
        expect(after.reasons.map((reason) => reason.rule)).toContain(field);
        expect(after.reasons.length).toBe(before.reasons.length + 1);
      }),
    );
  });

  it('escalatingFields on any part of a card gives the full reasons for the answered fields', () => {
    fc.assert(
      fc.property(cardAnswers(), policy(), fc.subarray([...CARD_FIELDS]), (card, pol, answered) => {
        // Prepare
        const partial = Object.fromEntries(
          answered.map((field) => [field, card[field]]),
        ) as Partial<CardAnswers>;

        // Act
        const fields = escalatingFields(partial, pol);

        // Assess
        const expected = assess(card, pol)
          .reasons.map((reason) => reason.rule)
          .filter((rule) => answered.includes(rule));
        expect(fields).toEqual(expected);
      }),
    );
  });
});
