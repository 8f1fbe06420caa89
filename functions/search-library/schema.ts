export { libraryQuerySchema as querySchema } from '#shared/domain/library-schemas.ts';
