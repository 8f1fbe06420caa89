import { taskHandler } from '#shared/http/task-handler.ts';
import { services } from '#shared/services/index.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "NotifyOwner": tells the owner what was decided. */
export const handler = taskHandler(inputSchema, ({ experimentId }) =>
  services().experiments.notifyOwner(experimentId),
);
