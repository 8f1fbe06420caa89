/**
 * The innovation allowance: a sum per team per UK financial year that the card may spend without
 * asking. Amounts are pounds with pence; sums are done in whole pence so £0.10 + £0.20 is £0.30.
 */
import type { Assessment, Reason } from './assess.ts';
import { describeReason, ENGLISH_REASONS } from './reasons.ts';
import { type CalendarDate, londonDate } from './uk-time.ts';

export interface FinancialYear {
  /** The calendar year it starts in: the key its balance is stored under. */
  key: number;
  /** "2026–27", with an en dash, as councils write it. */
  label: string;
  /** 1 April and 31 March, on the London calendar. */
  start: CalendarDate;
  end: CalendarDate;
}

const yearFromKey = (key: number): FinancialYear => ({
  key,
  label: `${key}–${String((key + 1) % 100).padStart(2, '0')}`,
  start: { year: key, month: 4, day: 1 },
  end: { year: key + 1, month: 3, day: 31 },
});

/** The UK financial year (1 April to 31 March) a moment falls in, by the date in London. */
export const financialYear = (at: Date): FinancialYear => {
  const date = londonDate(at);
  return yearFromKey(date.month >= 4 ? date.year : date.year - 1);
};

const pence = (pounds: number): number => Math.round(pounds * 100);
const pounds = (p: number): number => p / 100;

/** What is left to spend; never below zero, even if a new policy set the allowance below what was drawn. */
export const allowanceLeft = (allowance: number, drawn: number): number =>
  pounds(Math.max(0, pence(allowance) - pence(drawn)));

/**
 * What an idea draws now: its `extraCost` less what it has drawn before, never negative. A first
 * submission has drawn nothing; an `adapt` cycle that raises the cost draws only the increase, and one
 * that lowers it draws nothing (and gives nothing back: what was drawn stays drawn).
 */
export const drawFor = (extraCost: number, alreadyDrawn = 0): number =>
  pounds(Math.max(0, pence(extraCost) - pence(alreadyDrawn)));

export interface AllowanceReason {
  rule: 'allowance';
  answer: number;
  limit: number;
  message: string;
}

export type AllowanceCheck =
  | { kind: 'none' }
  | { kind: 'draw'; amount: number; year: FinancialYear }
  | { kind: 'escalate'; reason: AllowanceReason; year: FinancialYear };

/**
 * Whether an idea fits what is left of its team's allowance. `allowance` undefined means the policy
 * sets none for the team: nothing is checked or drawn. The caller draws `amount` with a conditional
 * write on the team-year balance, so of two ideas racing for the last of it exactly one succeeds.
 */
export const checkAllowance = (input: {
  allowance: number | undefined;
  /** Drawn so far this financial year by the team. */
  drawn: number;
  extraCost: number;
  /** Drawn before by this same idea (an `adapt` cycle). */
  alreadyDrawn?: number;
  at: Date;
}): AllowanceCheck => {
  if (input.allowance === undefined) return { kind: 'none' };
  const year = financialYear(input.at);
  const amount = drawFor(input.extraCost, input.alreadyDrawn);
  const left = allowanceLeft(input.allowance, input.drawn);
  if (pence(amount) <= pence(left)) return { kind: 'draw', amount, year };
  // Worded as every reason is, by describeReason: the API's message and the pages' words are one definition.
  const code = { rule: 'allowance' as const, answer: input.extraCost, limit: left };
  return { kind: 'escalate', year, reason: { ...code, message: describeReason(ENGLISH_REASONS, code) } };
};

export type AssessmentWithAllowance = Omit<Assessment, 'reasons'> & { reasons: (Reason | AllowanceReason)[] };

/**
 * The card's assessment with the allowance applied: its reason comes after the card's own rows, and
 * only an idea the card authorises draws (an approved idea's cost is the manager's call). `draw` is 0
 * when nothing is to be drawn.
 */
export const withAllowance = (
  assessment: Assessment,
  check: AllowanceCheck,
): { assessment: AssessmentWithAllowance; draw: number } => {
  if (check.kind === 'escalate') {
    return {
      assessment: { ...assessment, decision: 'escalated', reasons: [...assessment.reasons, check.reason] },
      draw: 0,
    };
  }
  const draw = check.kind === 'draw' && assessment.decision === 'authorised' ? check.amount : 0;
  return { assessment, draw };
};
