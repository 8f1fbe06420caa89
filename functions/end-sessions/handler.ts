import { NotFoundError } from '#shared/errors.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { NO_PERSON } from '#shared/services/session-admin.ts';
import { paramsSchema } from './schema.ts';

/** POST /api/people/{id}/sessions/end: ends every web session of the person at once; `{ "ended": n }`. */
export const handler = apiHandler(async (event, user) => {
  const people = services().people;
  // Who may act is decided first, so a caller who may not learns nothing about the id.
  people.requireMayEnd(user);
  const params = paramsSchema.safeParse(event.pathParameters ?? {});
  if (!params.success) throw new NotFoundError(NO_PERSON);
  return json(200, await people.endSessionsOf(user, params.data.id));
});
