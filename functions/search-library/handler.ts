import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { apiItem } from '#shared/services/library/library-items.ts';
import { querySchema } from './schema.ts';

/** GET /api/library: the learning library, ranked by relevance with `q`, newest first without; paged. */
export const handler = apiHandler(FUNCTIONS['search-library'], async (event, user) => {
  const query = parse(querySchema, event.queryStringParameters ?? {});
  const page = await services().library.search(user, query);
  return json(200, { items: page.items.map(apiItem), next: page.next });
});
