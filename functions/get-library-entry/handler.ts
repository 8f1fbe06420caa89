import { FUNCTIONS } from '#functions/registry.ts';
import { NotFoundError } from '#shared/errors.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { NOT_IN_LIBRARY } from '#shared/services/library/library-items.ts';
import { paramsSchema } from './schema.ts';

/** GET /api/library/{id}: one entry of the learning library; 404 for any id not in it. */
export const handler = apiHandler(FUNCTIONS['get-library-entry'], async (event, user) => {
  const params = paramsSchema.safeParse(event.pathParameters ?? {});
  if (!params.success) throw new NotFoundError(NOT_IN_LIBRARY);
  return json(200, await services().library.get(user, params.data.id));
});
