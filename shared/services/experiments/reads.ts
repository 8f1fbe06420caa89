import { seesWholeLog } from '../../domain/access.ts';
import type { Experiment } from '../../domain/experiment.ts';
import type { ListQuery } from '../../domain/schemas.ts';
import { ValidationError } from '../../errors.ts';
import type { ListFilters } from '../../store/experiment-queries.ts';
import type { CursorBinding } from '../cursors.ts';
import { requirePermission } from '../rights.ts';
import type { User } from '../user.ts';
import type { ExperimentDeps } from './deps.ts';
import { type Intent, refused, visible } from './records.ts';

/** A page of a list: `next` is the opaque cursor of the following page, null on the last. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** Dates as the spec reads them in every filter: `to` includes the whole day it names. */
export const dateRange = (query: { from?: string | undefined; to?: string | undefined }) => {
  const from = query.from ? new Date(query.from).toISOString() : undefined;
  const to = query.to
    ? query.to.length === 10
      ? `${query.to}T23:59:59.999Z`
      : new Date(query.to).toISOString()
    : undefined;
  if (from && to && from > to) {
    throw new ValidationError('The start date must be on or before the end date.', [
      { path: 'from', message: 'The start date must be on or before the end date' },
    ]);
  }
  return { from, to };
};

/** Staff see their own experiments; leaders see the whole log and may filter it by team. */
const filtersFor = (user: User, query: ListQuery): Omit<ListFilters, 'limit' | 'startKey'> => {
  const wholeLog = seesWholeLog(user);
  const { from, to } = dateRange(query);
  return {
    scope: wholeLog ? 'log' : { owner: user.id },
    status: query.status,
    team: wholeLog ? query.team : undefined,
    word: query.q?.toLowerCase(),
    createdFrom: from,
    createdTo: to,
  };
};

/** What a cursor is bound to: the person, and the list and filters they asked for. */
const bindingOf = (user: User, filters: Omit<ListFilters, 'limit' | 'startKey'>): CursorBinding => ({
  user: user.id,
  scope: filters.scope === 'log' ? 'log' : 'own',
  status: filters.status,
  team: filters.team,
  word: filters.word,
  from: filters.createdFrom,
  to: filters.createdTo,
});

export const experimentReads = (deps: ExperimentDeps) => ({
  async get(user: User, id: string): Promise<Experiment> {
    return (await visible(deps, user, id, 'read')).experiment;
  },

  /**
   * Records that `user` was refused, before any use case ran, a page or route about the experiment
   * `id` (a member of staff opening a manager's case page): if it exists, as a refused read or change
   * with outcome `forbidden`, like every other refusal; an id that names nothing is not recorded.
   */
  async refusedBeforehand(user: User, id: string, intent: Intent): Promise<void> {
    if (await deps.store.get(id)) await refused(deps.audit, user, id, intent, 'forbidden');
  },

  /** The experiment list, newest first, a page at a time. */
  async list(user: User, query: ListQuery): Promise<Page<Experiment>> {
    const filters = filtersFor(user, query);
    const binding = bindingOf(user, filters);
    const startKey = await deps.cursors.decode(query.cursor, binding);
    const page = await deps.store.list({ ...filters, limit: query.limit ?? 20, startKey });
    return { items: page.items, next: await deps.cursors.encode(page.lastKey, binding) };
  },

  /**
   * Ideas waiting for this manager or leader, oldest first: a manager's team's escalations, and for
   * leaders every escalation raised past its deadline. Never their own, which they cannot decide.
   */
  async queue(user: User): Promise<Page<Experiment>> {
    requirePermission(user, 'decideIdeas');
    const { store } = deps;
    const pages = await Promise.all([
      user.roles.includes('manager')
        ? store.query(store.patterns.teamQueue(user.team), { newestFirst: false, limit: 100 })
        : undefined,
      user.roles.includes('leader')
        ? store.query(store.patterns.leaderQueue(), { newestFirst: false, limit: 100 })
        : undefined,
    ]);
    const byId = new Map<string, Experiment>();
    for (const page of pages)
      for (const exp of page?.items ?? []) if (exp.owner !== user.id) byId.set(exp.id, exp);
    const items = [...byId.values()].sort((a, b) => (a.escalatedAt ?? '').localeCompare(b.escalatedAt ?? ''));
    return { items, next: null };
  },
});
