import * as z from 'zod';
import { NOTHING_HELD, PERSON_ID } from '#shared/domain/person.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { ApiEvent } from '#shared/http/api-handler.ts';

/** Path parameter shared by every `/api/experiments/{id}` route. */
export const experimentIdParams = z
  .object({ id: z.string().uuid({ message: 'There is no experiment with that id' }) })
  .strict();

/**
 * The ARN of the execution running a workflow task (`$$.Execution.Id`): a task acts only for the
 * execution that drives its experiment. Optional, because executions started before the tasks were given
 * it still pass none.
 */
export const executionArnParam = z
  .string()
  .regex(/^arn:aws[\w-]*:states:[\w-]+:\d{12}:execution:[^:]+:[^:]+$/)
  .optional();

/** The workflow passes most tasks only the experiment id and its execution. */
export const experimentTaskInput = z
  .object({ experimentId: z.string().uuid(), executionArn: executionArnParam })
  .strict();

/** An EventBridge scheduled event; only its shape is checked, nothing in it is needed. */
export const scheduledEvent = z.object({ 'detail-type': z.literal('Scheduled Event') }).passthrough();

/** Path parameter of every `/api/people/{id}/...` route: the person's id (Cognito's `sub`). */
export const personIdParams = z.object({ id: z.string().regex(PERSON_ID) }).strict();

/** The person a route names; an id that cannot be anyone's names nobody held, so 404. */
export const personId = (event: ApiEvent): string => {
  const params = personIdParams.safeParse(event.pathParameters ?? {});
  if (!params.success) throw new NotFoundError(NOTHING_HELD);
  return params.data.id;
};
