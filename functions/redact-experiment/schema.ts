export { redactionSchema as bodySchema } from '#shared/domain/governance-schemas.ts';
export { experimentIdParams as paramsSchema } from '../shared-params.ts';
