import { canView } from '../../domain/access.ts';
import type { Reason } from '../../domain/assess.ts';
import type { Policy } from '../../domain/card.ts';
import type { Experiment, HistoryEntry, HistoryEvent, ReasonCodes } from '../../domain/experiment.ts';
import type { Status } from '../../domain/status.ts';
import { NotFoundError } from '../../errors.ts';
import type { ExperimentRecord } from '../../store/experiment-item.ts';
import type { ExperimentStore } from '../../store/experiment-store.ts';
import type { PolicyStore } from '../../store/policy-store.ts';
import type { User } from '../user.ts';

/** The experiment as stored, or 404. */
export const load = async (store: ExperimentStore, id: string): Promise<ExperimentRecord> => {
  const record = await store.get(id);
  if (!record) throw new NotFoundError();
  return record;
};

/** The experiment if `user` may see it; an id they may not see is indistinguishable from one that does not exist. */
export const visible = async (store: ExperimentStore, user: User, id: string): Promise<ExperimentRecord> => {
  const record = await store.get(id);
  if (!record || !canView(user, record.experiment)) throw new NotFoundError();
  return record;
};

/** The policy version the experiment was judged by: published versions never change or go away. */
export const policyOf = async (policies: PolicyStore, exp: Experiment): Promise<Policy> => {
  const policy = await policies.get(exp.policyVersion);
  if (!policy) throw new Error(`Policy version ${exp.policyVersion} is missing`);
  return policy;
};

/**
 * One line of an experiment's history, written in the same item write as the change it records. `detail`
 * is for words a person wrote; what the service says itself goes in `codes`, for the pages to word.
 */
export const historyEntry = (
  at: string,
  by: { id: string; name: string },
  event: HistoryEvent,
  status: Status,
  detail?: string,
  codes: { cycle?: number; reasons?: readonly Reason[] } = {},
): HistoryEntry => ({
  at,
  by: by.id,
  byName: by.name,
  event,
  status,
  ...(detail ? { detail } : {}),
  ...(codes.cycle === undefined ? {} : { cycle: codes.cycle }),
  ...(codes.reasons ? { reasons: codes.reasons.map(reasonCodes) } : {}),
});

/** A reason without its English words. */
export const reasonCodes = ({ message: _message, ...codes }: Reason): ReasonCodes => codes;
