import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, parse } from '#shared/http/api-handler.ts';
import { largeJson } from '#shared/http/large-json.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/library/export.json: the whole learning library as open data (docs/open-learning.schema.json), for leaders. */
export const handler = apiHandler(FUNCTIONS['export-library'], async (event, user) => {
  parse(querySchema, event.queryStringParameters ?? {});
  return largeJson(event, await services().library.openData(user));
});
