import * as z from 'zod';

export const inputSchema = z
  .object({ experimentId: z.string().uuid(), taskToken: z.string().min(1).max(2048) })
  .strict();
