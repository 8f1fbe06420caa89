import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/policy/calibration: what managers' decisions say about each limit, from counters. */
export const handler = apiHandler(FUNCTIONS['get-calibration'], async (event, user) => {
  const query = parse(querySchema, event.queryStringParameters ?? {});
  return json(200, await services().calibration.get(user, query));
});
