import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { querySchema } from './schema.ts';

/** GET /api/queue: escalated ideas awaiting this manager or leader, oldest first. */
export const handler = apiHandler(FUNCTIONS['get-queue'], async (event, user) => {
  parse(querySchema, event.queryStringParameters ?? {});
  return json(200, await services().experiments.queue(user));
});
