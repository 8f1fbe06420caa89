import * as z from 'zod';
import { idempotencyKeySchema } from '#shared/domain/schemas.ts';

export { submissionSchema as bodySchema } from '#shared/domain/schemas.ts';

export const headersSchema = z.object({ 'idempotency-key': idempotencyKeySchema });
