import { experimentSchema } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Remove the text of one field',
  description:
    'Information governance removes personal details typed into free text by mistake: the `field` (such as `problem`, `hypothesis.toTestIt`, `cycles.2.observed`) becomes "[Removed by information governance]", and the history records the field and the `reason`, never the text.',
  tag: 'Information governance',
  groups: 'redactText',
  success: { status: 200, description: 'The experiment, with the text removed.', json: experimentSchema },
  errors: {
    404: 'There is no experiment with that id.',
    409: 'Too many changes were being recorded in the audit trail at that moment. Try again in a few seconds.',
  },
};
