import { libraryEntrySchema } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'One entry of the learning library',
  description:
    'Anyone signed in reads one entry: an idea being tested or closed, without people’s names or ids.',
  tag: 'Learning library',
  success: { status: 200, description: 'The entry.', json: libraryEntrySchema },
  errors: { 404: 'There is no entry in the learning library with that id.' },
};
