import { services } from '#shared/services/index.ts';
import { taskHandler } from '#shared/workflow/task-handler.ts';
import { inputSchema } from './schema.ts';

/** Workflow task "SeriousIncident": tells managers and leaders, and takes back the team's own limits. */
export const handler = taskHandler(inputSchema, ({ experimentId, cycle, executionArn }) =>
  services().tasks.seriousIncident(experimentId, cycle, executionArn),
);
