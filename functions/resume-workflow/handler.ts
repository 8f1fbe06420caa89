import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "Resume": a continuation's first step; the timers of the wait it resumes at. */
export const handler = taskHandler(inputSchema, ({ experimentId, executionArn }) =>
  services().tasks.resume(experimentId, executionArn),
);
