import { experimentSchema } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Approve or decline an escalated idea',
  description:
    'A manager of the experiment’s team (never its owner), or a leader, approves it (with optional `conditions`) or declines it (a `reason` is required). The body is read only once the caller may decide.',
  tag: 'Decisions',
  groups: 'decideIdeas',
  success: { status: 200, description: 'The decided experiment.', json: experimentSchema },
  errors: {
    404: 'There is no experiment with that id, or the caller may not see it.',
    409: 'The experiment is no longer awaiting a decision (someone decided it first), or too many changes were being recorded in the audit trail at that moment: nothing happened. Try again in a few seconds.',
  },
};
