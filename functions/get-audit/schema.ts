export { auditQuerySchema as querySchema } from '#shared/domain/governance-schemas.ts';
