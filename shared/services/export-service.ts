import type { Experiment } from '../domain/experiment.ts';
import { ForbiddenError } from '../errors.ts';
import type { ExperimentStore } from '../store/experiment-store.ts';
import { csvRow } from './csv.ts';
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
      ? exp.authorisation.by === 'card'
        ? 'card'
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
    if (!user.roles.includes('leader')) throw new ForbiddenError('Only leaders export the experiment log.');
    yield csvRow([...EXPORT_COLUMNS]);
    let cursor: string | undefined;
    do {
      const page = await deps.store.query(deps.store.patterns.log(), {
        newestFirst: true,
        limit: 100,
        cursor,
      });
      for (const exp of page.items) yield row(exp);
      cursor = page.next ?? undefined;
    } while (cursor);
  },
});
