import { assess } from '../../domain/assess.ts';
import type { Experiment } from '../../domain/experiment.ts';
import { SYSTEM_ACTOR } from '../../domain/roles.ts';
import { requireDriver } from '../../workflow/continuation.ts';
import type { Timers } from '../../workflow/payloads.ts';
import type { ExperimentDeps } from '../experiments/deps.ts';
import { historyEntry, load, policyOf } from '../experiments/records.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';
import { transition } from '../rights.ts';

/** Ideas of one team racing for its allowance each lose at most once a winner: room for a busy team. */
const ALLOWANCE_RACE_ATTEMPTS = 25;

export interface AssessOutput {
  decision: 'authorised' | 'escalated';
  timers: Timers;
}

/** The execution running the task: its ARN and start (`$$.Execution`). */
export interface ExecutionContext {
  arn: string;
  startedAt: string;
}

/**
 * Task "Assess": runs the card against the experiment's own policy version (with its team's own limits
 * where that version gives the team any) and records the answer in
 * one conditional write. Run again (Step Functions runs tasks at least once), it reports the answer given.
 * The same write records the first execution as the one that drives the experiment, so the submission
 * itself writes nothing more.
 */
export const assessTask =
  (deps: ExperimentDeps) =>
  (id: string, execution?: ExecutionContext): Promise<AssessOutput> =>
    retryOnConflict(async () => {
      const record = await load(deps.store, id);
      const exp = record.experiment;
      requireDriver(exp, execution?.arn);
      const policy = await policyOf(deps.policies, exp);
      if (exp.status !== 'assessing') {
        return {
          decision: exp.assessment?.decision ?? 'escalated',
          timers: deps.timers.timersFor(exp, policy),
        };
      }
      const now = deps.now();
      const at = now.toISOString();
      // The allowance is checked against the balance read now; if another idea draws first, the draw's
      // condition fails, nothing is written, and this runs again against the balance as it then is.
      const { assessment, draw, use } = await deps.allowance.apply({
        exp,
        extraCost: exp.card.extraCost,
        covered: exp.allowance?.covered ?? 0,
        assessment: assess(exp.card, policy, exp.team),
        at: now,
      });
      const next: Experiment = {
        ...exp,
        assessment: { ...assessment, assessedAt: at },
        updatedAt: at,
        ...(use ? { allowance: use } : {}),
        ...(exp.execution || !execution
          ? {}
          : { execution: { arn: execution.arn, generation: 0, startedAt: execution.startedAt } }),
      };
      if (assessment.decision === 'authorised') {
        next.status = transition(exp, 'authoriseByCard', SYSTEM_ACTOR);
        next.authorisation = { by: SYSTEM_ACTOR.id, at };
        next.reviewBy = deps.timers.reviewDate(exp, at);
        next.history = [...exp.history, historyEntry(at, SYSTEM_ACTOR, 'authorised', next.status)];
      } else {
        next.status = transition(exp, 'escalateByCard', SYSTEM_ACTOR);
        next.escalatedAt = at;
        next.deadlineAt = deps.timers.deadlineAt(at, policy);
        next.everEscalated = true;
        next.history = [
          ...exp.history,
          historyEntry(at, SYSTEM_ACTOR, 'escalated', next.status, undefined, {
            reasons: assessment.reasons,
          }),
        ];
      }
      await deps.store.save(next, record, draw ? { draw } : {});
      return { decision: assessment.decision, timers: deps.timers.timersFor(next, policy) };
    }, ALLOWANCE_RACE_ATTEMPTS);
