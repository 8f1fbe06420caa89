import * as z from 'zod';
import { describes, teamSlug } from '#shared/domain/response-schemas.ts';
import type { AllowanceRow } from '#shared/services/allowance-service.ts';
import type { RouteDoc } from '../route-docs.ts';

const pounds = z.number().min(0);

const allowanceRowSchema = describes<AllowanceRow>()(
  z
    .strictObject({
      team: teamSlug,
      year: z.string().meta({ description: 'The UK financial year, such as "2026–27".' }),
      allowance: pounds.meta({ description: 'Pounds the policy gives the team this financial year.' }),
      drawn: pounds.meta({ description: 'Pounds ideas the card authorised have drawn so far.' }),
      left: pounds.meta({ description: 'Pounds left; never below zero.' }),
    })
    .meta({ id: 'AllowanceRow', description: 'A team’s innovation allowance this financial year.' }),
);

export const doc: RouteDoc = {
  summary: 'The innovation allowance, drawn and left',
  description:
    'Each team’s innovation allowance for this UK financial year (1 April to 31 March): what the current policy gives it, what ideas the card authorised have drawn, and what is left. A manager sees their own team (none when the policy gives it no allowance), a leader every team the policy gives one. It takes no parameters.',
  tag: 'The card',
  success: {
    status: 200,
    description: 'One row a team, by team.',
    json: z.array(allowanceRowSchema).meta({ id: 'AllowanceRows', description: 'The teams’ allowances.' }),
  },
};
