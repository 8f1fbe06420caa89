import * as z from 'zod';

/** Verification takes no parameters: it is always the whole chain. */
export const querySchema = z.strictObject({});
