/**
 * Retention, as the scheduled function runs it (hourly in AWS; every few seconds on one machine):
 * closed experiments whose `retainUntil` has passed are anonymised, found through the sparse retention
 * index (no scan), and audit entries older than `auditRetentionMonths` are removed oldest first with
 * the chain's anchor moved in the same write. Safe to run at any time and as often as wanted: an
 * experiment already anonymised, or not yet due, is left alone.
 */
import { anonymise, isDueForAnonymisation, retainUntil } from '../../domain/retention.ts';
import type { AuditQueries } from '../../store/audit-queries.ts';
import type { PageKey } from '../../store/experiment-queries.ts';
import type { ExperimentStore } from '../../store/experiment-store.ts';
import { peopleNamedIn, rewriteExperiment } from './anonymiser.ts';

/** Who the audit trail names as anonymising: nobody asked, the retention schedule did. */
export const RETENTION_ACTOR = 'system';

export interface RetentionDeps {
  store: ExperimentStore;
  auditQueries: AuditQueries;
  auditRetentionMonths: number;
  now: () => Date;
}

export interface RetentionRun {
  anonymised: number;
  auditEntriesRemoved: number;
  /** True when the time budget ran out with more to do: the next run carries on. */
  more: boolean;
}

export const retentionTask =
  (deps: RetentionDeps) =>
  async (budgetMs = 240_000): Promise<RetentionRun> => {
    const started = Date.now();
    const at = deps.now().toISOString();
    const { store } = deps;
    let anonymised = 0;
    let startKey: PageKey | undefined;
    do {
      const page = await store.query(store.patterns.retention(), {
        newestFirst: false,
        limit: 100,
        sortBetween: ['0', `${at}#~`],
        startKey,
      });
      for (const exp of page.items) {
        if (Date.now() - started > budgetMs) return { anonymised, auditEntriesRemoved: 0, more: true };
        const done = await rewriteExperiment(
          store,
          exp.id,
          (current) =>
            isDueForAnonymisation(current, at)
              ? { experiment: anonymise(current, at), forget: peopleNamedIn(current), ownerRemoved: true }
              : undefined,
          { actor: RETENTION_ACTOR, action: 'anonymisation', target: exp.id, outcome: 'done' },
        );
        if (done) anonymised++;
      }
      startKey = page.lastKey;
    } while (startKey);
    // Months back from now, as retainUntil counts them forward.
    const auditCutoff = retainUntil(at, { months: -deps.auditRetentionMonths });
    const auditEntriesRemoved = await deps.auditQueries.prune(auditCutoff);
    return { anonymised, auditEntriesRemoved, more: false };
  };
