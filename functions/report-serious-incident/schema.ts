import * as z from 'zod';
import { executionArnParam } from '../shared-params.ts';

/** The experiment and the number of the cycle that recorded a serious incident. */
export const inputSchema = z
  .object({
    experimentId: z.string().uuid(),
    executionArn: executionArnParam,
    cycle: z.number().int().min(1),
  })
  .strict();
