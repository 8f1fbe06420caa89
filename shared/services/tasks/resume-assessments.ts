import type { ExperimentDeps } from '../experiments/deps.ts';

/**
 * After a crash between storing a submission and starting its workflow, start it now. Safe at any time:
 * a start for an experiment that already has its execution is a no-op. Returns how many it started.
 */
export const resumeAssessmentsTask =
  (deps: ExperimentDeps) =>
  async (olderThanSeconds = 0): Promise<number> => {
    const cutoff = new Date(deps.now().getTime() - olderThanSeconds * 1000).toISOString();
    let resumed = 0;
    for await (const page of deps.store.each(deps.store.patterns.pendingAssessment(), {
      newestFirst: false,
    })) {
      for (const exp of page) {
        if (exp.failure || exp.createdAt > cutoff) continue;
        await deps.workflow.start(exp.id);
        resumed++;
      }
    }
    return resumed;
  };
