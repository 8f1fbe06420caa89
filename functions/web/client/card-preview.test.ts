import { describe, expect, it } from 'vitest';
import { POLICY_V1 } from '#shared/domain/card.ts';
import { en } from '../i18n/en.ts';
import { type PreviewConfig, previewStates, readAnswers, summaryText } from './card-preview.ts';

const config: PreviewConfig = {
  thresholds: POLICY_V1.thresholds,
  questions: [
    { field: 'safeguarding', label: 'Risk of harm' },
    { field: 'extraCost', label: 'Extra money' },
    { field: 'staffHours', label: 'Extra staff hours' },
  ],
  messages: {
    inside: 'Inside the card',
    outside: 'Needs a manager',
    notAnswered: 'Not answered yet',
    allInside: en.submit.preview.allInside,
    someOutsideOne: en.submit.preview.someOutside('1'),
    someOutsideMany: en.submit.preview.someOutside('{count}'),
  },
};

describe('the live card preview', () => {
  it('judges answers with the same rules as the server, leaving unanswered and unreadable ones alone', () => {
    // Prepare
    const form: Record<string, string> = {
      'card.safeguarding': 'unsure',
      'card.extraCost': '£600',
      'card.staffHours': 'lots',
    };

    // Act
    const states = previewStates(
      config,
      readAnswers((name) => form[name] ?? null),
    );

    // Assess
    expect(states.map((s) => s.state)).toEqual(['outside', 'outside', 'notAnswered']);
    expect(summaryText(config, states)).toBe('2 answers so far mean a manager needs to decide.');
  });

  it("says every answer is within the card's limits only once something is answered", () => {
    // Prepare
    const answered = readAnswers((name) => ({ 'card.extraCost': '500' })[name] ?? null);

    // Act
    const none = summaryText(config, previewStates(config, {}));
    const inside = summaryText(config, previewStates(config, answered));

    // Assess
    expect(none).toBe('');
    expect(inside).toBe("So far every answer is within the card's limits.");
  });
});
