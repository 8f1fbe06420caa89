import {
  CARD_QUESTIONS,
  type CardAnswers,
  type CardField,
  type ChoiceQuestion,
  limitsFor,
  type Policy,
  type ThresholdField,
  type ThresholdQuestion,
  type Thresholds,
} from './card.ts';
import { describeReason, ENGLISH_REASONS } from './reasons.ts';

export type Decision = 'authorised' | 'escalated';

export interface Reason {
  rule: CardField;
  answer: string | number;
  /** Present for threshold rules: the policy limit the answer went above. */
  limit?: number;
  /** Present when `limit` is the team's own (policy `teams`), not the card's base value. */
  team?: string;
  /** The reason in plain English (`reasons.ts`); the pages build theirs from the fields above. */
  message: string;
}

export interface Assessment {
  decision: Decision;
  reasons: Reason[];
  policyVersion: number;
}

// Input that slipped past validation must never be waved through by the card, so anything the card
// does not recognise escalates with its own reason (`UNRECOGNISED_ANSWER`) instead of throwing or
// authorising.
const judgeChoice = (question: ChoiceQuestion, answer: unknown): Reason | null => {
  const answers: readonly unknown[] = question.answers;
  const escalatesOn: readonly unknown[] = question.escalatesOn;
  if (answers.includes(answer) && !escalatesOn.includes(answer)) return null;
  const code = { rule: question.field, answer: String(answer) };
  return { ...code, message: describeReason(ENGLISH_REASONS, code) };
};

const judgeThreshold = (
  question: ThresholdQuestion,
  answer: unknown,
  limit: number,
  team: string | undefined,
): Reason | null => {
  // Written as "not inside" rather than "above" so that NaN, or a missing number, escalates.
  if (typeof answer === 'number' && answer <= limit) return null;
  const code = {
    rule: question.field,
    answer: typeof answer === 'number' ? answer : String(answer),
    limit,
    ...(team === undefined ? {} : { team }),
  };
  return { ...code, message: describeReason(ENGLISH_REASONS, code) };
};

interface Limits {
  thresholds: Thresholds;
  own: ReadonlySet<ThresholdField>;
  team: string | undefined;
}

const judge = (
  card: Partial<Record<CardField, unknown>>,
  limits: Limits,
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
        : judgeThreshold(
            question,
            answer,
            limits.thresholds[question.field],
            limits.own.has(question.field) ? limits.team : undefined,
          );
    if (reason) reasons.push(reason);
  }
  return reasons;
};

type AssessedPolicy = Pick<Policy, 'version' | 'thresholds'> & Partial<Pick<Policy, 'teams'>>;

const limitsOf = (policy: Pick<Policy, 'thresholds' | 'teams'>, team: string | undefined): Limits => ({
  ...limitsFor(policy, team),
  team,
});

/**
 * Checks a card against a policy, with the team's own limits where the policy has them. Pure: the
 * caller stamps `assessedAt`, so re-running with the same answers, policy version and team gives an
 * identical result. Keys that are not card fields are ignored.
 */
export const assess = (card: CardAnswers, policy: AssessedPolicy, team?: string): Assessment => {
  const reasons = judge(card, limitsOf(policy, team), false);
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
  policy: Pick<Policy, 'thresholds'> & Partial<Pick<Policy, 'teams'>>,
  team?: string,
): CardField[] => judge(card, limitsOf(policy, team), true).map((reason) => reason.rule);
