import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "RemindOwner": the review date passed; remind the owner to record what happened. */
export const handler = taskHandler(inputSchema, ({ experimentId, executionArn }) =>
  services().tasks.remindOwner(experimentId, executionArn),
);
