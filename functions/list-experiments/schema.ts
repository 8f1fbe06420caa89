export { listQuerySchema as querySchema } from '#shared/domain/schemas.ts';
