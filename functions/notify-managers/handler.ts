import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "NotifyManagers": tells the team's managers an idea is waiting for them. */
export const handler = taskHandler(inputSchema, async ({ experimentId, executionArn }) => {
  await services().tasks.notifyManagers(experimentId, executionArn);
  return { notified: true };
});
