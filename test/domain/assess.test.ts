import { describe, expect, it } from 'vitest';
import { assess, escalatingFields } from '#shared/domain/assess.ts';
import {
  CARD_FIELDS,
  type CardAnswers,
  CHOICE_QUESTIONS,
  type ChoiceField,
  formatAmount,
  POLICY_V1,
  THRESHOLD_QUESTIONS,
  type ThresholdField,
} from '#shared/domain/card.ts';
// Inside every limit of the v1 card: the baseline each case changes one thing on.
import { SMALLEST_ANSWERS as SAFE } from '#test/support/fixtures.ts';

const withAnswer = (field: string, answer: unknown): CardAnswers =>
  ({ ...SAFE, [field]: answer }) as CardAnswers;

describe('assess: the safe baseline', () => {
  it('authorises a card with every answer inside the limits', () => {
    // Act
    const result = assess(SAFE, POLICY_V1);

    // Assess
    expect(result).toEqual({ decision: 'authorised', reasons: [], policyVersion: 1 });
  });
});

// Written out from the spec's table rather than read from card.ts, so a wrong row in card.ts fails here.
const CHOICE_CASES: [ChoiceField, string, boolean][] = [
  ['safeguarding', 'no', false],
  ['safeguarding', 'yes', true],
  ['safeguarding', 'unsure', true],
  ['lawful', 'yes', false],
  ['lawful', 'no', true],
  ['lawful', 'unsure', true],
  ['personalData', 'no', false],
  ['personalData', 'yes', true],
  ['personalData', 'unsure', true],
  ['consent', 'yes', false],
  ['consent', 'no', true],
  ['consent', 'notApplicable', false],
  ['reversible', 'yes', false],
  ['reversible', 'no', true],
  ['frontPage', 'yes', false],
  ['frontPage', 'no', true],
];

describe('assess: each answer of each safety question', () => {
  it.each(CHOICE_CASES)('%s = %s escalates: %s', (field, answer, escalates) => {
    // Prepare
    const card = withAnswer(field, answer);

    // Act
    const result = assess(card, POLICY_V1);

    // Assess
    if (escalates) {
      const details: Record<string, string | undefined> = CHOICE_QUESTIONS[field].reasons;
      expect(result.decision).toBe('escalated');
      expect(result.reasons).toEqual([
        { rule: field, answer, message: `${CHOICE_QUESTIONS[field].short}: ${details[answer]}` },
      ]);
      expect(result.reasons[0]?.message).not.toMatch(/\byou\b/i);
    } else {
      expect(result).toEqual({ decision: 'authorised', reasons: [], policyVersion: 1 });
    }
  });

  it('explains a safeguarding "yes" in plain English', () => {
    // Act
    const result = assess(withAnswer('safeguarding', 'yes'), POLICY_V1);

    // Assess
    expect(result.reasons[0]?.message).toBe(
      'Risk of harm: could put a child, young person or adult at risk of harm',
    );
  });
});

const THRESHOLD_CASES: [ThresholdField, number, boolean][] = [
  ['extraCost', 0, false],
  ['extraCost', 499, false],
  ['extraCost', 499.99, false],
  ['extraCost', 500, false],
  ['extraCost', 500.01, true],
  ['extraCost', 501, true],
  ['peopleInvolved', 0, false],
  ['peopleInvolved', 9, false],
  ['peopleInvolved', 10, false],
  ['peopleInvolved', 11, true],
  ['durationWeeks', 1, false],
  ['durationWeeks', 5, false],
  ['durationWeeks', 6, false],
  ['durationWeeks', 7, true],
  ['durationWeeks', 52, true],
  ['staffHours', 0, false],
  ['staffHours', 19, false],
  ['staffHours', 20, false],
  ['staffHours', 20.01, true],
  ['staffHours', 21, true],
];

describe('assess: each threshold below, at and above its v1 limit', () => {
  it.each(THRESHOLD_CASES)('%s = %s escalates: %s', (field, answer, escalates) => {
    // Prepare
    const card = withAnswer(field, answer);
    const limit = POLICY_V1.thresholds[field];

    // Act
    const result = assess(card, POLICY_V1);

    // Assess
    expect(result.decision).toBe(escalates ? 'escalated' : 'authorised');
    expect(result.reasons).toEqual(
      escalates
        ? [
            {
              rule: field,
              answer,
              limit,
              message: `${THRESHOLD_QUESTIONS[field].short}: ${THRESHOLD_QUESTIONS[field].reason(
                formatAmount(answer, THRESHOLD_QUESTIONS[field].unit),
                formatAmount(limit, THRESHOLD_QUESTIONS[field].unit),
              )}`,
            },
          ]
        : [],
    );
  });

  it.each([
    ['extraCost', 750, "Extra money: £750 in total, above the card's limit of £500"],
    ['extraCost', 500.5, "Extra money: £500.50 in total, above the card's limit of £500"],
    ['extraCost', 12_500, "Extra money: £12,500 in total, above the card's limit of £500"],
    [
      'peopleInvolved',
      12,
      "People or families taking part: 12 people or families, above the card's limit of 10 people or families",
    ],
    ['durationWeeks', 8, "Weeks before a review: 8 weeks, above the card's limit of 6 weeks"],
    ['staffHours', 25.5, "Extra staff hours: 25.5 hours in total, above the card's limit of 20 hours"],
  ] as const)('explains %s = %s in plain English', (field, answer, expected) => {
    // Act
    const result = assess(withAnswer(field, answer), POLICY_V1);

    // Assess
    expect(result.reasons[0]?.message).toBe(expected);
  });
});

describe('assess: several rules at once', () => {
  it('gives one reason per escalating rule, in the card row order, whatever the key order', () => {
    // Prepare: keys deliberately out of row order
    const card: CardAnswers = {
      staffHours: 40,
      durationWeeks: 6,
      extraCost: 750,
      frontPage: 'no',
      reversible: 'yes',
      consent: 'notApplicable',
      personalData: 'unsure',
      lawful: 'yes',
      safeguarding: 'yes',
      peopleInvolved: 11,
    };

    // Act
    const result = assess(card, POLICY_V1);

    // Assess
    expect(result.decision).toBe('escalated');
    expect(result.policyVersion).toBe(1);
    expect(result.reasons.map(({ rule, answer, limit }) => ({ rule, answer, limit }))).toEqual([
      { rule: 'safeguarding', answer: 'yes', limit: undefined },
      { rule: 'personalData', answer: 'unsure', limit: undefined },
      { rule: 'frontPage', answer: 'no', limit: undefined },
      { rule: 'extraCost', answer: 750, limit: 500 },
      { rule: 'peopleInvolved', answer: 11, limit: 10 },
      { rule: 'staffHours', answer: 40, limit: 20 },
    ]);
    expect(result.reasons.filter((reason) => 'limit' in reason).map((reason) => reason.rule)).toEqual([
      'extraCost',
      'peopleInvolved',
      'staffHours',
    ]);
  });

  it('escalates every rule when every answer is outside the card', () => {
    // Prepare
    const card: CardAnswers = {
      safeguarding: 'unsure',
      lawful: 'no',
      personalData: 'yes',
      consent: 'no',
      reversible: 'no',
      frontPage: 'no',
      extraCost: 501,
      peopleInvolved: 11,
      durationWeeks: 7,
      staffHours: 21,
    };

    // Act
    const result = assess(card, POLICY_V1);

    // Assess
    // In the card's row order, which card.test.ts holds to the spec.
    expect(result.reasons.map((reason) => reason.rule)).toEqual(CARD_FIELDS);
  });
});

describe('assess: custom policies', () => {
  const POLICY_V3 = {
    version: 3,
    thresholds: { extraCost: 1000, peopleInvolved: 25, durationWeeks: 12, staffHours: 37.5 },
  };

  it.each([
    ['extraCost', 750, false],
    ['extraCost', 1000, false],
    ['extraCost', 1000.01, true],
    ['peopleInvolved', 25, false],
    ['peopleInvolved', 26, true],
    ['durationWeeks', 8, false],
    ['durationWeeks', 13, true],
    ['staffHours', 37.5, false],
    ['staffHours', 37.51, true],
  ] as const)('uses the policy limit for %s = %s (escalates: %s)', (field, answer, escalates) => {
    // Act
    const result = assess(withAnswer(field, answer), POLICY_V3);

    // Assess
    expect(result.decision).toBe(escalates ? 'escalated' : 'authorised');
    expect(result.policyVersion).toBe(3);
    if (escalates) expect(result.reasons[0]?.limit).toBe(POLICY_V3.thresholds[field]);
  });

  it('escalates everything above a limit of 0', () => {
    // Prepare
    const zero = {
      version: 9,
      thresholds: { extraCost: 0, peopleInvolved: 0, durationWeeks: 1, staffHours: 0 },
    };

    // Act
    const result = assess({ ...SAFE, extraCost: 0.01, peopleInvolved: 1, durationWeeks: 2 }, zero);

    // Assess
    expect(result.reasons.map((reason) => reason.message)).toEqual([
      "Extra money: £0.01 in total, above the card's limit of £0",
      "People or families taking part: 1 person or family, above the card's limit of 0 people or families",
      "Weeks before a review: 2 weeks, above the card's limit of 1 week",
    ]);
  });
});

describe('assess: robustness', () => {
  it('ignores keys that are not card fields, including commitToShare', () => {
    // Prepare
    const card = { ...SAFE, commitToShare: true, title: 'Buddy scheme', extraCost: 500 };

    // Act
    const result = assess(card, POLICY_V1);

    // Assess
    expect(result).toEqual({ decision: 'authorised', reasons: [], policyVersion: 1 });
  });

  it.each([
    ['safeguarding', 'maybe'],
    ['consent', undefined],
    ['extraCost', Number.NaN],
    ['staffHours', '5'],
    ['peopleInvolved', undefined],
  ])('escalates rather than authorises an answer it does not recognise (%s = %s)', (field, answer) => {
    // Act
    const result = assess(withAnswer(field, answer), POLICY_V1);

    // Assess
    expect(result.decision).toBe('escalated');
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]?.rule).toBe(field);
    expect(result.reasons[0]?.message).toMatch(/^[A-Z][^:]+: an answer the card does not recognise$/);
  });

  it('does not change the card it is given', () => {
    // Prepare
    const card = { ...SAFE, extraCost: 900 };
    const before = structuredClone(card);

    // Act
    assess(card, POLICY_V1);

    // Assess
    expect(card).toEqual(before);
  });
});

describe('escalatingFields', () => {
  it('judges nothing on an empty card', () => {
    // Act / Assess
    expect(escalatingFields({}, POLICY_V1)).toEqual([]);
  });

  it('judges only the answered fields, in row order', () => {
    // Prepare
    const partial = { staffHours: 21, lawful: 'unsure', consent: 'notApplicable', extraCost: 500 } as const;

    // Act
    const fields = escalatingFields(partial, POLICY_V1);

    // Assess
    expect(fields).toEqual(['lawful', 'staffHours']);
  });

  it('treats null as not yet answered, as an empty form control gives', () => {
    // Prepare
    const partial = { safeguarding: null, peopleInvolved: 11 } as unknown as Partial<CardAnswers>;

    // Act / Assess
    expect(escalatingFields(partial, POLICY_V1)).toEqual(['peopleInvolved']);
  });

  it('agrees with assess on a complete card', () => {
    // Prepare
    const card = withAnswer('reversible', 'no');

    // Act / Assess
    expect(escalatingFields(card, POLICY_V1)).toEqual(assess(card, POLICY_V1).reasons.map((r) => r.rule));
  });
});
