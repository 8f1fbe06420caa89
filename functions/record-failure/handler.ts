import { taskHandler } from '#shared/http/task-handler.ts';
import { services } from '#shared/services/index.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "RecordFailure": a step failed for good; show it on the experiment. */
export const handler = taskHandler(inputSchema, async ({ experimentId, failure }) => {
  await services().experiments.recordFailure(experimentId, failure);
  return { recorded: true };
});
