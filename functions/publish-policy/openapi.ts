import { policySchema } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Publish a new version of the card’s policy',
  description:
    'A leader publishes new `thresholds` and `decisionDeadlineDays`, with a `reason`. Earlier versions stay readable; each submission keeps the version current when it was submitted.',
  tag: 'The card',
  success: { status: 201, description: 'The new policy version.', json: policySchema },
  errors: {
    409: 'Someone published a new version at the same moment, or too many changes were being recorded in the audit trail at that moment: nothing happened. Try again in a few seconds.',
  },
};
