import * as z from 'zod';
import { libraryItemSchema } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

const similarSchema = z
  .strictObject({ items: z.array(libraryItemSchema).max(5) })
  .meta({ id: 'SimilarIdeas', description: 'The most similar entries, most similar first.' });

export const doc: RouteDoc = {
  summary: 'Ideas like yours',
  description:
    'Anyone signed in sends a draft (`title`, and optionally `problem` and `hypothesis`) and gets the five library entries most like it, most similar first, never an experiment of their own.',
  tag: 'Learning library',
  success: { status: 200, description: 'Up to five entries, with their `score`.', json: similarSchema },
};
