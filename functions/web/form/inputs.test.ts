import { describe, expect, it } from 'vitest';
import { THRESHOLD_FIELDS, THRESHOLD_QUESTIONS } from '#shared/domain/card.ts';
import { inputModeFor, numberInput } from './inputs.ts';

describe('the card’s number inputs', () => {
  it('offer a decimal point exactly where the card takes decimal places', () => {
    // Act
    const modes = Object.fromEntries(THRESHOLD_FIELDS.map((field) => [field, inputModeFor(field)]));

    // Assess
    expect(modes).toEqual({
      extraCost: 'decimal',
      peopleInvolved: 'numeric',
      durationWeeks: 'numeric',
      staffHours: 'decimal',
    });
    for (const field of THRESHOLD_FIELDS)
      expect(modes[field] === 'decimal').toBe(THRESHOLD_QUESTIONS[field].decimalPlaces > 0);
    expect(inputModeFor('days')).toBe('numeric');
  });

  it('carry their unit around the box and link the field id an error summary points to', () => {
    // Act
    const input = numberInput({
      name: 'card.extraCost',
      kind: 'extraCost',
      value: '£1,250',
      label: 'Extra money',
      prefix: '£',
      suffix: '',
      error: { text: 'Enter the extra money' },
    });

    // Assess
    expect(input).toMatchObject({
      id: 'card-extraCost',
      inputmode: 'decimal',
      prefix: { text: '£' },
      suffix: undefined,
      errorMessage: { text: 'Enter the extra money' },
    });
    expect(input).not.toHaveProperty('autocomplete');
  });
});
