import { taskHandler } from '#shared/http/task-handler.ts';
import { services } from '#shared/services/index.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "WaitForDecision" (task token): keeps the token until a manager or leader decides. */
export const handler = taskHandler(inputSchema, async ({ experimentId, taskToken }) => {
  await services().experiments.awaitDecision(experimentId, taskToken);
  return { waiting: true };
});
