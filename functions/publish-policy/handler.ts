import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse, readBody } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { bodySchema } from './schema.ts';

/** POST /api/policy: a leader publishes a new version of the card's thresholds. */
export const handler = apiHandler(FUNCTIONS['publish-policy'], async (event, user) => {
  const body = parse(bodySchema, readBody(event));
  return json(201, await services().policies.publish(user, body));
});
