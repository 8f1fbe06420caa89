/**
 * Work the workflow owes an experiment besides driving it: a serious incident's report (and the revocation
 * of its team's own limits), and the notice to managers that an idea is recommended as normal practice.
 * Both are workflow tasks after the cycle that owes them, so an execution that dies (or is replaced)
 * between the cycle and its task would leave them undone; when that cycle closed the experiment,
 * reconciliation never drives it again. So the change that owes the work writes an item that says so, in
 * the same transaction (experiment-store.ts `save`), the work clears it, and reconciliation does what is
 * still owed when no execution is left to do it (shared/services/tasks/owed-work.ts).
 *
 * An incident's item goes in the same write that notes it reported (`incidentReported`), so the two can
 * never disagree; an adoption's goes once its notice is sent (the notice's dedupe key covers a crash
 * between the two).
 */
import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Cycle, type Experiment, type HistoryEntry, unreportedIncidents } from '../domain/experiment.ts';
import { OWED_WORK_PARTITION, owedWorkKey } from './keys.ts';
import { queryPages } from './query-index.ts';
import { isConditionFailure, type TransactItem } from './transactions.ts';

export type OwedWork =
  | { experimentId: string; kind: 'incident'; cycle: number; at: string }
  | { experimentId: string; kind: 'adoption'; at: string };

/** What an experiment's owed work is read from, as held or as stored. */
type Owing = Pick<Experiment, 'id' | 'status' | 'updatedAt' | 'closedAt'> & {
  cycles: readonly Pick<Cycle, 'number' | 'incident' | 'recordedAt'>[];
  history: readonly Pick<HistoryEntry, 'event' | 'cycle'>[];
};

const workName = (work: OwedWork) => (work.kind === 'incident' ? `incident#${work.cycle}` : 'adoption');

export const owedWorkItemKey = (work: OwedWork) => owedWorkKey(work.at, work.experimentId, workName(work));

const incidentsOwed = (exp: Owing): OwedWork[] =>
  unreportedIncidents(exp).map((cycle) => ({
    experimentId: exp.id,
    kind: 'incident',
    cycle: cycle.number,
    at: cycle.recordedAt,
  }));

/** The adoption notice an experiment owes once it is adopted (its closing cycle's time keys it). */
export const adoptionOwed = (exp: Owing): OwedWork => ({
  experimentId: exp.id,
  kind: 'adoption',
  at: exp.closedAt ?? exp.updatedAt,
});

/**
 * What a change from `previous` to `next` owes or settles: an item for each serious incident it records
 * and for its adoption, and the removal of each incident it notes reported (or no longer holds).
 */
export const owedWorkChanges = (
  previous: Owing | undefined,
  next: Owing,
): { owe: OwedWork[]; settle: OwedWork[] } => {
  const before = previous ? incidentsOwed(previous) : [];
  const after = incidentsOwed(next);
  const has = (list: OwedWork[], work: OwedWork) =>
    list.some((w) => w.kind === 'incident' && work.kind === 'incident' && w.cycle === work.cycle);
  const adopted = next.status === 'adopted' && previous?.status !== 'adopted';
  return {
    owe: [...after.filter((w) => !has(before, w)), ...(adopted ? [adoptionOwed(next)] : [])],
    settle: before.filter((w) => !has(after, w)),
  };
};

/** The transaction's actions for `owedWorkChanges`. */
export const owedWorkItems = (
  tableName: string,
  previous: Owing | undefined,
  next: Owing,
): TransactItem[] => {
  const { owe, settle } = owedWorkChanges(previous, next);
  return [
    ...owe.map((work) => ({
      Put: { TableName: tableName, Item: { ...owedWorkItemKey(work), ...work } },
    })),
    ...settle.map((work) => ({ Delete: { TableName: tableName, Key: owedWorkItemKey(work) } })),
  ];
};

const toOwedWork = (item: Record<string, unknown>): OwedWork | undefined => {
  const { experimentId, kind, at, cycle } = item;
  if (typeof experimentId !== 'string' || typeof at !== 'string') return undefined;
  if (kind === 'adoption') return { experimentId, kind, at };
  if (kind === 'incident' && typeof cycle === 'number') return { experimentId, kind, cycle, at };
  return undefined;
};

export const owedWorkStore = (db: DynamoDBDocumentClient, tableName: string) => ({
  /** Every item of owed work, oldest first: few, since each lives only until its work is done. */
  async owedWork(): Promise<OwedWork[]> {
    const found: OwedWork[] = [];
    const query = {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': OWED_WORK_PARTITION },
      ConsistentRead: true,
    };
    for await (const page of queryPages(db, query)) {
      for (const item of page.Items ?? []) {
        const work = toOwedWork(item);
        if (work) found.push(work);
      }
    }
    return found;
  },

  /**
   * Takes the work for one doer until `until`, unless another holds it now: two rounds of reconciliation
   * at once never both send (GOV.UK Notify's adapter checks its dedupe record before sending, and two
   * senders at the same instant could both pass that check). False when another holds it, or it is done.
   */
  async claimOwedWork(work: OwedWork, now: string, until: string): Promise<boolean> {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: owedWorkItemKey(work),
          UpdateExpression: 'SET claimedUntil = :until',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)',
          ExpressionAttributeValues: { ':until': until, ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** The work is done (or nothing is left to do it for). */
  async settleOwedWork(work: OwedWork): Promise<void> {
    await db.send(new DeleteCommand({ TableName: tableName, Key: owedWorkItemKey(work) }));
  },
});
