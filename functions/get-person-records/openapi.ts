import * as z from 'zod';
import type { DirectoryEntry } from '#shared/domain/cover.ts';
import {
  auditEntrySchema,
  describes,
  experimentSchema,
  teamSlug,
  timestamp,
} from '#shared/domain/response-schemas.ts';
import type { PersonRecords } from '#shared/services/governance/people.ts';
import { coverResponseSchema } from '../create-cover/openapi.ts';
import type { RouteDoc } from '../route-docs.ts';

const directoryEntrySchema = describes<DirectoryEntry>()(
  z
    .strictObject({
      id: z.string(),
      name: z.string(),
      team: teamSlug,
      groups: z.array(z.string()).meta({ description: 'Their Cognito groups when last seen.' }),
      lastSeenAt: timestamp,
    })
    .meta({
      id: 'DirectoryEntry',
      description: 'A person the service has seen sign in: the people directory.',
    }),
);

const cycleOf = experimentSchema.shape.cycles.element;

const recordsSchema = describes<PersonRecords>()(
  z
    .strictObject({
      person: z.string(),
      experiments: z.array(experimentSchema).meta({ description: 'Experiments they own or that name them.' }),
      decisions: z.array(
        z.strictObject({
          experimentId: z.uuid(),
          at: timestamp,
          outcome: z.enum(['approve', 'decline']),
          detail: z.string().nullable().meta({ description: 'The reason or conditions they gave.' }),
        }),
      ),
      cycles: z.array(z.strictObject({ ...cycleOf.shape, experimentId: z.uuid() })),
      audit: z.array(auditEntrySchema),
      sessions: z.int().min(0).meta({ description: 'How many web sessions they have.' }),
      directory: directoryEntrySchema
        .nullable()
        .meta({ description: 'Their entry in the people directory; null when there is none.' }),
      covers: z.array(coverResponseSchema).meta({ description: 'Cover they give or set.' }),
    })
    .meta({ id: 'PersonRecords', description: 'Everything held about a person (a subject access request).' }),
);

export const doc: RouteDoc = {
  summary: 'Everything held about a person',
  description:
    'Information governance finds, by their id (`sub`), everything held about a person: experiments they own, decisions and cycles they recorded, history entries and audit entries that name them, how many sessions they have, their entry in the people directory and the cover they give or set. Each export is recorded in the audit trail.',
  tag: 'Information governance',
  success: { status: 200, description: 'The person’s records.', json: recordsSchema },
  errors: {
    404: 'Nothing is held about a person with that id.',
    409: 'Too many changes were being recorded in the audit trail at that moment. Try again in a few seconds.',
  },
};
