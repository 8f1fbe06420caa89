import { NotFoundError } from '#shared/errors.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { bodySchema, paramsSchema } from './schema.ts';

/** POST /api/experiments/{id}/cycles: the owner records what a test cycle showed, and what happens next. */
export const handler = apiHandler(async (event, user) => {
  const params = paramsSchema.safeParse(event.pathParameters ?? {});
  if (!params.success) throw new NotFoundError();
  const body = parse(bodySchema, event.jsonBody);
  return json(201, await services().experiments.recordCycle(user, params.data.id, body));
});
