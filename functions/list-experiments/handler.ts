import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/experiments: staff see their own; leaders see the whole log, filtered. Newest first. */
export const handler = apiHandler(FUNCTIONS['list-experiments'], async (event, user) => {
  const query = parse(querySchema, event.queryStringParameters ?? {});
  return json(200, await services().experiments.list(user, query));
});
