import * as z from 'zod';
import { coverResponseSchema } from '../create-cover/openapi.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Cover not yet over',
  description:
    'Cover that has not ended yet: for a manager, the cover their team gets and the cover they give; for a leader, every team’s. Soonest first, all on one page. It takes no parameters.',
  tag: 'Decisions',
  success: {
    status: 200,
    description: 'Cover not yet over, soonest first.',
    json: z
      .strictObject({ items: z.array(coverResponseSchema) })
      .meta({ id: 'CoverList', description: 'Cover not yet over.' }),
  },
};
