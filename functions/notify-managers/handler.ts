import { taskHandler } from '#shared/http/task-handler.ts';
import { services } from '#shared/services/index.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "NotifyManagers": tells the team's managers an idea is waiting for them. */
export const handler = taskHandler(inputSchema, async ({ experimentId }) => {
  await services().experiments.notifyManagers(experimentId);
  return { notified: true };
});
