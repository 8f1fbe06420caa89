import {
  CARD_QUESTIONS,
  type CardAnswers,
  type CardField,
  type ChoiceQuestion,
  type Policy,
  type ThresholdQuestion,
  type Thresholds,
} from './card.ts';

export type Decision = 'authorised' | 'escalated';

export interface Reason {
  rule: CardField;
  answer: string | number;
  /** Present for threshold rules: the policy limit the answer went above. */
  limit?: number;
  message: string;
}

export interface Assessment {
  decision: Decision;
  reasons: Reason[];
  policyVersion: number;
}

// Input that slipped past validation must never be waved through by the card, so anything the card
// does not recognise escalates with its own reason instead of throwing or authorising.
const UNRECOGNISED = 'This answer is not one the card recognises, so a manager needs to look at it first.';

const judgeChoice = (question: ChoiceQuestion, answer: unknown): Reason | null => {
  const answers: readonly unknown[] = question.answers;
  const escalatesOn: readonly unknown[] = question.escalatesOn;
  if (answers.includes(answer) && !escalatesOn.includes(answer)) return null;
  const messages: Readonly<Record<string, string | undefined>> = question.message;
  const message = typeof answer === 'string' && answers.includes(answer) ? messages[answer] : undefined;
  return { rule: question.field, answer: String(answer), message: message ?? UNRECOGNISED };
};

const judgeThreshold = (question: ThresholdQuestion, answer: unknown, limit: number): Reason | null => {
  // Written as "not inside" rather than "above" so that NaN, or a missing number, escalates.
  if (typeof answer === 'number' && answer <= limit) return null;
  const finite = typeof answer === 'number' && Number.isFinite(answer);
  return {
    rule: question.field,
    answer: typeof answer === 'number' ? answer : String(answer),
    limit,
    message: finite ? question.message(answer, limit) : UNRECOGNISED,
  };
};

const judge = (
  card: Partial<Record<CardField, unknown>>,
  thresholds: Thresholds,
  onlyAnswered: boolean,
): Reason[] => {
  const reasons: Reason[] = [];
  for (const question of CARD_QUESTIONS) {
    if (question.kind === 'commitment') continue;
    const answer = card[question.field];
    if (onlyAnswered && (answer === undefined || answer === null)) continue;
    const reason =
      question.kind === 'choice'
        ? judgeChoice(question, answer)
        : judgeThreshold(question, answer, thresholds[question.field]);
    if (reason) reasons.push(reason);
  }
  return reasons;
};

/**
 * Checks a card against a policy. Pure: the caller stamps `assessedAt`, so re-running with the same
 * answers and policy version gives an identical result. Keys that are not card fields are ignored.
 */
export const assess = (card: CardAnswers, policy: Pick<Policy, 'version' | 'thresholds'>): Assessment => {
  const reasons = judge(card, policy.thresholds, false);
  return {
    decision: reasons.length === 0 ? 'authorised' : 'escalated',
    reasons,
    policyVersion: policy.version,
  };
};

/**
 * For a live preview while the form is being filled in: unanswered fields (undefined or null) are not
 * judged yet. Returns the escalating fields in row order.
 */
export const escalatingFields = (
  card: Partial<CardAnswers>,
  policy: Pick<Policy, 'thresholds'>,
): CardField[] => judge(card, policy.thresholds, true).map((reason) => reason.rule);
