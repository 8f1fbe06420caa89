import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse, pathParams, readBody } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { bodySchema, paramsSchema } from './schema.ts';

/** POST /api/experiments/{id}/cycles: the owner records what a test cycle showed, and what happens next. */
export const handler = apiHandler(FUNCTIONS['record-cycle'], async (event, user) => {
  const { id } = pathParams(paramsSchema, event);
  // The body is read only once the caller is known to see the idea and to be its owner.
  const recorded = await services().experiments.recordCycle(user, id, () =>
    parse(bodySchema, readBody(event)),
  );
  return json(201, recorded);
});
