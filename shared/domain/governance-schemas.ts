/**
 * Request schemas of the information governance routes: erasure, redaction and the audit trail's
 * filters. Built on first use, like those in schemas.ts.
 */
import * as z from 'zod';
import { AUDIT_ACTIONS } from './audit.ts';
import { PERSON_ID } from './person.ts';
import { filterQuery, isoDate, pageParameters, trimmedText } from './schemas.ts';

const OBJECT_ERROR = 'Send the details as a JSON object';

const reason = (what: string) =>
  trimmedText(5, 2000, { enter: `Enter the reason for ${what}, between 5 and 2,000 characters` });

export const erasureSchema = z.lazy(() =>
  z.strictObject({ reason: reason("erasing this person's records") }, { error: OBJECT_ERROR }),
);

/** A field's path, as `redactablePaths` names them; whether the experiment has it is the use case's to say. */
export const REDACTION_FIELD = /^[A-Za-z]+(?:\.[A-Za-z0-9]+){0,2}$/;

export const redactionSchema = z.lazy(() =>
  z.strictObject(
    {
      field: z
        .string({
          error: 'Enter the field to remove, like problem, hypothesis.toTestIt or cycles.2.observed',
        })
        .trim()
        .min(1, {
          error: 'Enter the field to remove, like problem, hypothesis.toTestIt or cycles.2.observed',
        })
        .max(100, {
          error: 'Enter the field to remove, like problem, hypothesis.toTestIt or cycles.2.observed',
        })
        .regex(REDACTION_FIELD, {
          error: 'Enter the field to remove, like problem, hypothesis.toTestIt or cycles.2.observed',
        }),
      reason: reason('removing this text'),
    },
    { error: OBJECT_ERROR },
  ),
);

const ID_MESSAGE = 'Enter an id: letters, digits and . _ @ - only, up to 128 characters';

export const auditQuerySchema = z.lazy(() =>
  filterQuery({
    from: isoDate().optional(),
    to: isoDate().optional(),
    actor: z.string({ error: ID_MESSAGE }).regex(PERSON_ID, { error: ID_MESSAGE }).optional(),
    action: z.enum(AUDIT_ACTIONS, { error: `Choose an action from: ${AUDIT_ACTIONS.join(', ')}` }).optional(),
    target: z.string({ error: ID_MESSAGE }).regex(PERSON_ID, { error: ID_MESSAGE }).optional(),
    format: z.enum(['json', 'csv'], { error: 'Choose a format: json or csv' }).default('json'),
    ...pageParameters(),
  }),
);

export type ErasureRequest = z.infer<typeof erasureSchema>;
export type RedactionRequest = z.infer<typeof redactionSchema>;
export type AuditQuery = z.infer<typeof auditQuerySchema>;
