import { taskHandler } from '#shared/http/task-handler.ts';
import { enableGovukNotify } from '#shared/notifications/govuk-notify.ts';
import { services } from '#shared/services/index.ts';
import { inputSchema } from './schema.ts';

// This task emails people, so its package carries the GOV.UK Notify adapter, loaded on the first send.
enableGovukNotify();

/** Workflow task "RaiseToLeaders": the deadline passed, so the case joins the leaders' queue. */
export const handler = taskHandler(inputSchema, ({ experimentId }) =>
  services().experiments.raiseToLeaders(experimentId),
);
