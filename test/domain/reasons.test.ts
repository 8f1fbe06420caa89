import { describe, expect, it } from 'vitest';
import { describeReason, ENGLISH_REASONS } from '#shared/domain/reasons.ts';

describe('describeReason: one sentence, topic first, neutral', () => {
  it.each([
    [
      { rule: 'safeguarding', answer: 'unsure' },
      'Risk of harm: not sure whether it could put a child, young person or adult at risk of harm',
    ],
    [
      { rule: 'staffHours', answer: 30, limit: 25, team: 'early-help' },
      "Extra staff hours: 30 hours in total, above the team's limit of 25 hours",
    ],
    [
      { rule: 'allowance', answer: 900, limit: 300 },
      "Innovation allowance: £900 in total, above the £300 left in the team's allowance for this year",
    ],
    [{ rule: 'consent', answer: 'perhaps' }, 'Consent: an answer the card does not recognise'],
    [{ rule: 'somethingNew', answer: 1 }, 'somethingNew: an answer the card does not recognise'],
  ])('words %j as %s', (reason, expected) => {
    // Act
    const sentence = describeReason(ENGLISH_REASONS, reason);

    // Assess
    expect(sentence).toBe(expected);
    expect(sentence).not.toMatch(/\byou\b|\byour\b/i);
  });
});
