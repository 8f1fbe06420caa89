import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/audit/verify: recomputes the hash chain; `{ entries, intact }` and the first entry that breaks it. */
export const handler = apiHandler(FUNCTIONS['verify-audit'], async (event, user) => {
  parse(querySchema, event.queryStringParameters ?? {});
  return json(200, await services().audit.verify(user));
});
