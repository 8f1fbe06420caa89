import * as z from 'zod';

/** `GET /api/allowance` takes no query. */
export const querySchema = z.strictObject({});
