export { draftSchema as bodySchema } from '#shared/domain/library-schemas.ts';
