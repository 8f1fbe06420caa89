import { FUNCTIONS } from '#functions/registry.ts';
import { NotFoundError } from '#shared/errors.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import { NO_COVER } from '#shared/services/cover-service.ts';
import { services } from '#shared/services/index.ts';
import { paramsSchema } from './schema.ts';

/** DELETE /api/cover/{id}: ends cover early (the leader, a manager of the team, or the cover manager). */
export const handler = apiHandler(FUNCTIONS['end-cover'], async (event, user) => {
  const params = paramsSchema.safeParse(event.pathParameters ?? {});
  if (!params.success) throw new NotFoundError(NO_COVER);
  return json(200, await services().cover.end(user, params.data.id));
});
