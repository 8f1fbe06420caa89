import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Scheduled: writes a new snapshot of the learning library's search index when one is due. */
export const handler = taskHandler(inputSchema, () => services().library.compact());
