import * as z from 'zod';
import { auditEntrySchema, describes, timestamp } from '#shared/domain/response-schemas.ts';
import type { VerifyResult } from '#shared/services/audit-service.ts';
import type { RouteDoc } from '../route-docs.ts';

const entries = z.int().min(0).meta({ description: 'How many entries were checked.' });

const verifySchema = describes<VerifyResult>()(
  z
    .union([
      z.strictObject({ entries, intact: z.literal(true) }),
      z.strictObject({
        entries,
        intact: z.literal(false),
        firstBroken: z.strictObject({
          index: z.int().min(0),
          at: timestamp.nullable(),
          hash: z.string().nullable(),
          reason: z.enum(['changed', 'unlinked', 'head']),
          entry: auditEntrySchema.nullable(),
        }),
      }),
    ])
    .meta({
      id: 'AuditVerification',
      description: 'The hash chain recomputed: intact, or the first entry that does not match.',
    }),
);

export const doc: RouteDoc = {
  summary: 'Verify the audit trail',
  description:
    'Information governance recomputes the audit trail’s hash chain: `{ "entries": n, "intact": true }`, or `"intact": false` with the first entry that does not match. It takes no parameters.',
  tag: 'Information governance',
  success: { status: 200, description: 'The verdict.', json: verifySchema },
};
