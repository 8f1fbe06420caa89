import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, csvDownload, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/export.csv: the experiment log, one row an experiment, for leaders. */
export const handler = apiHandler(FUNCTIONS['export-csv'], async (event, user) => {
  parse(querySchema, event.queryStringParameters ?? {});
  return csvDownload(services().exports.csv(user), 'log');
});
