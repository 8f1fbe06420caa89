import * as z from 'zod';

/** `DELETE /api/cover/{id}`: the cover's id, a UUID. */
export const paramsSchema = z.strictObject({ id: z.uuid() });
