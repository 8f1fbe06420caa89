import * as z from 'zod';

/** The export takes no parameters: it is the whole library. */
export const querySchema = z.strictObject({});
