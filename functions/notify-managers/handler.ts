import { taskHandler } from '#shared/http/task-handler.ts';
import { enableGovukNotify } from '#shared/notifications/govuk-notify.ts';
import { services } from '#shared/services/index.ts';
import { inputSchema } from './schema.ts';

// This task emails people, so its package carries the GOV.UK Notify adapter, loaded on the first send.
enableGovukNotify();

/** Workflow task "NotifyManagers": tells the team's managers an idea is waiting for them. */
export const handler = taskHandler(inputSchema, async ({ experimentId }) => {
  await services().experiments.notifyManagers(experimentId);
  return { notified: true };
});
