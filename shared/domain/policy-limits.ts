/**
 * The limits a policy version sets, checked as the card's own values are: the base four, and each
 * team's own (version 2, "The card learns"). Part of the request schemas (schemas.ts).
 */
import * as z from 'zod';
import { hasDecimalPlaces, type TeamThresholds, type ThresholdField } from './card.ts';
import { type NumberMessages, numberError, POLICY_NUMBER_MESSAGES } from './field-messages.ts';
import { TEAM_IDS } from './teams.ts';

export const policyLimit = (min: number, max: number, decimalPlaces: 0 | 2, messages: NumberMessages) =>
  z
    .number({ error: numberError(messages) })
    .min(min, { error: messages.range })
    .max(max, { error: messages.range })
    .refine((value) => hasDecimalPlaces(value, decimalPlaces), { error: messages.precision });

/** The four limits a policy version sets, each checked as the card's own are (also for a team's own). */
export const policyThresholdShape = () => ({
  extraCost: policyLimit(0, 1_000_000, 2, POLICY_NUMBER_MESSAGES.extraCost),
  peopleInvolved: policyLimit(0, 100_000, 0, POLICY_NUMBER_MESSAGES.peopleInvolved),
  durationWeeks: policyLimit(1, 52, 0, POLICY_NUMBER_MESSAGES.durationWeeks),
  staffHours: policyLimit(0, 10_000, 2, POLICY_NUMBER_MESSAGES.staffHours),
});

/** The teams' limits as the policy keeps them: only the limits given, and only teams with some. */
const definedLimits = (
  teams: Partial<Record<string, Partial<Record<ThresholdField, number | undefined>>>>,
) => {
  const kept: { [team: string]: TeamThresholds } = {};
  for (const [team, limits] of Object.entries(teams)) {
    const own = Object.fromEntries(Object.entries(limits ?? {}).filter(([, value]) => value !== undefined));
    if (Object.keys(own).length > 0) kept[team] = own as TeamThresholds;
  }
  return kept;
};

const UNKNOWN_TEAM = `Choose a team from: ${TEAM_IDS.join(', ')}`;

/** Per-team limits (version 2): known teams only, each with at least one of the four limits. */
export const teamLimitsSchema = z.lazy(() =>
  z
    .partialRecord(
      z.enum(TEAM_IDS as [string, ...string[]], { error: UNKNOWN_TEAM }),
      z
        .strictObject(policyThresholdShape(), {
          error: 'Send a team\'s limits as an object, like { "extraCost": 750 }',
        })
        .partial()
        .refine((limits) => Object.values(limits).some((value) => value !== undefined), {
          error: "Give at least one of the team's own limits, or leave the team out",
        }),
      {
        error:
          'Send the teams\' own limits as an object keyed by team, like { "early-help": { "extraCost": 750 } }',
      },
    )
    .transform(definedLimits),
);
