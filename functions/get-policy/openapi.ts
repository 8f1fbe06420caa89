import { policySchema } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Read the card’s policy',
  description: 'Anyone signed in reads the current policy of the card, or with `version` any earlier one.',
  tag: 'The card',
  success: { status: 200, description: 'The policy version.', json: policySchema },
  errors: { 404: 'There is no policy version with that number.' },
};
