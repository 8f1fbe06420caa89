import { describe, expect, it } from 'vitest';
import {
  CARD_FIELDS,
  CARD_QUESTIONS,
  CHOICE_QUESTIONS,
  formatAmount,
  hasDecimalPlaces,
  POLICY_V1,
  THRESHOLD_QUESTIONS,
} from '#shared/domain/card.ts';

// The labels are part of the product contract, so they are copied here from the spec word for word.
const SPEC_ROWS = [
  ['safeguarding', 'Could this put a child, young person or adult at risk of harm?'],
  ['lawful', 'Are you confident it is legal and keeps to our statutory duties?'],
  ['personalData', "Does it use people's personal information in a new way?"],
  ['consent', 'Will the people taking part know about it and be free to say no?'],
  ['reversible', 'Can you stop it quickly and put things back if it goes wrong?'],
  [
    'frontPage',
    'Would you be comfortable explaining it to the families involved, your colleagues and the local paper?',
  ],
  ['extraCost', "How much extra money will it need, in pounds, beyond your team's normal budget?"],
  ['peopleInvolved', 'How many people or families will take part?'],
  ['durationWeeks', 'How many weeks will the test run before you review it?'],
  ['staffHours', 'How many extra staff hours will it take?'],
  ['commitToShare', 'I will record what we learn, whether it works or not'],
] as const;

describe('the card rows', () => {
  it('follow the spec row order', () => {
    // Act / Assess
    expect(CARD_QUESTIONS.map((question) => question.field)).toEqual(SPEC_ROWS.map(([field]) => field));
    expect(CARD_FIELDS).toEqual(SPEC_ROWS.slice(0, 10).map(([field]) => field));
  });

  it.each(SPEC_ROWS)('%s has the exact label from the spec', (field, label) => {
    // Act
    const question = CARD_QUESTIONS.find((row) => row.field === field);

    // Assess
    expect(question?.label).toBe(label);
  });

  it.each([
    ['safeguarding', ['no', 'yes', 'unsure'], ['yes', 'unsure']],
    ['lawful', ['yes', 'no', 'unsure'], ['no', 'unsure']],
    ['personalData', ['no', 'yes', 'unsure'], ['yes', 'unsure']],
    ['consent', ['yes', 'no', 'notApplicable'], ['no']],
    ['reversible', ['yes', 'no'], ['no']],
    ['frontPage', ['yes', 'no'], ['no']],
  ] as const)('%s allows %j and escalates on %j, with a message for each', (field, answers, escalatesOn) => {
    // Prepare
    const question = CHOICE_QUESTIONS[field];
    const messages: Record<string, string | undefined> = question.reasons;
    const answerLabels: Record<string, string | undefined> = question.answerLabels;

    // Assess
    expect(question.answers).toEqual(answers);
    expect(question.escalatesOn).toEqual(escalatesOn);
    expect(Object.keys(messages).sort()).toEqual([...escalatesOn].sort());
    for (const answer of answers) expect(answerLabels[answer]).toBeTruthy();
  });

  it.each([
    ['extraCost', false, 0, 'pounds'],
    ['peopleInvolved', true, 0, 'people'],
    ['durationWeeks', true, 1, 'weeks'],
    ['staffHours', false, 0, 'hours'],
  ] as const)('%s: whole number %s, minimum %s, unit %s', (field, integer, min, unit) => {
    // Prepare
    const question = THRESHOLD_QUESTIONS[field];

    // Assess
    expect(question.integer).toBe(integer);
    expect(question.decimalPlaces).toBe(integer ? 0 : 2);
    expect(question.min).toBe(min);
    expect(question.unit).toBe(unit);
    expect(question.max).toBeGreaterThan(POLICY_V1.thresholds[field]);
  });

  it('caps the test length at 52 weeks', () => {
    // Assess
    expect(THRESHOLD_QUESTIONS.durationWeeks.max).toBe(52);
  });
});

describe('POLICY_V1', () => {
  it('holds the limits printed on the card', () => {
    // Assess
    expect(POLICY_V1.version).toBe(1);
    expect(POLICY_V1.thresholds).toEqual({
      extraCost: 500,
      peopleInvolved: 10,
      durationWeeks: 6,
      staffHours: 20,
    });
    expect(POLICY_V1.decisionDeadlineDays).toBe(5);
    expect(Number.isNaN(Date.parse(POLICY_V1.publishedAt))).toBe(false);
  });
});

describe('formatAmount and hasDecimalPlaces', () => {
  it.each([
    [1250, 'pounds', '£1,250'],
    [0.5, 'pounds', '£0.50'],
    [1, 'people', '1 person or family'],
    [2, 'people', '2 people or families'],
    [1, 'weeks', '1 week'],
    [7.25, 'hours', '7.25 hours'],
  ] as const)('formats %s %s as %s', (value, unit, expected) => {
    // Act / Assess
    expect(formatAmount(value, unit)).toBe(expected);
  });

  it.each([
    [10, 0, true],
    [10.5, 0, false],
    [0.29, 2, true],
    [1234567.89, 2, true],
    [500.001, 2, false],
  ] as const)('%s has at most %s decimal places: %s', (value, places, expected) => {
    // Act / Assess
    expect(hasDecimalPlaces(value, places)).toBe(expected);
  });
});
