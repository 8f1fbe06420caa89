import { canView } from '../../domain/access.ts';
import type { AllowanceReason } from '../../domain/allowance.ts';
import type { Reason } from '../../domain/assess.ts';
import type { Policy } from '../../domain/card.ts';
import { coverAllowsView } from '../../domain/cover.ts';
import type { Experiment, HistoryEntry, HistoryEvent, ReasonCodes } from '../../domain/experiment.ts';
import type { Status } from '../../domain/status.ts';
import type { StoredExperiment } from '../../domain/stored-experiment.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { ExperimentRecord } from '../../store/experiment-item.ts';
import { type ExperimentStore, PersonErased, type SaveOptions } from '../../store/experiment-store.ts';
import type { PolicyStore } from '../../store/policy-store.ts';
import type { AuditRecorder } from '../audit-service.ts';
import type { CoverLookup } from '../cover-service.ts';
import type { User } from '../user.ts';

/** The experiment as stored, or 404. */
export const load = async (store: ExperimentStore, id: string): Promise<ExperimentRecord> => {
  const record = await store.get(id);
  if (!record) throw new NotFoundError();
  return record;
};

/** Why someone erased since they signed in can change nothing: their records are gone on purpose. */
export const ERASED_REFUSAL =
  'Your records have been erased by information governance, so you cannot change experiments any more.';

/**
 * Saves a change made by `user`. When `user`, or someone the change names, was erased since it was
 * read, nothing is written: the refusal is a 403 and is recorded as a refused change.
 */
export const saveChange = async (
  deps: { store: ExperimentStore; audit: AuditRecorder },
  user: User,
  next: StoredExperiment,
  record: ExperimentRecord,
  opts: SaveOptions,
): Promise<void> => {
  try {
    await deps.store.save(next, record, opts);
  } catch (error) {
    if (!(error instanceof PersonErased)) throw error;
    await refused(deps.audit, user, next.id, 'change', 'forbidden');
    throw new ForbiddenError(ERASED_REFUSAL);
  }
};

/** Reading an experiment, or changing it: which of the two a refused attempt is recorded as. */
export type Intent = 'read' | 'change';

/**
 * The experiment if `user` may see it; an id they may not see is indistinguishable from one that does
 * not exist. Refusing one that exists is recorded in the audit trail (`readRefused`/`changeRefused`,
 * outcome `notFound`) before the 404; an id that names nothing is not.
 */
export const visible = async (
  deps: { store: ExperimentStore; audit: AuditRecorder; cover: CoverLookup; now: () => Date },
  user: User,
  id: string,
  intent: Intent,
): Promise<ExperimentRecord> => {
  const record = await deps.store.get(id);
  if (!record) throw new NotFoundError();
  if (!canView(user, record.experiment) && !(await coverTeam(deps, user, record.experiment))) {
    await refused(deps.audit, user, id, intent, 'notFound');
    throw new NotFoundError();
  }
  return record;
};

/**
 * The team `user` stands in for on this experiment through manager cover running now, if any: they see
 * the team's escalated cases as its manager does (read only when `canView` alone says no).
 */
export const coverTeam = async (
  deps: { cover: CoverLookup; now: () => Date },
  user: User,
  exp: Experiment,
): Promise<string | undefined> => {
  if (!user.roles.includes('manager')) return undefined;
  const covers = await deps.cover.activeFor(user);
  return coverAllowsView(user, exp, covers, deps.now()) ? exp.team : undefined;
};

/** Records a refused attempt on an experiment that exists (403, or 404 for one the caller may not see). */
export const refused = (
  audit: AuditRecorder,
  user: User,
  id: string,
  intent: Intent,
  outcome: 'forbidden' | 'notFound',
): Promise<void> =>
  audit.record({
    actor: user.id,
    action: intent === 'read' ? 'readRefused' : 'changeRefused',
    target: id,
    outcome,
  });

/** `check`, and when it refuses with 403, the refusal recorded as a refused change before it is thrown. */
export const refusedChangesAudited = async (
  audit: AuditRecorder,
  user: User,
  id: string,
  check: () => void,
): Promise<void> => {
  try {
    check();
  } catch (error) {
    if (error instanceof ForbiddenError) await refused(audit, user, id, 'change', 'forbidden');
    throw error;
  }
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
  codes: {
    cycle?: number;
    reasons?: readonly (Reason | AllowanceReason)[];
    asCoverFor?: string;
    field?: string;
  } = {},
): HistoryEntry => ({
  at,
  by: by.id,
  byName: by.name,
  event,
  status,
  ...(detail ? { detail } : {}),
  ...(codes.cycle === undefined ? {} : { cycle: codes.cycle }),
  ...(codes.reasons ? { reasons: codes.reasons.map(reasonCodes) } : {}),
  ...(codes.asCoverFor ? { asCoverFor: codes.asCoverFor } : {}),
  ...(codes.field ? { field: codes.field } : {}),
});

/** A reason without its English words. */
export const reasonCodes = (reason: Reason | AllowanceReason): ReasonCodes => {
  const { message: _message, ...codes } = reason;
  return codes;
};
