import * as z from 'zod';
import { ROLES } from '#shared/domain/roles.ts';
import { trimmedText } from '#shared/domain/schemas.ts';
import { TEAM_SLUG } from '#shared/domain/teams.ts';

/** Reserved so that no local token can look like the workflow's own entries in the history. */
const RESERVED_USER_IDS: readonly string[] = ['card', 'system'];

const GROUPS = 'Choose at least one group: staff, manager or leader';

/** The body of `POST /local/token`: who to issue a local token for. One machine only. */
export const localTokenSchema = z.strictObject(
  {
    sub: trimmedText(1, 128, { enter: 'Enter a user id of 1 to 128 characters' }).refine(
      (sub) => !RESERVED_USER_IDS.includes(sub),
      { error: 'Choose another user id: "card" and "system" are kept for the prompt card' },
    ),
    name: trimmedText(1, 200, { enter: 'Enter a name of 1 to 200 characters' }),
    groups: z
      .array(z.enum(ROLES, { error: 'Choose staff, manager or leader' }), { error: GROUPS })
      .min(1, { error: GROUPS }),
    team: z
      .string({ error: 'Enter a team like early-help' })
      .regex(TEAM_SLUG, { error: 'Enter a team like early-help: lower-case letters, numbers and hyphens' }),
  },
  { error: 'Send the details as a JSON object' },
);
