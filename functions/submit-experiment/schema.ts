import * as z from 'zod';

export { submissionSchema as bodySchema } from '#shared/domain/schemas.ts';

export const headersSchema = z.object({
  'idempotency-key': z
    .string({ message: 'Send an Idempotency-Key header, so a retried submission is never stored twice' })
    .min(1, { message: 'The Idempotency-Key header must be 1 to 128 characters' })
    .max(128, { message: 'The Idempotency-Key header must be 1 to 128 characters' }),
});
