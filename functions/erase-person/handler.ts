import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json, parse, readBody } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { personId } from '../shared-params.ts';
import { bodySchema } from './schema.ts';

/** POST /api/people/{id}/erasure: a person's id and name go from every record; `{ experiments, entries }`. */
export const handler = apiHandler(FUNCTIONS['erase-person'], async (event, user) => {
  // The body is read only once the caller is governance and the person is known.
  const erased = await services().governance.erase(user, personId(event), () =>
    parse(bodySchema, readBody(event)),
  );
  return json(200, erased);
});
