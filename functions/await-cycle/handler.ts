import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "WaitForCycle" (task token): keeps the token until the owner records the next cycle. */
export const handler = taskHandler(inputSchema, async ({ experimentId, taskToken, seen, executionArn }) => {
  await services().tasks.awaitCycle(experimentId, taskToken, seen, executionArn);
  return { waiting: true };
});
