import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "Assess": runs the card against the experiment's policy version and records the result. */
export const handler = taskHandler(inputSchema, ({ experimentId, executionArn, executionStartedAt }) =>
  services().tasks.assess(
    experimentId,
    executionArn
      ? { arn: executionArn, startedAt: executionStartedAt ?? new Date().toISOString() }
      : undefined,
  ),
);
