import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "HandOver…": names the execution that continues this one, and what to start it with. */
export const handler = taskHandler(inputSchema, ({ experimentId, executionArn, resume, seen }) =>
  services().tasks.handOver(experimentId, executionArn, resume, seen),
);
