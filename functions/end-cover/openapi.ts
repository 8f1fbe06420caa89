import { coverResponseSchema } from '../create-cover/openapi.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'End cover early',
  description:
    'A leader, a manager of the team or the cover manager standing down ends cover before its last day. From that moment the cover manager no longer sees or decides the team’s cases. Recorded in the audit trail.',
  tag: 'Decisions',
  success: {
    status: 200,
    description: 'The cover, with when and by whom it was ended.',
    json: coverResponseSchema,
  },
  errors: {
    404: 'There is no cover with that id that the caller can see.',
    409: 'The cover has already ended (by itself or by someone), or too many changes were being recorded in the audit trail at that moment.',
  },
};
