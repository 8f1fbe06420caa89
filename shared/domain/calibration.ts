/**
 * "The card learns": what managers' decisions say about each limit, and which teams have earned raised
 * limits. Inputs are counters the store can keep with each escalation and decision (as it does for the
 * dashboard), per month, so the answer needs no scan of the log; sum the months in range with
 * `sumRuleCounters` first.
 */
import {
  CARD_FIELDS,
  type CardField,
  THRESHOLD_FIELDS,
  type ThresholdField,
  type Thresholds,
} from './card.ts';
import { addMonths, type CalendarDate, londonDate } from './uk-time.ts';

export const CALIBRATION_PARAMETERS = { minDecisions: 10, minApprovalRate: 0.9 } as const;
export type CalibrationParameters = { minDecisions: number; minApprovalRate: number };

/** A team's record earns raised limits over this many calendar months, with this many closed. */
export const ELIGIBILITY = { months: 12, minClosed: 10 } as const;

export interface Decided {
  approved: number;
  declined: number;
}

/** What the store counts per rule (and per month): written when escalated and when decided. */
export interface RuleCounters {
  rule: CardField;
  /** Escalations that gave this rule as a reason. */
  escalations: number;
  /** Of those, the ones where it was the only reason. */
  onlyReason: number;
  /** Decided escalations that gave this rule as a reason. */
  approved: number;
  declined: number;
  /** Threshold rules: decided escalations whose only reason was this rule, by answer (`String(n)`). */
  onlyReasonByAnswer?: { [answer: string]: Decided };
}

export interface RuleCalibration {
  rule: CardField;
  escalations: number;
  onlyReason: number;
  approved: number;
  declined: number;
  pending: number;
  /** approved ÷ decided; null when nothing was decided. */
  approvalRate: number | null;
  suggestedLimit: number | null;
  /** Decided only-reason escalations with an answer at or below the suggested limit. */
  wouldAuthorise: number;
  wouldAuthoriseDeclined: number;
}

const isThresholdRule = (rule: CardField): rule is ThresholdField =>
  (THRESHOLD_FIELDS as readonly CardField[]).includes(rule);

const byAnswerAscending = (byAnswer: { [answer: string]: Decided }): [number, Decided][] => {
  const merged = new Map<number, Decided>();
  for (const [key, counts] of Object.entries(byAnswer)) {
    const answer = Number(key);
    if (key.trim() === '' || !Number.isFinite(answer)) continue;
    const seen = merged.get(answer) ?? { approved: 0, declined: 0 };
    merged.set(answer, {
      approved: seen.approved + counts.approved,
      declined: seen.declined + counts.declined,
    });
  }
  return [...merged].sort(([a], [b]) => a - b);
};

/**
 * The spec's rule: the largest answer `v` of an approved only-reason case such that, among decided
 * only-reason escalations with an answer ≤ v, at least `minDecisions` were decided and at least
 * `minApprovalRate` of them approved; null when there is none or it is not above the current limit.
 */
export const suggestLimit = (
  byAnswer: { [answer: string]: Decided },
  currentLimit: number,
  params: CalibrationParameters = CALIBRATION_PARAMETERS,
): { suggestedLimit: number | null; wouldAuthorise: number; wouldAuthoriseDeclined: number } => {
  let approved = 0;
  let declined = 0;
  let best: { v: number; approved: number; declined: number } | null = null;
  for (const [answer, counts] of byAnswerAscending(byAnswer)) {
    approved += counts.approved;
    declined += counts.declined;
    const decided = approved + declined;
    if (
      counts.approved > 0 &&
      decided >= params.minDecisions &&
      approved / decided >= params.minApprovalRate
    ) {
      best = { v: answer, approved, declined };
    }
  }
  if (best === null || best.v <= currentLimit) {
    return { suggestedLimit: null, wouldAuthorise: 0, wouldAuthoriseDeclined: 0 };
  }
  return {
    suggestedLimit: best.v,
    wouldAuthorise: best.approved + best.declined,
    wouldAuthoriseDeclined: best.declined,
  };
};

const NONE: Omit<RuleCounters, 'rule'> = { escalations: 0, onlyReason: 0, approved: 0, declined: 0 };

/** Adds up counters (months, or shards) rule by rule. */
export const sumRuleCounters = (counters: readonly RuleCounters[]): RuleCounters[] => {
  const sums = new Map<CardField, RuleCounters>();
  for (const c of counters) {
    const sum = sums.get(c.rule) ?? { rule: c.rule, ...NONE };
    const byAnswer = new Map(Object.entries(sum.onlyReasonByAnswer ?? {}));
    for (const [answer, d] of Object.entries(c.onlyReasonByAnswer ?? {})) {
      const seen = byAnswer.get(answer);
      byAnswer.set(answer, {
        approved: (seen?.approved ?? 0) + d.approved,
        declined: (seen?.declined ?? 0) + d.declined,
      });
    }
    sums.set(c.rule, {
      rule: c.rule,
      escalations: sum.escalations + c.escalations,
      onlyReason: sum.onlyReason + c.onlyReason,
      approved: sum.approved + c.approved,
      declined: sum.declined + c.declined,
      ...(byAnswer.size > 0 ? { onlyReasonByAnswer: Object.fromEntries(byAnswer) } : {}),
    });
  }
  return [...sums.values()];
};

/**
 * One row per card rule, in the card's order, rules never escalated included with zeros. Safety gates
 * get counts and a rate, never a suggestion: their answers are not a number to move.
 */
export const calibrateRules = (
  counters: readonly RuleCounters[],
  currentLimits: Thresholds,
  params: CalibrationParameters = CALIBRATION_PARAMETERS,
): RuleCalibration[] => {
  const summed = new Map(sumRuleCounters(counters).map((c) => [c.rule, c]));
  return CARD_FIELDS.map((rule) => {
    const c = summed.get(rule) ?? { rule, ...NONE };
    const decided = c.approved + c.declined;
    const suggestion = isThresholdRule(rule)
      ? suggestLimit(c.onlyReasonByAnswer ?? {}, currentLimits[rule], params)
      : { suggestedLimit: null, wouldAuthorise: 0, wouldAuthoriseDeclined: 0 };
    return {
      rule,
      escalations: c.escalations,
      onlyReason: c.onlyReason,
      approved: c.approved,
      declined: c.declined,
      // Counters for a range can see a decision whose escalation fell before it: never below zero.
      pending: Math.max(0, c.escalations - decided),
      approvalRate: decided === 0 ? null : c.approved / decided,
      ...suggestion,
    };
  });
};

/** What the store counts per team per calendar month (`YYYY-MM`, London time). */
export interface TeamMonth {
  team: string;
  month: string;
  closed: number;
  escalationsApproved: number;
  escalationsDecided: number;
  incidents: { minor: number; serious: number };
}

export interface TeamCalibration {
  team: string;
  closed: number;
  escalationsApproved: number;
  escalationsDecided: number;
  incidents: { minor: number; serious: number };
  eligible: boolean;
}

const monthKey = (date: CalendarDate): string => `${date.year}-${String(date.month).padStart(2, '0')}`;

/** The calendar month (`YYYY-MM`, London time) a moment falls in: the months counters are kept by. */
export const calendarMonth = (at: Date): string => monthKey(londonDate(at));

/**
 * The months that make "the last 12 months": this calendar month and the 11 before it. Whole months,
 * so a serious incident up to a month older than a year still counts: the safe side.
 */
export const lastMonths = (today: Date, count: number = ELIGIBILITY.months): string[] => {
  const thisMonth = { ...londonDate(today), day: 1 };
  return Array.from({ length: count }, (_, i) => monthKey(addMonths(thisMonth, -i))).reverse();
};

/**
 * Each team's record over the last 12 months, and whether it has earned raised limits: at least 10
 * closed experiments, at least 90% of its decided escalations approved, no serious incident. A team
 * with no decided escalation has no approval record yet, so it is not eligible.
 */
export const teamEligibility = (
  months: readonly TeamMonth[],
  today: Date,
  params: CalibrationParameters = CALIBRATION_PARAMETERS,
): TeamCalibration[] => {
  const window = new Set(lastMonths(today));
  const teams = new Map<string, TeamCalibration>();
  for (const m of months) {
    if (!window.has(m.month)) continue;
    const t = teams.get(m.team) ?? {
      team: m.team,
      closed: 0,
      escalationsApproved: 0,
      escalationsDecided: 0,
      incidents: { minor: 0, serious: 0 },
      eligible: false,
    };
    teams.set(m.team, {
      ...t,
      closed: t.closed + m.closed,
      escalationsApproved: t.escalationsApproved + m.escalationsApproved,
      escalationsDecided: t.escalationsDecided + m.escalationsDecided,
      incidents: {
        minor: t.incidents.minor + m.incidents.minor,
        serious: t.incidents.serious + m.incidents.serious,
      },
    });
  }
  return [...teams.values()]
    .map((t) => ({
      ...t,
      eligible:
        t.closed >= ELIGIBILITY.minClosed &&
        t.escalationsDecided > 0 &&
        t.escalationsApproved / t.escalationsDecided >= params.minApprovalRate &&
        t.incidents.serious === 0,
    }))
    .sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
};

/** The body of `GET /api/policy/calibration`. */
export const calibrate = (input: {
  rules: readonly RuleCounters[];
  currentLimits: Thresholds;
  teams: readonly TeamMonth[];
  today: Date;
  params?: CalibrationParameters;
}) => {
  const parameters = input.params ?? { ...CALIBRATION_PARAMETERS };
  return {
    rules: calibrateRules(input.rules, input.currentLimits, parameters),
    teams: teamEligibility(input.teams, input.today, parameters),
    parameters,
  };
};
