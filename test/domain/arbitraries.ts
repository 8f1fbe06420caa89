// Shared fast-check arbitraries. They are built from the card's data on purpose: a test of "the schema
// accepts exactly what the card allows" must follow the card when a bound or answer changes.
import * as fc from 'fast-check';
import {
  type CardAnswers,
  CHOICE_FIELDS,
  CHOICE_QUESTIONS,
  type ChoiceAnswers,
  type ChoiceField,
  THRESHOLD_FIELDS,
  THRESHOLD_QUESTIONS,
  type ThresholdField,
  type Thresholds,
} from '#shared/domain/card.ts';

export const choiceAnswer = <F extends ChoiceField>(field: F): fc.Arbitrary<ChoiceAnswers[F]> =>
  fc.constantFrom(...(CHOICE_QUESTIONS[field].answers as readonly ChoiceAnswers[F][]));

/** Numbers with the precision the field allows: whole numbers, or pounds and pence. */
export const amountIn = (min: number, max: number, decimalPlaces: 0 | 2): fc.Arbitrary<number> =>
  decimalPlaces === 0
    ? fc.integer({ min, max })
    : fc.integer({ min: min * 100, max: max * 100 }).map((pence) => pence / 100);

export const thresholdAnswer = (field: ThresholdField): fc.Arbitrary<number> => {
  const question = THRESHOLD_QUESTIONS[field];
  return amountIn(question.min, question.max, question.decimalPlaces);
};

/** Answers anywhere in the range the card allows. */
export const cardAnswers = (): fc.Arbitrary<CardAnswers> =>
  fc.record({
    safeguarding: choiceAnswer('safeguarding'),
    lawful: choiceAnswer('lawful'),
    personalData: choiceAnswer('personalData'),
    consent: choiceAnswer('consent'),
    reversible: choiceAnswer('reversible'),
    frontPage: choiceAnswer('frontPage'),
    // Small numbers most of the time, so both sides of the v1 limits turn up often.
    extraCost: fc.oneof(amountIn(0, 1000, 2), thresholdAnswer('extraCost')),
    peopleInvolved: fc.oneof(amountIn(0, 20, 0), thresholdAnswer('peopleInvolved')),
    durationWeeks: fc.oneof(amountIn(1, 12, 0), thresholdAnswer('durationWeeks')),
    staffHours: fc.oneof(amountIn(0, 40, 2), thresholdAnswer('staffHours')),
  });

export const validCard = () => cardAnswers().map((answers) => ({ ...answers, commitToShare: true as const }));

export const thresholds = (): fc.Arbitrary<Thresholds> =>
  fc.record({
    extraCost: amountIn(0, 2000, 2),
    peopleInvolved: amountIn(0, 50, 0),
    durationWeeks: amountIn(1, 52, 0),
    staffHours: amountIn(0, 80, 2),
  });

export const policy = () =>
  fc.record({ version: fc.integer({ min: 1, max: 1000 }), thresholds: thresholds() });

export const choiceField = (): fc.Arbitrary<ChoiceField> => fc.constantFrom(...CHOICE_FIELDS);
export const thresholdField = (): fc.Arbitrary<ThresholdField> => fc.constantFrom(...THRESHOLD_FIELDS);

/** Text of the given length once trimmed, sometimes with padding that the schema must trim away. */
export const textOfLength = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.string({ minLength: min, maxLength: max, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz') }),
      fc.constantFrom('', ' ', '  \n'),
    )
    .map(([core, pad]) => `${pad}${core}${pad}`);

export const teamSlug = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
      fc.string({ maxLength: 62, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-') }),
    )
    .map(([first, rest]) => `${first}${rest}`);
