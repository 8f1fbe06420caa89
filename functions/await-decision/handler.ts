import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "WaitForDecision" (task token): keeps the token until a manager or leader decides. */
export const handler = taskHandler(inputSchema, async ({ experimentId, taskToken, executionArn }) => {
  await services().tasks.awaitDecision(experimentId, taskToken, executionArn);
  return { waiting: true };
});
