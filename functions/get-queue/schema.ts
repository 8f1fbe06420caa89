import * as z from 'zod';

/** The queue takes no parameters; anything sent is a mistake worth reporting. */
export const querySchema = z.object({}).strict();
