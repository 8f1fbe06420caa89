/**
 * The one path by which information governance rewrites an experiment: retention's anonymisation and
 * a person's erasure both come here, with the pure change from shared/domain/retention.ts. It reads
 * the experiment, applies the change, and saves it with its audit entry, the person references it no
 * longer needs and (when the owner goes) the submission's idempotency record, all in one transaction,
 * reading again when another writer got there first. A change that leaves the experiment as it was
 * writes nothing, so running either again is harmless.
 */
import type { StoredExperiment } from '../../domain/stored-experiment.ts';
import { isPersonId } from '../../domain/stored-experiment.ts';
import type { AuditRecord } from '../../store/audit-store.ts';
import type { ExperimentRecord } from '../../store/experiment-item.ts';
import type { ExperimentStore } from '../../store/experiment-store.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';

export interface Rewrite {
  experiment: StoredExperiment;
  /** People whose reference to this experiment goes. */
  forget: string[];
  /** True when the owner goes, and with them the key of the submission's idempotency record. */
  ownerRemoved: boolean;
}

/** Everyone the experiment names: its owner, deciders, and whoever recorded a cycle or a history entry. */
export const peopleNamedIn = (exp: StoredExperiment): string[] => {
  const ids = [
    exp.owner,
    exp.authorisation?.by,
    exp.decision?.by,
    ...exp.cycles.map((cycle) => cycle.recordedBy),
    ...exp.history.map((entry) => entry.by),
  ];
  return [...new Set(ids.filter(isPersonId))];
};

/** A transaction holds 100 actions; an experiment naming more people than this forgets the rest after. */
const REFERENCES_IN_ONE_WRITE = 80;

export const rewriteExperiment = (
  store: ExperimentStore,
  id: string,
  change: (exp: StoredExperiment) => Rewrite | undefined,
  audit: AuditRecord,
): Promise<{ before: StoredExperiment; rewrite: Rewrite } | undefined> =>
  retryOnConflict(async () => {
    const record: ExperimentRecord | undefined = await store.get(id);
    if (!record) return undefined;
    const before: StoredExperiment = record.experiment;
    const rewrite = change(before);
    if (!rewrite) return undefined;
    const forget = rewrite.forget.slice(0, REFERENCES_IN_ONE_WRITE);
    await store.save(rewrite.experiment, record, {
      audit,
      forget,
      dropSubmissionRecord: rewrite.ownerRemoved,
    });
    const rest = rewrite.forget.slice(REFERENCES_IN_ONE_WRITE);
    if (rest.length > 0) await store.forgetReferences(rest, id);
    return { before, rewrite };
  });
