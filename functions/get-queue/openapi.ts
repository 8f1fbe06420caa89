import * as z from 'zod';
import { describes, experimentSchema, pageOf, teamSlug } from '#shared/domain/response-schemas.ts';
import type { StoredExperiment } from '#shared/domain/stored-experiment.ts';
import type { RouteDoc } from '../route-docs.ts';

const queueItemSchema = describes<StoredExperiment & { asCoverFor?: string }>()(
  z
    .strictObject({
      ...experimentSchema.shape,
      asCoverFor: teamSlug.optional().meta({
        description: 'The team, when the case is here only because the caller covers for its manager.',
      }),
    })
    .meta({ id: 'QueueItem', description: 'An escalated experiment awaiting a decision.' }),
);

const queuePage = pageOf(queueItemSchema, 'QueuePage', 'The escalated experiments awaiting a decision.');

export const doc: RouteDoc = {
  summary: 'Ideas waiting for a decision',
  description:
    'For a manager, the escalated ideas of their team; for a leader, those raised past their deadline, from every team. Never the caller’s own. A manager who covers for another team’s manager also gets that team’s, marked with `asCoverFor`. Oldest first, all on one page (`next` is null). It takes no parameters.',
  tag: 'Decisions',
  success: {
    status: 200,
    description: 'Escalated experiments awaiting a decision, oldest first.',
    json: queuePage,
  },
};
