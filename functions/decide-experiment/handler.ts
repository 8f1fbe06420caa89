import { NotFoundError } from '#shared/errors.ts';
import { apiHandler, json, parse } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { bodySchema, paramsSchema } from './schema.ts';

/** POST /api/experiments/{id}/decision: a manager of the team (not the owner) or a leader decides. */
export const handler = apiHandler(async (event, user) => {
  const params = paramsSchema.safeParse(event.pathParameters ?? {});
  if (!params.success) throw new NotFoundError();
  const body = parse(bodySchema, event.jsonBody);
  return json(200, await services().experiments.decide(user, params.data.id, body));
});
