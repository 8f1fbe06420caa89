import * as z from 'zod';
import { CALIBRATION_PARAMETERS, ELIGIBILITY } from '#shared/domain/calibration.ts';
import { CARD_FIELDS } from '#shared/domain/card.ts';
import { describes, teamSlug } from '#shared/domain/response-schemas.ts';
import type { Calibration } from '#shared/services/calibration-service.ts';
import type { RouteDoc } from '../route-docs.ts';

const count = z.int().min(0);
const rate = z.number().min(0).max(1);

const ruleSchema = z
  .strictObject({
    rule: z.enum(CARD_FIELDS as readonly [(typeof CARD_FIELDS)[number], ...(typeof CARD_FIELDS)[number][]]),
    escalations: count.meta({ description: 'Escalations that gave this rule as a reason.' }),
    onlyReason: count.meta({ description: 'Of those, the ones where it was the only reason.' }),
    approved: count,
    declined: count,
    pending: count,
    approvalRate: rate.nullable().meta({ description: 'Approved ÷ decided; null when nothing was decided.' }),
    suggestedLimit: z.number().min(0).nullable().meta({
      description:
        'For a threshold rule, the limit the decisions support; null when none is above the current limit, and always null for a safety gate.',
    }),
    wouldAuthorise: count.meta({
      description: 'Decided escalations the suggested limit would have let through.',
    }),
    wouldAuthoriseDeclined: count.meta({ description: 'How many of those a manager declined.' }),
  })
  .meta({ id: 'RuleCalibration', description: 'What managers decided about one rule of the card.' });

const teamSchema = z
  .strictObject({
    team: teamSlug,
    closed: count,
    escalationsApproved: count,
    escalationsDecided: count,
    incidents: z.strictObject({ minor: count, serious: count }),
    eligible: z.boolean().meta({ description: 'Whether the team has earned limits of its own.' }),
  })
  .meta({ id: 'TeamCalibration', description: 'A team’s record over the last 12 calendar months.' });

const calibrationSchema = describes<Calibration>()(
  z
    .strictObject({
      rules: z.array(ruleSchema).meta({ description: 'One row per rule of the card, in the card’s order.' }),
      teams: z.array(teamSchema).meta({ description: 'The teams with a record, by team.' }),
      parameters: z.strictObject({ minDecisions: count, minApprovalRate: rate }),
    })
    .meta({ id: 'Calibration', description: 'What managers’ decisions say about the card’s limits.' }),
);

export const doc: RouteDoc = {
  summary: 'What the decisions say about the card',
  description: `For leaders: per rule of the card, how many escalations gave it as a reason (and as the only reason), how many managers approved, declined or have still to decide, and for a threshold the limit the decisions support (\`suggestedLimit\`: at least ${CALIBRATION_PARAMETERS.minDecisions} decided, at least ${CALIBRATION_PARAMETERS.minApprovalRate * 100}% approved), never for a safety gate. \`from\` and \`to\` (a month, \`YYYY-MM\`, or a date in it) choose the months counted. Per team, its record over the last ${ELIGIBILITY.months} months and whether it is \`eligible\` for limits of its own: at least ${ELIGIBILITY.minClosed} closed experiments, at least ${CALIBRATION_PARAMETERS.minApprovalRate * 100}% of its decided escalations approved, and no serious incident.`,
  tag: 'The card',
  success: { status: 200, description: 'The rules and the teams.', json: calibrationSchema },
};
