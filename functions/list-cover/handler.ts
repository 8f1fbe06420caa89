import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/cover: cover not yet over that the caller gives, gets, or (a leader) oversees. */
export const handler = apiHandler(FUNCTIONS['list-cover'], async (event, user) => {
  parse(querySchema, event.queryStringParameters ?? {});
  return json(200, { items: await services().cover.list(user) });
});
