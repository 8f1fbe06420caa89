import * as z from 'zod';

/** `GET /api/cover` takes no query. */
export const querySchema = z.strictObject({});
