import { taskHandler } from '#shared/http/task-handler.ts';
import { services } from '#shared/services/index.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "RemindOwner": the review date passed; remind the owner to record what happened. */
export const handler = taskHandler(inputSchema, ({ experimentId }) =>
  services().experiments.remindOwner(experimentId),
);
