export { cycleSchema as bodySchema } from '#shared/domain/schemas.ts';
export { experimentIdParams as paramsSchema } from '../shared-params.ts';
