import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, csvDownload, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/audit: the audit trail, newest first, filtered and paged; `?format=csv` for all of it as CSV. */
export const handler = apiHandler(FUNCTIONS['get-audit'], async (event, user) => {
  const query = parse(querySchema, event.queryStringParameters ?? {});
  const audit = services().audit;
  if (query.format === 'json') return json(200, await audit.list(user, query));
  return csvDownload(audit.csv(user, query), 'audit');
});
