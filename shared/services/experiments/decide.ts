import { coverAllowsDecide } from '../../domain/cover.ts';
import type { DecisionRecord, Experiment } from '../../domain/experiment.ts';
import { DECISION_TEXT_PATHS } from '../../domain/personal-details.ts';
import { retainUntil } from '../../domain/retention.ts';
import type { DecisionRequest } from '../../domain/schemas.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';
import { mayTakeAction, requireRight, transition } from '../rights.ts';
import type { User } from '../user.ts';
import type { ExperimentDeps } from './deps.ts';
import { type FreeTextWarnings, refuseIdentifyingText } from './free-text.ts';
import { historyEntry, refusedChangesAudited, saveChange, visible } from './records.ts';

const decided = (
  deps: ExperimentDeps,
  exp: Experiment,
  user: User,
  body: DecisionRequest,
  asCoverFor: string | undefined,
): Experiment => {
  const status = transition(exp, body.outcome, user);
  const at = deps.now().toISOString();
  const decision: DecisionRecord = {
    outcome: body.outcome,
    by: user.id,
    byName: user.name,
    at,
    ...(body.reason ? { reason: body.reason } : {}),
    ...(body.conditions ? { conditions: body.conditions } : {}),
  };
  const event = body.outcome === 'approve' ? 'approved' : 'declined';
  const next: Experiment = {
    ...exp,
    status,
    decision,
    updatedAt: at,
    history: [
      ...exp.history,
      historyEntry(at, user, event, status, body.reason ?? body.conditions, { asCoverFor }),
    ],
  };
  if (body.outcome === 'approve') {
    next.authorisation = {
      by: user.id,
      byName: user.name,
      at,
      ...(body.conditions ? { conditions: body.conditions } : {}),
    };
    if (exp.cycles.length === 0) next.reviewBy = deps.timers.reviewDate(exp, at);
    // An approved idea never draws, but what it was approved for is covered: a later adapt draws only above it.
    if (exp.allowance) {
      next.allowance = { ...exp.allowance, covered: Math.max(exp.allowance.covered, exp.card.extraCost) };
    }
  } else {
    next.closedAt = at;
    next.retainUntil = retainUntil(at, deps.retention);
  }
  return next;
};

/**
 * Who decides: `user`, or while they cover the experiment's team (and may not decide it by their own
 * right), `user` standing in as a manager of that team. Cover is read only when it could matter.
 */
export const decider = async (deps: ExperimentDeps, user: User, exp: Experiment) => {
  if (!user.roles.includes('manager') || mayTakeAction(exp, 'approve', user)) return { actor: user };
  const covers = await deps.cover.activeFor(user);
  if (!coverAllowsDecide(user, exp, covers, deps.now())) return { actor: user };
  return { actor: { ...user, team: exp.team }, asCoverFor: exp.team };
};

/**
 * A manager of the team (not the owner) or a leader approves or declines an escalated idea. Whether the
 * caller may see it (404) and may decide it (403) is settled before `readBody` is called, so someone who
 * may not act learns nothing from the body's validation; either refusal is recorded in the audit trail.
 * The decision is stored with an optimistic lock (two deciders at once: one wins, the other gets 409),
 * with its audit entry and the decider's person reference in the same transaction, then handed to the
 * waiting workflow.
 */
export const decideUseCase =
  (deps: ExperimentDeps) =>
  async (user: User, id: string, readBody: () => DecisionRequest): Promise<Experiment & FreeTextWarnings> => {
    let body: DecisionRequest | undefined;
    let warnings: FreeTextWarnings = {};
    const { next, escalatedAt, outcome } = await retryOnConflict(async () => {
      const record = await visible(deps, user, id, 'change');
      const exp = record.experiment;
      // Approving and declining have the same deciders (status.ts), so either settles who may decide.
      const { actor, asCoverFor } = await decider(deps, user, exp);
      await refusedChangesAudited(deps.audit, user, id, () => requireRight(exp, 'approve', actor));
      if (!body) {
        body = readBody();
        warnings = refuseIdentifyingText(body, DECISION_TEXT_PATHS, deps.now());
      }
      const changed = decided(deps, exp, actor, body, asCoverFor);
      await saveChange(deps, user, changed, record, {
        audit: { actor: user.id, action: 'decision', target: id, outcome: 'done' },
        names: [user.id],
      });
      return { next: changed, escalatedAt: exp.escalatedAt ?? '', outcome: body.outcome };
    });
    await deps.tokens.answerWaiting(id, { kind: 'decision', escalatedAt }, { outcome });
    return { ...next, ...warnings };
  };
