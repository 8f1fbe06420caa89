import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Stops with time to spare before the function's 300-second timeout; the next run carries on. */
const BUDGET_MS = 240_000;

/** Scheduled: anonymises closed experiments past retainUntil, and removes audit entries past retention. */
export const handler = taskHandler(inputSchema, () => services().governance.retention(BUDGET_MS));
