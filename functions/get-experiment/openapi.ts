import { experimentSchema } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Read one experiment',
  description:
    'The owner, leaders, information governance, and managers of its team once it was ever escalated, read one experiment with its assessment, cycles and history. A refused read of an experiment that exists is recorded in the audit trail.',
  tag: 'Experiments',
  success: { status: 200, description: 'The experiment.', json: experimentSchema },
  errors: {
    404: 'There is no experiment with that id, or the caller may not see it.',
    409: 'Too many changes were being recorded in the audit trail at that moment: nothing happened. Try again in a few seconds.',
  },
};
