export { coverSchema as bodySchema } from '#shared/domain/schemas.ts';
