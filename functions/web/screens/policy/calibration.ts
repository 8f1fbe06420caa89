/**
 * "What the decisions say" on "The card" page (leaders): per question, what managers decided about the
 * ideas the card sent them, with the suggested limit; each team's record and whether it can be given
 * limits of its own. The button opens the what-if with the suggested limits filled in.
 */
import { type Policy, THRESHOLD_FIELDS, type ThresholdField } from '#shared/domain/card.ts';
import type { Calibration } from '#shared/services/calibration-service.ts';
import { type Formatter, type Messages, teamName } from '../../i18n/index.ts';
import { type Draft, draftFrom } from './draft.ts';

const isThreshold = (rule: string): rule is ThresholdField =>
  (THRESHOLD_FIELDS as readonly string[]).includes(rule);

const percent = (fmt: Formatter, rate: number) => `${fmt.number(Math.round(rate * 100))}%`;

const ruleRows = (t: Messages, fmt: Formatter, calibration: Calibration) =>
  calibration.rules.map((rule) => {
    const suggestion = !isThreshold(rule.rule)
      ? t.cardLearns.safetyGate
      : rule.suggestedLimit === null
        ? t.cardLearns.noSuggestion
        : t.cardLearns.suggestion(
            fmt.amount(rule.rule, rule.suggestedLimit),
            fmt.number(rule.wouldAuthorise),
            fmt.number(rule.wouldAuthoriseDeclined),
          );
    return [
      { text: t.card[rule.rule].short },
      { text: fmt.number(rule.escalations), format: 'numeric' },
      {
        text: t.cardLearns.decided(
          fmt.number(rule.approved),
          fmt.number(rule.declined),
          fmt.number(rule.pending),
        ),
      },
      { text: rule.approvalRate === null ? t.cardLearns.noRate : percent(fmt, rule.approvalRate) },
      { text: suggestion },
    ];
  });

const teamRows = (t: Messages, fmt: Formatter, calibration: Calibration) =>
  calibration.teams.map((team) => [
    { text: teamName(t, team.team) },
    { text: fmt.number(team.closed), format: 'numeric' },
    {
      text: t.cardLearns.approvedOf(
        fmt.number(team.escalationsApproved),
        fmt.number(team.escalationsDecided),
      ),
    },
    { text: t.cardLearns.incidents(fmt.number(team.incidents.minor), fmt.number(team.incidents.serious)) },
    { text: team.eligible ? t.cardLearns.eligible : t.cardLearns.notEligible },
  ]);

/** The current version's draft with each suggested limit in place of the card's: the button's fields. */
const suggestedDraft = (t: Messages, current: Policy, calibration: Calibration): Draft | undefined => {
  const draft = draftFrom(current);
  let any = false;
  for (const rule of calibration.rules) {
    if (!isThreshold(rule.rule) || rule.suggestedLimit === null) continue;
    draft[`thresholds.${rule.rule}`] = String(rule.suggestedLimit);
    any = true;
  }
  return any ? { ...draft, reason: t.cardLearns.suggestedReason } : undefined;
};

export const calibrationModel = (t: Messages, fmt: Formatter, current: Policy, calibration: Calibration) => {
  const suggested = suggestedDraft(t, current, calibration);
  return {
    rules: ruleRows(t, fmt, calibration),
    teams: teamRows(t, fmt, calibration),
    suggested: suggested ? Object.entries(suggested).map(([name, value]) => ({ name, value })) : [],
  };
};
