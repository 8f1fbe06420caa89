import { FUNCTIONS } from '#functions/registry.ts';
import { apiHandler, json } from '#shared/http/api-handler.ts';
import { services } from '#shared/services/index.ts';
import { personId } from '../shared-params.ts';

/** GET /api/people/{id}/records: everything held about a person (subject access), for governance. */
export const handler = apiHandler(FUNCTIONS['get-person-records'], async (event, user) =>
  json(200, await services().governance.records(user, personId(event))),
);
