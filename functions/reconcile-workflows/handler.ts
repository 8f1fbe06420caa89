import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/**
 * Scheduled: keeps a workflow execution driving every experiment that is not final. Starts what a crash
 * left unstarted, continues what was stopped, timed out or failed, and gives up on repeated failures
 * (shared/services/tasks/reconcile.ts).
 */
export const handler = taskHandler(inputSchema, () => services().tasks.reconcile());
