export { erasureSchema as bodySchema } from '#shared/domain/governance-schemas.ts';
export { personIdParams as paramsSchema } from '../shared-params.ts';
