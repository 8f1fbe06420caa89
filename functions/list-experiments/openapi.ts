import { experimentPage } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'List experiments',
  description:
    'Staff see their own experiments; leaders see the whole log and may filter it by `team`. Newest first, a page at a time: `limit` (1 to 100, 20 unless given) and `cursor` (the `next` of the page before). `q` finds a word in the title or the problem.',
  tag: 'Experiments',
  success: { status: 200, description: 'A page of experiments, newest first.', json: experimentPage },
};
