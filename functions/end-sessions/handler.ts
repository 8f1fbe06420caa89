import { FUNCTIONS } from '#functions/registry.ts';
import { NotFoundError } from '#shared/errors.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { NO_PERSON } from '#shared/services/session-admin.ts';
import { paramsSchema } from './schema.ts';

/** POST /api/people/{id}/sessions/end: ends every web session of the person at once; `{ "ended": n }`. */
export const handler = apiHandler(FUNCTIONS['end-sessions'], async (event, user) => {
  const people = services().people;
  const params = paramsSchema.safeParse(event.pathParameters ?? {});
  if (!params.success) throw new NotFoundError(NO_PERSON);
  return json(200, await people.endSessionsOf(user, params.data.id));
});
