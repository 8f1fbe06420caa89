import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "NotifyOwner": tells the owner what was decided. */
export const handler = taskHandler(inputSchema, ({ experimentId, executionArn }) =>
  services().tasks.notifyOwner(experimentId, executionArn),
);
