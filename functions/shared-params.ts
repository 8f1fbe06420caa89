import * as z from 'zod';

/** Path parameter shared by every `/api/experiments/{id}` route. */
export const experimentIdParams = z
  .object({ id: z.string().uuid({ message: 'There is no experiment with that id' }) })
  .strict();

/** The workflow passes only the experiment id to most tasks. */
export const experimentTaskInput = z.object({ experimentId: z.string().uuid() }).strict();

/** An EventBridge scheduled event; only its shape is checked, nothing in it is needed. */
export const scheduledEvent = z.object({ 'detail-type': z.literal('Scheduled Event') }).passthrough();
