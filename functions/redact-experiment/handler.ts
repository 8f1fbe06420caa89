import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse, pathParams, readBody } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { bodySchema, paramsSchema } from './schema.ts';

/** POST /api/experiments/{id}/redactions: governance removes one field's text; 200 with the experiment. */
export const handler = apiHandler(FUNCTIONS['redact-experiment'], async (event, user) => {
  const { id } = pathParams(paramsSchema, event);
  // The body is read only once the caller is known to be governance and the experiment to exist.
  const redacted = await services().governance.redact(user, id, () => parse(bodySchema, readBody(event)));
  return json(200, redacted);
});
