export { policySchema as bodySchema } from '#shared/domain/schemas.ts';
