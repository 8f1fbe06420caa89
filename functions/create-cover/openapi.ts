import * as z from 'zod';
import { MAX_COVER_DAYS } from '#shared/domain/cover.ts';
import { describes, freeTextWarnings, teamSlug, timestamp } from '#shared/domain/response-schemas.ts';
import type { FreeTextWarnings } from '#shared/services/experiments/free-text.ts';
import type { StoredCover } from '#shared/store/cover-store.ts';
import type { RouteDoc } from '../route-docs.ts';

const day = z.iso
  .date()
  .meta({ description: 'A London calendar day, `YYYY-MM-DD`; both ends are inclusive.' });

/** Cover as the cover routes and a person's records give it; the other cover routes import it from here. */
export const coverResponseSchema = describes<StoredCover>()(
  z
    .strictObject({
      id: z.uuid(),
      team: teamSlug,
      coverBy: z.string().meta({ description: 'The id of the manager who stands in.' }),
      coverByName: z.string(),
      from: day,
      to: day,
      reason: z.string().optional(),
      setBy: z.string().nullable().meta({ description: 'Who set it; null once they were erased.' }),
      setByName: z.string().nullable(),
      setAt: timestamp,
      endedAt: timestamp.optional().meta({ description: 'Set when someone ended it early.' }),
      endedBy: z.string().nullable().optional().meta({ description: 'Who ended it early.' }),
    })
    .meta({
      id: 'Cover',
      description:
        'While a team’s manager is away, another manager decides the team’s escalated cases, from the first day to the last.',
    }),
);

/** What setting cover answers: the cover, with warnings about its reason. */
const coverWithWarnings = describes<StoredCover & FreeTextWarnings>()(
  coverResponseSchema
    .extend({ warnings: freeTextWarnings })
    .meta({ id: 'CoverWithWarnings', description: 'The cover as stored, and warnings about its reason.' }),
);

export const doc: RouteDoc = {
  summary: 'Set cover while a manager is away',
  description: `A manager sets cover for their own team (the default when \`team\` is left out), a leader for any team: another manager, who has signed in at least once, decides the team’s escalated cases from \`from\` to \`to\` (London days, both inclusive, starting today or later, ${MAX_COVER_DAYS} days at most). Cover may not overlap cover the team already has, and nobody covers for themselves: each is a 400 naming the field. A manager naming another team, or cover naming someone whose records were erased, is refused with 403. A \`reason\` that identifies someone (an email address, a UK phone number, an NHS or National Insurance number) is refused with 400, as any free text is; a postcode or a date of birth only gives \`warnings\`. Recorded in the audit trail.`,
  tag: 'Decisions',
  success: { status: 201, description: 'The cover, as stored.', json: coverWithWarnings },
  errors: {
    409: 'Too many changes were being recorded in the audit trail at that moment. Try again in a few seconds.',
  },
};
