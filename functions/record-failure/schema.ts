import * as z from 'zod';
import { executionArnParam } from '../shared-params.ts';

export const inputSchema = z
  .object({
    experimentId: z.string().uuid(),
    failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).passthrough(),
    executionArn: executionArnParam,
  })
  .strict();
