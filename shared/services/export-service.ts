import { SYSTEM_ACTOR } from '../domain/roles.ts';
import type { StoredExperiment } from '../domain/stored-experiment.ts';
import type { ExperimentStore } from '../store/experiment-store.ts';
import type { AuditRecorder } from './audit-service.ts';
import { csvRow } from './csv.ts';
import { requirePermission } from './rights.ts';
import type { User } from './user.ts';

export const EXPORT_COLUMNS = [
  'id',
  'title',
  'team',
  'owner',
  'submitted',
  'policy version',
  'decision',
  'reasons',
  'authorised by',
  'authorised at',
  'status',
  'cycles',
  'last learning',
  'closed at',
] as const;

/** Where erasure or retention removed a person's name, the log says someone was there. */
export const FORMER_STAFF = 'A former member of staff';

const authorisedBy = (auth: StoredExperiment['authorisation']): string => {
  if (!auth) return '';
  if (auth.by === SYSTEM_ACTOR.id) return SYSTEM_ACTOR.id;
  return auth.byName ?? auth.by ?? FORMER_STAFF;
};

const row = (exp: StoredExperiment) =>
  csvRow([
    exp.id,
    exp.title,
    exp.team,
    exp.ownerName ?? FORMER_STAFF,
    exp.createdAt,
    exp.policyVersion,
    exp.assessment?.decision ?? '',
    (exp.assessment?.reasons ?? []).map((r) => r.message).join(' | '),
    authorisedBy(exp.authorisation),
    exp.authorisation?.at ?? '',
    exp.status,
    exp.cycles.length,
    exp.cycles.at(-1)?.learned ?? '',
    exp.closedAt ?? '',
  ]);

/**
 * The experiment log as CSV for leaders, produced page by page, newest first. Each export is an entry
 * in the audit trail. Anonymised experiments are there as such: their counts, dates and learning, with
 * "A former member of staff" where a name was.
 */
export const exportService = (deps: { store: ExperimentStore; audit: AuditRecorder }) => ({
  async *csv(user: User): AsyncGenerator<string> {
    requirePermission(user, 'exportLog');
    await deps.audit.record({ actor: user.id, action: 'csvExport', target: null, outcome: 'done' });
    yield csvRow([...EXPORT_COLUMNS]);
    for await (const page of deps.store.each(deps.store.patterns.log(), { newestFirst: true })) {
      for (const exp of page) yield row(exp);
    }
  },
});

export type ExportService = ReturnType<typeof exportService>;
