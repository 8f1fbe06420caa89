import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/dashboard: the leaders' figures, from counters, whatever the size of the log. */
export const handler = apiHandler(FUNCTIONS['get-dashboard'], async (event, user) => {
  const query = parse(querySchema, event.queryStringParameters ?? {});
  return json(200, await services().dashboard.get(user, query));
});
