/**
 * The words of an escalation reason, defined once: the API's `message` is built here in English, and the
 * pages build theirs with the same function from their catalogue, whose English words are the card's own
 * rows (`card.ts`). A reason is one sentence, topic first, then what the answer means, neutral, so it
 * reads right to the person who submitted the idea and to the manager deciding it: "Risk of harm: not
 * sure whether it could put a child, young person or adult at risk of harm".
 */
import {
  type CardField,
  CHOICE_FIELDS,
  CHOICE_QUESTIONS,
  type ChoiceField,
  formatAmount,
  type LimitOwner,
  THRESHOLD_FIELDS,
  THRESHOLD_QUESTIONS,
  type ThresholdField,
  UNRECOGNISED_ANSWER,
} from './card.ts';

/** The English words of an allowance reason, for the pages (the API's `message` is `allowance.ts`'s own). */
export const ALLOWANCE_REASON: ReasonWords['allowance'] = {
  topic: 'Innovation allowance',
  above: (answer, left) => `${answer} in total, above the ${left} left in the team's allowance for this year`,
};

/** What a reason records: the rule, the answer, and for a threshold the limit applied (and whose). */
export interface ReasonCode {
  rule: string;
  answer: unknown;
  limit?: number;
  /** Present when the limit was the team's own. */
  team?: string;
}

/** A language's words for reasons: the English ones below, or a page's catalogue. */
export interface ReasonWords {
  /** The question's topic, which a reason starts with. */
  topic(field: CardField): string;
  /** What an escalating answer to a safety question means; undefined for an answer it has no words for. */
  choice(field: ChoiceField, answer: string): string | undefined;
  /** What an answer above its limit means, from the two amounts as the language writes them. */
  threshold(field: ThresholdField, answer: string, limit: string, whose: LimitOwner): string;
  /** An amount with its unit, as the language writes it. */
  amount(field: ThresholdField, value: number): string;
  unrecognised: string;
  /** The team's innovation allowance (policy version 2): its topic, and an idea's cost above what is left. */
  allowance: { topic: string; above(answer: string, left: string): string };
}

const isChoice = (rule: string): rule is ChoiceField => (CHOICE_FIELDS as readonly string[]).includes(rule);
const isThreshold = (rule: string): rule is ThresholdField =>
  (THRESHOLD_FIELDS as readonly string[]).includes(rule);

/** "Topic: detail". The one place that decides how a reason reads, in every language. */
export const reasonSentence = (topic: string, detail: string): string => `${topic}: ${detail}`;

const detailOf = (words: ReasonWords, reason: ReasonCode): string => {
  const { rule, answer, limit } = reason;
  if (isChoice(rule)) return (typeof answer === 'string' && words.choice(rule, answer)) || words.unrecognised;
  if (isThreshold(rule) && typeof answer === 'number' && Number.isFinite(answer) && limit !== undefined) {
    const whose: LimitOwner = reason.team === undefined ? 'card' : 'team';
    return words.threshold(rule, words.amount(rule, answer), words.amount(rule, limit), whose);
  }
  return words.unrecognised;
};

/** A reason in a language's words. A rule the card does not know reads as itself, never as nothing. */
export const describeReason = (words: ReasonWords, reason: ReasonCode): string => {
  const { rule, answer, limit } = reason;
  if (rule === 'allowance' && typeof answer === 'number' && limit !== undefined) {
    const above = words.allowance.above(words.amount('extraCost', answer), words.amount('extraCost', limit));
    return reasonSentence(words.allowance.topic, above);
  }
  const topic = isChoice(rule) || isThreshold(rule) ? words.topic(rule) : rule;
  return reasonSentence(topic, detailOf(words, reason));
};

/** The English words: the card's own rows. */
export const ENGLISH_REASONS: ReasonWords = {
  topic: (field) => (isChoice(field) ? CHOICE_QUESTIONS[field].short : THRESHOLD_QUESTIONS[field].short),
  choice: (field, answer) => {
    const details: Readonly<Record<string, string | undefined>> = CHOICE_QUESTIONS[field].reasons;
    return Object.hasOwn(details, answer) ? details[answer] : undefined;
  },
  threshold: (field, answer, limit, whose) => THRESHOLD_QUESTIONS[field].reason(answer, limit, whose),
  amount: (field, value) => formatAmount(value, THRESHOLD_QUESTIONS[field].unit),
  unrecognised: UNRECOGNISED_ANSWER,
  allowance: ALLOWANCE_REASON,
};
