import * as z from 'zod';
import { executionArnParam } from '../shared-params.ts';

export const inputSchema = z
  .object({
    experimentId: z.string().uuid(),
    seen: z.number().int().min(0),
    taskToken: z.string().min(1).max(2048),
    executionArn: executionArnParam,
  })
  .strict();
