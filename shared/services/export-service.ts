import type { Experiment } from '../domain/experiment.ts';
import { SYSTEM_ACTOR } from '../domain/roles.ts';
import type { ExperimentStore } from '../store/experiment-store.ts';
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

const row = (exp: Experiment) =>
  csvRow([
    exp.id,
    exp.title,
    exp.team,
    exp.ownerName,
    exp.createdAt,
    exp.policyVersion,
    exp.assessment?.decision ?? '',
    (exp.assessment?.reasons ?? []).map((r) => r.message).join(' | '),
    exp.authorisation
      ? exp.authorisation.by === SYSTEM_ACTOR.id
        ? SYSTEM_ACTOR.id
        : (exp.authorisation.byName ?? exp.authorisation.by)
      : '',
    exp.authorisation?.at ?? '',
    exp.status,
    exp.cycles.length,
    exp.cycles.at(-1)?.learned ?? '',
    exp.closedAt ?? '',
  ]);

/** The experiment log as CSV for leaders, produced page by page, newest first. */
export const exportService = (deps: { store: ExperimentStore }) => ({
  async *csv(user: User): AsyncGenerator<string> {
    requirePermission(user, 'exportLog');
    yield csvRow([...EXPORT_COLUMNS]);
    for await (const page of deps.store.each(deps.store.patterns.log(), { newestFirst: true })) {
      for (const exp of page) yield row(exp);
    }
  },
});

export type ExportService = ReturnType<typeof exportService>;
