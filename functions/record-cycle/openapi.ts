import { experimentWithWarnings } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Record a test cycle',
  description:
    'The owner records what a test showed (a learning card) and what happens next: `adapt` (another cycle, optionally with `changes` to the card, which are assessed again), `adopt` or `abandon` (both final). Changes outside the card escalate the experiment again.',
  tag: 'Experiments',
  groups: 'submitIdeas',
  success: { status: 201, description: 'The experiment with its new cycle.', json: experimentWithWarnings },
  errors: {
    404: 'There is no experiment with that id, or the caller may not see it.',
    409: 'The experiment is not `authorised` or `testing` (it waits for a manager, or is closed), or too many changes were being recorded in the audit trail at that moment: nothing happened. Try again in a few seconds.',
  },
};
