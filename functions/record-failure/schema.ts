import * as z from 'zod';

export const inputSchema = z
  .object({
    experimentId: z.string().uuid(),
    failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).passthrough(),
  })
  .strict();
