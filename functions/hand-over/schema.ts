import * as z from 'zod';
import { executionArnParam } from '../shared-params.ts';

/** The wait whose age budget ran out, and for a cycle, how many the workflow had taken in. */
export const inputSchema = z
  .object({
    experimentId: z.string().uuid(),
    executionArn: executionArnParam.unwrap(),
    resume: z.enum(['decision', 'cycle']),
    seen: z.number().int().min(0).optional(),
  })
  .strict();
