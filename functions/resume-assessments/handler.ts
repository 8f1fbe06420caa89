import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** A submission normally starts its workflow within the request; older than this, it was interrupted. */
const GRACE_SECONDS = 60;

/** Scheduled: restarts the workflow of any submission still waiting for the card after a crash. */
export const handler = taskHandler(inputSchema, async () => ({
  resumed: await services().tasks.resumeAssessments(GRACE_SECONDS),
}));
