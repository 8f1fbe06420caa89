import { experimentWithWarnings } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Submit an idea',
  description:
    'Staff (and managers) submit an idea; `team` and `owner` come from the token, never from the body. The `Idempotency-Key` header (1 to 128 characters) is required: the same key and body again answers the same experiment and stores no second one. Free text that identifies someone (an email address, a UK phone number, an NHS or National Insurance number) is refused; a postcode or a date of birth only gives `warnings`.',
  tag: 'Experiments',
  success: {
    status: 201,
    description:
      'The experiment. Its `status` is already `authorised` or `escalated` when the card answered within the request, else `assessing`.',
    json: experimentWithWarnings,
    headers: { Location: 'The experiment’s address: /api/experiments/{id}.' },
  },
  errors: {
    422: 'This Idempotency-Key was already used with a different body. Use a new key for a new idea.',
  },
};
