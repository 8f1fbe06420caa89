import * as z from 'zod';
import { describes } from '#shared/domain/response-schemas.ts';
import type { PeopleRecords } from '#shared/services/governance/people.ts';
import type { RouteDoc } from '../route-docs.ts';

const erasedSchema = describes<Awaited<ReturnType<PeopleRecords['erase']>>>()(
  z
    .strictObject({
      experiments: z.int().min(0).meta({ description: 'Experiments changed.' }),
      entries: z.int().min(0).meta({ description: 'Places the person’s id or name was replaced.' }),
    })
    .meta({ id: 'Erasure' }),
);

export const doc: RouteDoc = {
  summary: 'Erase a person’s identifiers',
  description:
    'Information governance replaces a person’s id and name by null everywhere (all free text is kept) and ends their sessions, with a `reason` of 5 to 2,000 characters. Doing it again changes nothing and answers counts of 0. The audit trail is not changed.',
  tag: 'Information governance',
  success: { status: 200, description: 'What was changed.', json: erasedSchema },
  errors: {
    404: 'Nothing is held about a person with that id.',
    409: 'Too many changes were being recorded in the audit trail at that moment. Try again in a few seconds.',
  },
};
