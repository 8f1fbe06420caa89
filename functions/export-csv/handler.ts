import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/export.csv: the experiment log, one row an experiment, for leaders. */
export const handler = apiHandler(FUNCTIONS['export-csv'], async (event, user) => {
  parse(querySchema, event.queryStringParameters ?? {});
  let body = '';
  // API Gateway HTTP APIs buffer a Lambda's response, so the pages are gathered before answering.
  for await (const chunk of services().exports.csv(user)) body += chunk;
  const date = new Date().toISOString().slice(0, 10);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="fail-forward-log-${date}.csv"`,
      'cache-control': 'no-store',
    },
    body,
  };
});
