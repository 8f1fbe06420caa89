import { auditEntrySchema, pageOf } from '#shared/domain/response-schemas.ts';
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'Read the audit trail',
  description:
    'Information governance reads the append-only audit trail, newest first, filtered by `from`, `to`, `actor`, `action` and `target`, paged like the experiment list. With `format=csv`, every matching entry as CSV.',
  tag: 'Information governance',
  success: {
    status: 200,
    description: 'A page of entries (JSON), or with `format=csv` all of them (CSV).',
    json: pageOf(auditEntrySchema, 'AuditPage', 'A page of audit entries, newest first.'),
    csv: 'A header row (at, actor, action, target, outcome, hash, previousHash), then one row an entry.',
  },
};
