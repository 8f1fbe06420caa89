import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse, readBody } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { bodySchema, headersSchema } from './schema.ts';

/** POST /api/experiments: staff submit an idea; the response carries the card's answer when it is ready. */
export const handler = apiHandler(FUNCTIONS['submit-experiment'], async (event, user) => {
  const headers = parse(headersSchema, { 'idempotency-key': event.headers['idempotency-key'] });
  const body = parse(bodySchema, readBody(event));
  const experiment = await services().experiments.submit(user, headers['idempotency-key'], body);
  return json(201, experiment, { location: `/api/experiments/${experiment.id}` });
});
