import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "RecordFailure": a step failed for good; show it on the experiment. */
export const handler = taskHandler(inputSchema, async ({ experimentId, failure, executionArn }) => {
  await services().tasks.recordFailure(experimentId, failure, executionArn);
  return { recorded: true };
});
