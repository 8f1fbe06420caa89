import { libraryItemSchema, pageOf } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Search the learning library',
  description:
    'Anyone signed in searches what every test taught, from every team, without people’s names or ids. With words in `q`, ranked by relevance (each item has `score`); without, newest first. Filters `team` and `status`; paged with `limit` and `cursor`.',
  tag: 'Learning library',
  success: {
    status: 200,
    description: 'A page of entries.',
    json: pageOf(libraryItemSchema, 'LibraryPage', 'A page of library entries.'),
  },
};
