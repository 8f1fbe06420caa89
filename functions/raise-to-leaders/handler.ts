import { taskHandler } from '#shared/http/task-handler.ts';
import { services } from '#shared/services/index.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "RaiseToLeaders": the deadline passed, so the case joins the leaders' queue. */
export const handler = taskHandler(inputSchema, ({ experimentId }) =>
  services().experiments.raiseToLeaders(experimentId),
);
