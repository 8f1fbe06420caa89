import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse, readBody } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { bodySchema } from './schema.ts';

/** POST /api/cover: a manager sets cover for their own team while away, a leader for any team. */
export const handler = apiHandler(FUNCTIONS['create-cover'], async (event, user) => {
  const cover = await services().cover.set(user, () => parse(bodySchema, readBody(event)));
  return json(201, cover);
});
