import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/policy: the current card policy, or `?version=N` for any earlier one. */
export const handler = apiHandler(FUNCTIONS['get-policy'], async (event) => {
  const query = parse(querySchema, event.queryStringParameters ?? {});
  return json(200, await services().policies.read(query.version));
});
