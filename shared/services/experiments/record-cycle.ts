import { assess } from '../../domain/assess.ts';
import type { Policy } from '../../domain/card.ts';
import type { Cycle, Experiment } from '../../domain/experiment.ts';
import { CYCLE_TEXT_PATHS } from '../../domain/personal-details.ts';
import { retainUntil } from '../../domain/retention.ts';
import { SYSTEM_ACTOR } from '../../domain/roles.ts';
import type { CycleRequest } from '../../domain/schemas.ts';
import type { AllowanceDraw } from '../../store/allowance-store.ts';
import { type CycleOutput, cycleOutput } from '../../workflow/payloads.ts';
import { retryOnConflict } from '../retry-on-conflict.ts';
import { requireRight, transition } from '../rights.ts';
import type { User } from '../user.ts';
import type { ExperimentDeps } from './deps.ts';
import { type FreeTextWarnings, refuseIdentifyingText } from './free-text.ts';
import { historyEntry, policyOf, refusedChangesAudited, saveChange, visible } from './records.ts';

const newCycle = (exp: Experiment, body: CycleRequest, user: User, at: string): Cycle => ({
  number: exp.cycles.length + 1,
  result: body.result,
  observed: body.observed,
  learned: body.learned,
  next: body.next,
  recordedAt: at,
  recordedBy: user.id,
  ...(body.changes ? { changes: body.changes } : {}),
  incident: body.incident,
  ...(body.incidentDetail === undefined ? {} : { incidentDetail: body.incidentDetail }),
});

/**
 * The experiment with the cycle recorded. `adapt` with changes re-assesses the whole changed card
 * against the experiment's own policy version, with its team's own limits there: inside the card, testing goes on with the new answers;
 * outside it, the experiment is escalated again and waits for a manager before the next cycle.
 */
const withCycle = async (
  deps: ExperimentDeps,
  exp: Experiment,
  body: CycleRequest,
  user: User,
  policy: Policy,
) => {
  const now = deps.now();
  const at = now.toISOString();
  let draw: AllowanceDraw | undefined;
  const cycle = newCycle(exp, body, user, at);
  const next: Experiment = { ...exp, cycles: [...exp.cycles, cycle], updatedAt: at };
  let status = transition(exp, 'recordCycle', user, { next: body.next });
  if (body.next === 'adapt' && body.changes) {
    const card = { ...exp.card, ...body.changes };
    // Only the increase over what was authorised before draws, and only if the card authorises it.
    const applied = await deps.allowance.apply({
      exp,
      extraCost: card.extraCost,
      covered: exp.allowance?.covered ?? 0,
      assessment: assess(card, policy, exp.team),
      at: now,
    });
    draw = applied.draw;
    if (applied.use) next.allowance = applied.use;
    const assessment = { ...applied.assessment, assessedAt: at };
    cycle.assessment = assessment;
    next.card = card;
    next.assessment = assessment;
    if (assessment.decision === 'escalated') {
      // Counted first, so an approval of this re-escalation returns the experiment to testing.
      status = transition(next, 'escalateOnChange', user);
      next.escalatedAt = at;
      next.deadlineAt = deps.timers.deadlineAt(at, policy);
      next.everEscalated = true;
      next.raisedToLeaders = false;
    }
  }
  next.status = status;
  if (status === 'adopted' || status === 'abandoned') {
    next.closedAt = at;
    next.retainUntil = retainUntil(at, deps.retention);
  }
  // Codes, not words: each page words the entries in its own language (presenters.ts).
  const test = { cycle: cycle.number };
  next.history = [
    ...exp.history,
    historyEntry(at, user, 'cycleRecorded', status, undefined, test),
    ...(status === 'escalated'
      ? [
          historyEntry(at, SYSTEM_ACTOR, 'escalated', status, undefined, {
            ...test,
            reasons: next.assessment?.reasons,
          }),
        ]
      : []),
  ];
  return { next, cycle, draw };
};

/**
 * The owner records a test cycle (a learning card). Whether the caller may see the experiment (404) and
 * is its owner (403) is settled before `readBody` is called, and either refusal is recorded in the audit
 * trail. Free text that identifies someone is refused (400) before anything is stored. The cycle is
 * stored with an optimistic lock and its audit entry in one transaction, then handed to the workflow's
 * wait for the next cycle.
 */
export const recordCycleUseCase =
  (deps: ExperimentDeps) =>
  async (user: User, id: string, readBody: () => CycleRequest): Promise<Experiment & FreeTextWarnings> => {
    let body: CycleRequest | undefined;
    let warnings: FreeTextWarnings = {};
    const { next, seen, output } = await retryOnConflict(async () => {
      const record = await visible(deps, user, id, 'change');
      const exp = record.experiment;
      await refusedChangesAudited(deps.audit, user, id, () => requireRight(exp, 'recordCycle', user));
      if (!body) {
        body = readBody();
        warnings = refuseIdentifyingText(body, CYCLE_TEXT_PATHS, deps.now());
      }
      const policy = await policyOf(deps.policies, exp);
      const changed = await withCycle(deps, exp, body, user, policy);
      await saveChange(deps, user, changed.next, record, {
        audit: { actor: user.id, action: 'cycle', target: id, outcome: 'done' },
        names: [user.id],
        ...(changed.draw ? { draw: changed.draw } : {}),
      });
      const out: CycleOutput = cycleOutput(changed.cycle, deps.timers.timersFor(changed.next, policy));
      return { next: changed.next, seen: exp.cycles.length, output: out };
    });
    // An adoption is told to the team's managers by the workflow (NotifyAdoption), retried like every message.
    await deps.tokens.answerWaiting(id, { kind: 'cycle', seen }, output);
    return { ...next, ...warnings };
  };
