import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "NotifyAdoption": tells the team's managers the owner recommends making it normal practice. */
export const handler = taskHandler(inputSchema, ({ experimentId, executionArn }) =>
  services().tasks.notifyAdoption(experimentId, executionArn),
);
