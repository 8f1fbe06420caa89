import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, pathParams } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { paramsSchema } from './schema.ts';

/** GET /api/experiments/{id}: one experiment with its assessment, cycles and history. */
export const handler = apiHandler(FUNCTIONS['get-experiment'], async (event, user) => {
  const { id } = pathParams(paramsSchema, event);
  return json(200, await services().experiments.get(user, id));
});
