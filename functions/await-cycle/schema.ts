import * as z from 'zod';

export const inputSchema = z
  .object({
    experimentId: z.string().uuid(),
    seen: z.number().int().min(0),
    taskToken: z.string().min(1).max(2048),
  })
  .strict();
