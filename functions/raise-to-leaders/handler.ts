import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "RaiseToLeaders": the deadline passed, so the case joins the leaders' queue. */
export const handler = taskHandler(inputSchema, ({ experimentId, executionArn }) =>
  services().tasks.raiseToLeaders(experimentId, executionArn),
);
