import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse, readBody } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { apiItem } from '#shared/services/library/library-items.ts';
import { bodySchema } from './schema.ts';

/** POST /api/library/similar: the five entries most like a draft, never the caller's own experiments. */
export const handler = apiHandler(FUNCTIONS['find-similar-ideas'], async (event, user) => {
  const draft = parse(bodySchema, readBody(event));
  const items = await services().library.similar(user, draft);
  return json(200, { items: items.map(apiItem) });
});
