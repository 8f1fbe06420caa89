import * as z from 'zod';
import { PERSON_ID } from '#shared/domain/person.ts';

/** `POST /api/people/{id}/sessions/end`: the person's id (Cognito's `sub`), and nothing else. */
export const paramsSchema = z.object({ id: z.string().regex(PERSON_ID) }).strict();
