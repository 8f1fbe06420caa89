import { experimentPage } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Ideas waiting for a decision',
  description:
    'For a manager, the escalated ideas of their team; for a leader, those raised past their deadline, from every team. Never the caller’s own. Oldest first, all on one page (`next` is null). It takes no parameters.',
  tag: 'Decisions',
  success: {
    status: 200,
    description: 'Escalated experiments awaiting a decision, oldest first.',
    json: experimentPage,
  },
};
