import * as z from 'zod';
import { NOTHING_HELD, PERSON_ID } from '#shared/domain/person.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { ApiEvent } from '#shared/http/api-handler.ts';

/** Path parameter shared by every `/api/experiments/{id}` route. */
export const experimentIdParams = z
  .object({ id: z.string().uuid({ message: 'There is no experiment with that id' }) })
  .strict();

/** The workflow passes only the experiment id to most tasks. */
export const experimentTaskInput = z.object({ experimentId: z.string().uuid() }).strict();

/** Path parameter of every `/api/people/{id}/...` route: the person's id (Cognito's `sub`). */
export const personIdParams = z.object({ id: z.string().regex(PERSON_ID) }).strict();

/** The person a route names; an id that cannot be anyone's names nobody held, so 404. */
export const personId = (event: ApiEvent): string => {
  const params = personIdParams.safeParse(event.pathParameters ?? {});
  if (!params.success) throw new NotFoundError(NOTHING_HELD);
  return params.data.id;
};
