import { taskHandler } from '#shared/http/task-handler.ts';
import { services } from '#shared/services/index.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "WaitForCycle" (task token): keeps the token until the owner records the next cycle. */
export const handler = taskHandler(inputSchema, async ({ experimentId, taskToken, seen }) => {
  await services().experiments.awaitCycle(experimentId, taskToken, seen);
  return { waiting: true };
});
