import { randomUUID } from 'node:crypto';
import type { Experiment } from '../../domain/experiment.ts';
import { SUBMISSION_TEXT_PATHS } from '../../domain/personal-details.ts';
import type { Submission } from '../../domain/schemas.ts';
import { IdempotencyMismatchError } from '../../errors.ts';
import { canonicalHash } from '../canonical-hash.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';
import { requirePermission } from '../rights.ts';
import type { User } from '../user.ts';
import { assessmentWaiter } from './await-assessment.ts';
import type { ExperimentDeps } from './deps.ts';
import { type FreeTextWarnings, refuseIdentifyingText } from './free-text.ts';
import { historyEntry, load } from './records.ts';

const newExperiment = (user: User, body: Submission, policyVersion: number, at: string): Experiment => ({
  id: randomUUID(),
  title: body.title,
  problem: body.problem,
  hypothesis: body.hypothesis,
  card: body.card,
  team: user.team,
  owner: user.id,
  ownerName: user.name,
  createdAt: at,
  updatedAt: at,
  status: 'assessing',
  policyVersion,
  raisedToLeaders: false,
  everEscalated: false,
  cycles: [],
  history: [historyEntry(at, user, 'submitted', 'assessing')],
});

/**
 * Staff submit an idea: it is stored with its Idempotency-Key in one transaction, its workflow is
 * started, and the answer comes back within the request when the card gives it in time. The same key
 * with the same body answers with the same experiment; with another body, 422.
 */
export const submitUseCase = (deps: ExperimentDeps) => {
  const awaitAssessment = assessmentWaiter({
    waitMs: deps.submitWaitMs,
    read: async (id) => (await load(deps.store, id)).experiment,
  });

  const answer = async (user: User, key: string, body: Submission): Promise<Experiment> => {
    const bodyHash = canonicalHash(body);
    // Read at most a couple of seconds ago: see policyStore.recent.
    const policy = await deps.policies.recent();
    const exp = newExperiment(user, body, policy.version, deps.now().toISOString());
    const outcome = await retryOnConflict(() => deps.store.create(exp, { owner: user.id, key, bodyHash }));
    if (outcome.created) {
      await deps.workflow.start(exp.id);
      return awaitAssessment(exp);
    }
    if (outcome.existing.bodyHash !== bodyHash) {
      throw new IdempotencyMismatchError(
        'This Idempotency-Key was already used for a different submission. Use a new key for a new idea.',
      );
    }
    const existing = (await load(deps.store, outcome.existing.experimentId)).experiment;
    // The first request may have crashed between storing and starting: starting again is safe.
    if (existing.status === 'assessing' && !existing.failure) await deps.workflow.start(existing.id);
    return awaitAssessment(existing);
  };

  /**
   * Free text that identifies someone is refused before anything is stored, so a retry with the same
   * key and body is refused the same way. Warnings come from the body alone, so a repeated request
   * answers with the same ones; they are not stored with the experiment.
   */
  return async (user: User, key: string, body: Submission): Promise<Experiment & FreeTextWarnings> => {
    requirePermission(user, 'submitIdeas');
    const warnings = refuseIdentifyingText(body, SUBMISSION_TEXT_PATHS, deps.now());
    return { ...(await answer(user, key, body)), ...warnings };
  };
};
