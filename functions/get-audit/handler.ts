import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/audit: the audit trail, newest first, filtered and paged; `?format=csv` for all of it as CSV. */
export const handler = apiHandler(FUNCTIONS['get-audit'], async (event, user) => {
  const query = parse(querySchema, event.queryStringParameters ?? {});
  const audit = services().audit;
  if (query.format === 'json') return json(200, await audit.list(user, query));
  let body = '';
  // API Gateway HTTP APIs buffer a Lambda's response, so the pages are gathered before answering.
  for await (const chunk of audit.csv(user, query)) body += chunk;
  const date = new Date().toISOString().slice(0, 10);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="fail-forward-audit-${date}.csv"`,
      'cache-control': 'no-store',
    },
    body,
  };
});
