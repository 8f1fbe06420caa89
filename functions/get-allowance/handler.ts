import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/allowance: each team's innovation allowance this financial year, drawn and left. */
export const handler = apiHandler(FUNCTIONS['get-allowance'], async (event, user) => {
  parse(querySchema, event.queryStringParameters ?? {});
  return json(200, await services().allowance.list(user));
});
