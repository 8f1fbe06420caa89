import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse, pathParams, readBody } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { bodySchema, paramsSchema } from './schema.ts';

/** POST /api/experiments/{id}/decision: a manager of the team (not the owner) or a leader decides. */
export const handler = apiHandler(FUNCTIONS['decide-experiment'], async (event, user) => {
  const { id } = pathParams(paramsSchema, event);
  // The body is read only once the caller is known to see the idea and to be allowed to decide it.
  const decided = await services().experiments.decide(user, id, () => parse(bodySchema, readBody(event)));
  return json(200, decided);
});
