import * as z from 'zod';
import { describes } from '#shared/domain/response-schemas.ts';
import type { SessionAdmin } from '#shared/services/session-admin.ts';
import type { RouteDoc } from '../route-docs.ts';

const endedSchema = describes<Awaited<ReturnType<SessionAdmin['endSessionsOf']>>>()(
  z
    .strictObject({ ended: z.int().min(0).meta({ description: 'How many web sessions were ended.' }) })
    .meta({ id: 'SessionsEnded' }),
);

export const doc: RouteDoc = {
  summary: 'End a person’s web sessions',
  description:
    'Leaders and information governance end every web session of a person at once (someone leaves, or a device is lost). A well-formed id with no sessions ends none.',
  tag: 'Information governance',
  success: { status: 200, description: 'How many sessions were ended.', json: endedSchema },
  errors: {
    404: 'The id cannot be a person’s.',
    409: 'Too many changes were being recorded in the audit trail at that moment. Try again in a few seconds.',
  },
};
