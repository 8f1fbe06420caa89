import * as z from 'zod';
import { executionArnParam } from '../shared-params.ts';

/** The experiment, and the execution running the task: it records the first one as the experiment's driver. */
export const inputSchema = z
  .object({
    experimentId: z.string().uuid(),
    executionArn: executionArnParam,
    executionStartedAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict();
