import { NotFoundError } from '#shared/errors.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { paramsSchema } from './schema.ts';

/** GET /api/experiments/{id}: one experiment with its assessment, cycles and history. */
export const handler = apiHandler(async (event, user) => {
  const params = paramsSchema.safeParse(event.pathParameters ?? {});
  // A malformed id cannot name an experiment the caller may see.
  if (!params.success) throw new NotFoundError();
  return json(200, await services().experiments.get(user, params.data.id));
});
