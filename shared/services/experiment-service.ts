import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { canDecide, canView } from '../domain/access.ts';
import { assess } from '../domain/assess.ts';
import type { Policy } from '../domain/card.ts';
import type {
  Cycle,
  CycleNext,
  DecisionRecord,
  Experiment,
  HistoryEntry,
  HistoryEvent,
} from '../domain/experiment.ts';
import type { CycleRequest, DecisionRequest, ListQuery, Submission } from '../domain/schemas.ts';
import { type Action, checkTransition, type Status, SYSTEM_ACTOR } from '../domain/status.ts';
import {
  ConflictError,
  ForbiddenError,
  IdempotencyMismatchError,
  NotFoundError,
  ValidationError,
} from '../errors.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { sfnApi } from '../store/clients.ts';
import type { ExperimentRecord, ExperimentStore, Page } from '../store/experiment-store.ts';
import type { PolicyStore } from '../store/policy-store.ts';
import { canonicalHash } from './canonical-hash.ts';
import { retryOnConflict } from './retry-on-conflict.ts';
import type { User } from './user.ts';

const DAY = 24 * 3600;
/** Bounds of the learnt wait before a new submission is first read back (see awaitAssessment). */
const FIRST_READ_MS = { start: 10, min: 2, max: 1000 } as const;
const SYSTEM = { id: 'card', name: 'The prompt card' } as const;

export interface WaitTimes {
  timeoutSeconds: number;
  heartbeatSeconds: number;
}

export interface Timers {
  decision: WaitTimes;
  review: WaitTimes;
}

/** Workflow payload answering a cycle task token. */
export interface CycleOutput {
  number: number;
  next: CycleNext;
  escalated: boolean;
  timers: Timers;
}

/** After the review date has passed, the owner is reminded weekly until they record a cycle. */
const REMINDER_INTERVAL_SECONDS = 7 * 24 * 3600;
/** A review date already passed (or about to) still gets a moment before the first reminder. */
const REMINDER_FLOOR_SECONDS = 60;

export interface ServiceDeps {
  store: ExperimentStore;
  policies: PolicyStore;
  /** Created on first use (see store/clients.ts). */
  sfn: () => Promise<SFNClient>;
  notifier: Notifier;
  stateMachineArn: string;
  decisionDeadlineSeconds: number | undefined;
  reviewPeriodSeconds?: number | undefined;
  submitWaitMs: number;
  publicUrl: string;
  now?: () => Date;
}

/** Workflow payload answering a decision task token. */
export interface DecisionOutput {
  outcome: DecisionRecord['outcome'];
}

const isTokenGone = (error: unknown) =>
  error instanceof Error && ['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist'].includes(error.name);

export const experimentService = (deps: ServiceDeps) => {
  const { store, policies, sfn, notifier } = deps;
  const now = deps.now ?? (() => new Date());

  const entry = (
    by: { id: string; name: string },
    event: HistoryEvent,
    status: Status,
    detail?: string,
  ): HistoryEntry => ({
    at: now().toISOString(),
    by: by.id,
    byName: by.name,
    event,
    status,
    ...(detail ? { detail } : {}),
  });

  const deadlineSeconds = (policy: Policy) =>
    deps.decisionDeadlineSeconds ?? policy.decisionDeadlineDays * DAY;
  const reviewSeconds = (exp: Experiment) => deps.reviewPeriodSeconds ?? exp.card.durationWeeks * 7 * DAY;
  const reminderSeconds = deps.reviewPeriodSeconds ?? REMINDER_INTERVAL_SECONDS;
  const reviewDate = (exp: Experiment, from: string) =>
    new Date(Date.parse(from) + reviewSeconds(exp) * 1000).toISOString();

  /**
   * A task-token wait. Nothing heartbeats a human decision, so the heartbeat sits just inside the
   * timeout: either limit passing means the same thing to the workflow, a deadline.
   */
  const waitTimes = (seconds: number): WaitTimes => {
    const timeoutSeconds = Math.max(1, Math.ceil(seconds));
    return { timeoutSeconds, heartbeatSeconds: Math.max(1, timeoutSeconds - 1) };
  };

  /** The waits ahead of an experiment: a manager's deadline, and the time left to its review date. */
  const timersFor = (exp: Experiment, policy: Policy, reviewAfterSeconds?: number): Timers => {
    const untilReview = exp.reviewBy
      ? (Date.parse(exp.reviewBy) - now().getTime()) / 1000
      : reviewSeconds(exp);
    return {
      decision: waitTimes(deadlineSeconds(policy)),
      review: waitTimes(
        reviewAfterSeconds ?? Math.max(Math.min(REMINDER_FLOOR_SECONDS, reminderSeconds), untilReview),
      ),
    };
  };

  const policyOf = async (exp: Experiment): Promise<Policy> => {
    const policy = await policies.get(exp.policyVersion);
    if (!policy) throw new Error(`Policy version ${exp.policyVersion} is missing`);
    return policy;
  };

  const load = async (id: string): Promise<ExperimentRecord> => {
    const record = await store.get(id);
    if (!record) throw new NotFoundError();
    return record;
  };

  const visible = async (user: User, id: string): Promise<ExperimentRecord> => {
    const record = await store.get(id);
    // An id the caller may not see is indistinguishable from one that does not exist.
    if (!record || !canView(user, record.experiment)) throw new NotFoundError();
    return record;
  };

  const transition = (
    exp: Experiment,
    action: Action,
    actor: User | typeof SYSTEM,
    opts?: { next?: CycleNext },
  ) => {
    const result = checkTransition(
      { status: exp.status, owner: exp.owner, team: exp.team, cycleCount: exp.cycles.length },
      action,
      // The status rules recognise the workflow by the one SYSTEM_ACTOR object, so nobody can forge it.
      'roles' in actor ? actor : SYSTEM_ACTOR,
      opts,
    );
    if (!result.ok) {
      if (result.refusal === 'forbidden') throw new ForbiddenError(result.reason);
      throw new ConflictError(result.reason);
    }
    return result.to;
  };

  const sendTaskSuccess = async (taskToken: string, output: unknown) => {
    const [client, { SendTaskSuccessCommand }] = await Promise.all([sfn(), sfnApi()]);
    await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  };

  const startExecution = async (exp: Experiment) => {
    // The execution is named after the experiment and its input never varies, so a duplicate start is
    // harmless: a no-op while it runs, and ExecutionAlreadyExists once it has finished.
    try {
      const [client, { StartExecutionCommand }] = await Promise.all([sfn(), sfnApi()]);
      await client.send(
        new StartExecutionCommand({
          stateMachineArn: deps.stateMachineArn,
          name: exp.id,
          input: JSON.stringify({ experimentId: exp.id }),
        }),
      );
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ExecutionAlreadyExists')) throw error;
    }
  };

  /**
   * When to read a new submission for the first time, learnt from the submissions before it: each read
   * that finds the answer already in moves it a little earlier, each that comes too soon moves it later,
   * so about half the first reads find the answer (in AWS, where a Lambda task takes longer, it settles
   * later); the rest are followed by short reads a tenth of that wait apart, growing slowly. Waiting for
   * four in five wasted more time than the extra reads cost: measured back to back, 27.7 against 24.3
   * submissions a second at concurrency 1 and 44.6 against 42.8 at 8. A read that comes too soon only
   * costs a strongly consistent GetItem.
   */
  let firstReadMs: number = FIRST_READ_MS.start;
  const learnFirstRead = (answered: boolean) => {
    firstReadMs = answered
      ? Math.max(FIRST_READ_MS.min, firstReadMs * 0.95)
      : Math.min(FIRST_READ_MS.max, firstReadMs * 1.05);
  };

  /**
   * The card answers within the request on the automatic path; wait briefly for the workflow's answer.
   * `known` is the experiment as last read or written here: a new one is still `assessing`.
   */
  const awaitAssessment = async (known: Experiment): Promise<Experiment> => {
    const settled = (e: Experiment) => e.status !== 'assessing' || Boolean(e.failure);
    if (settled(known)) return known;
    const deadline = Date.now() + deps.submitWaitMs;
    const first = firstReadMs;
    let delay = first;
    for (let reads = 0; ; reads++) {
      await sleep(Math.max(0, Math.min(delay, deadline - Date.now())));
      const { experiment } = await load(known.id);
      if (reads === 0) learnFirstRead(settled(experiment));
      if (settled(experiment) || Date.now() >= deadline) return experiment;
      delay = reads === 0 ? Math.max(2, first * 0.1) : Math.min(delay * 1.3, Math.max(50, first / 2));
    }
  };

  /**
   * A wait answering its own token because the change it waits for is already stored. The writer of that
   * change may have found the token and answered first: the token is then used, and that is fine.
   */
  const answerOwnToken = async (taskToken: string, output: DecisionOutput | CycleOutput) => {
    try {
      await sendTaskSuccess(taskToken, output);
    } catch (error) {
      if (!isTokenGone(error)) throw error;
    }
  };

  const decisionOutput = (exp: Experiment): DecisionOutput | undefined =>
    exp.decision ? { outcome: exp.decision.outcome } : undefined;

  const cycleOutput = (exp: Experiment, cycle: Cycle, policy: Policy): CycleOutput => ({
    number: cycle.number,
    next: cycle.next,
    escalated: cycle.assessment?.decision === 'escalated',
    timers: timersFor(exp, policy),
  });

  return {
    async submit(user: User, key: string, body: Submission): Promise<Experiment> {
      if (!user.roles.includes('staff') && !user.roles.includes('manager')) {
        throw new ForbiddenError('Only frontline staff and managers submit ideas.');
      }
      const bodyHash = canonicalHash(body);
      // Read at most a couple of seconds ago: see policyStore.recent.
      const policy = await policies.recent();
      const at = now().toISOString();
      const exp: Experiment = {
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
        policyVersion: policy.version,
        raisedToLeaders: false,
        everEscalated: false,
        cycles: [],
        history: [entry(user, 'submitted', 'assessing')],
      };
      const outcome = await retryOnConflict(() => store.create(exp, { owner: user.id, key, bodyHash }));
      if (outcome.created) {
        await startExecution(exp);
        return awaitAssessment(exp);
      }
      if (outcome.existing.bodyHash !== bodyHash) {
        throw new IdempotencyMismatchError(
          'This Idempotency-Key was already used for a different submission. Use a new key for a new idea.',
        );
      }
      const existing = await load(outcome.existing.experimentId);
      // The first request may have crashed between storing and starting: starting again is safe.
      if (existing.experiment.status === 'assessing' && !existing.experiment.failure)
        await startExecution(existing.experiment);
      return awaitAssessment(existing.experiment);
    },

    async get(user: User, id: string): Promise<Experiment> {
      return (await visible(user, id)).experiment;
    },

    async list(user: User, query: ListQuery): Promise<Page<Experiment>> {
      const leader = user.roles.includes('leader');
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const clauses: string[] = [];
      if (query.status) {
        names['#status'] = 'status';
        values[':status'] = query.status;
        clauses.push('#status = :status');
      }
      if (leader && query.team) {
        names['#team'] = 'team';
        values[':team'] = query.team;
        clauses.push('#team = :team');
      }
      if (query.q) {
        names['#search'] = 'search';
        values[':q'] = query.q.toLowerCase();
        clauses.push('contains(#search, :q)');
      }
      const from = query.from ? new Date(query.from).toISOString() : undefined;
      const to = query.to
        ? query.to.length === 10
          ? `${query.to}T23:59:59.999Z`
          : new Date(query.to).toISOString()
        : undefined;
      if (from && to && from > to) {
        throw new ValidationError('The start date must be on or before the end date.', [
          { path: 'from', message: 'The start date must be on or before the end date' },
        ]);
      }
      const pattern = leader ? store.patterns.log() : store.patterns.ownerList(user.id);
      return store.query(pattern, {
        newestFirst: true,
        limit: query.limit ?? 20,
        cursor: query.cursor,
        ...(from || to ? { sortBetween: [from ?? '0', `${to ?? '9'}~`] as [string, string] } : {}),
        ...(clauses.length > 0
          ? {
              filter: {
                FilterExpression: clauses.join(' AND '),
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            }
          : {}),
      });
    },

    async queue(user: User): Promise<Page<Experiment>> {
      const isManager = user.roles.includes('manager');
      const isLeader = user.roles.includes('leader');
      if (!isManager && !isLeader)
        throw new ForbiddenError('Only managers and leaders have a queue of ideas to decide.');
      const pages = await Promise.all([
        isManager
          ? store.query(store.patterns.teamQueue(user.team), { newestFirst: false, limit: 100 })
          : undefined,
        isLeader ? store.query(store.patterns.leaderQueue(), { newestFirst: false, limit: 100 }) : undefined,
      ]);
      const byId = new Map<string, Experiment>();
      for (const page of pages)
        for (const exp of page?.items ?? []) if (exp.owner !== user.id) byId.set(exp.id, exp);
      const items = [...byId.values()].sort((a, b) =>
        (a.escalatedAt ?? '').localeCompare(b.escalatedAt ?? ''),
      );
      return { items, next: null };
    },

    async decide(user: User, id: string, body: DecisionRequest): Promise<Experiment> {
      let token: string | undefined;
      const decided = await retryOnConflict(async () => {
        const record = await visible(user, id);
        const exp = record.experiment;
        if (!canDecide(user, exp)) {
          throw new ForbiddenError(
            exp.owner === user.id
              ? 'You cannot decide your own idea. Another manager of your team or a leader must decide it.'
              : 'Only a manager of this team or a leader can decide this idea.',
          );
        }
        const status = transition(exp, body.outcome === 'approve' ? 'approve' : 'decline', user);
        const at = now().toISOString();
        const decision: DecisionRecord = {
          outcome: body.outcome,
          by: user.id,
          byName: user.name,
          at,
          ...(body.reason ? { reason: body.reason } : {}),
          ...(body.conditions ? { conditions: body.conditions } : {}),
        };
        const next: Experiment = {
          ...exp,
          status,
          decision,
          updatedAt: at,
          history: [
            ...exp.history,
            entry(
              user,
              body.outcome === 'approve' ? 'approved' : 'declined',
              status,
              body.reason ?? body.conditions,
            ),
          ],
        };
        if (body.outcome === 'approve') {
          next.authorisation = {
            by: user.id,
            byName: user.name,
            at,
            ...(body.conditions ? { conditions: body.conditions } : {}),
          };
          if (exp.cycles.length === 0) next.reviewBy = reviewDate(exp, at);
        } else {
          next.closedAt = at;
        }
        await store.save(next, record);
        // Read only now that the decision is stored: see experimentStore.parkTaskToken.
        token =
          record.taskToken ??
          (await store.taskTokenFor(id, { kind: 'decision', escalatedAt: exp.escalatedAt ?? '' }));
        return next;
      });
      if (token) {
        try {
          await sendTaskSuccess(token, { outcome: body.outcome });
        } catch (error) {
          // The wait already ended (deadline raise): the workflow's next wait finds the recorded decision itself.
          if (!isTokenGone(error)) throw error;
        }
      }
      return decided;
    },

    /**
     * The owner records a test cycle (a learning card). `adapt` with changes re-assesses the changed card
     * against the experiment's own policy version: inside the card, testing goes on with the new answers;
     * outside it, the experiment is escalated again and waits for a manager before the next cycle.
     */
    async recordCycle(user: User, id: string, body: CycleRequest): Promise<Experiment> {
      let answer: { token: string; output: CycleOutput } | undefined;
      const recorded = await retryOnConflict(async () => {
        const record = await visible(user, id);
        const exp = record.experiment;
        if (exp.owner !== user.id)
          throw new ForbiddenError('Only the person who submitted this idea records its cycles.');
        const policy = await policyOf(exp);
        const at = now().toISOString();
        const cycle: Cycle = {
          number: exp.cycles.length + 1,
          result: body.result,
          observed: body.observed,
          learned: body.learned,
          next: body.next,
          recordedAt: at,
          recordedBy: user.id,
          ...(body.changes ? { changes: body.changes } : {}),
        };
        const withCycle: Experiment = { ...exp, cycles: [...exp.cycles, cycle], updatedAt: at };
        let status = transition(exp, 'recordCycle', user, { next: body.next });
        let detail = `Cycle ${cycle.number}: ${body.learned}`;
        if (body.next === 'adapt' && body.changes) {
          const card = { ...exp.card, ...body.changes };
          const assessment = { ...assess(card, policy), assessedAt: at };
          cycle.assessment = assessment;
          withCycle.card = card;
          withCycle.assessment = assessment;
          if (assessment.decision === 'escalated') {
            // Counted first, so an approval of this re-escalation returns the experiment to testing.
            status = transition(withCycle, 'escalateOnChange', user);
            withCycle.escalatedAt = at;
            withCycle.deadlineAt = new Date(
              Date.parse(at) + waitTimes(deadlineSeconds(policy)).timeoutSeconds * 1000,
            ).toISOString();
            withCycle.everEscalated = true;
            withCycle.raisedToLeaders = false;
            detail = `${detail} The changes go outside the card: ${assessment.reasons.map((r) => r.message).join(' ')}`;
          }
        }
        withCycle.status = status;
        if (status === 'adopted' || status === 'abandoned') withCycle.closedAt = at;
        withCycle.history = [
          ...exp.history,
          entry(user, 'cycleRecorded', status, detail),
          ...(status === 'escalated'
            ? [entry(SYSTEM, 'escalated', status, 'A change of scope outside the card.')]
            : []),
        ];
        await store.save(withCycle, record);
        // Read only now that the cycle is stored: see experimentStore.parkTaskToken.
        const token =
          record.taskToken ?? (await store.taskTokenFor(id, { kind: 'cycle', seen: exp.cycles.length }));
        answer = token ? { token, output: cycleOutput(withCycle, cycle, policy) } : undefined;
        return withCycle;
      });
      if (answer) {
        try {
          await sendTaskSuccess(answer.token, answer.output);
        } catch (error) {
          // The wait ended a moment ago (a reminder): the next wait picks the cycle up itself.
          if (!isTokenGone(error)) throw error;
        }
      }
      return recorded;
    },

    /**
     * After a crash between storing a submission and starting its workflow, start it now. Safe to run
     * at any time: a start for an experiment that already has its execution is a no-op.
     */
    async resumePendingAssessments(olderThanSeconds = 0): Promise<number> {
      const cutoff = new Date(now().getTime() - olderThanSeconds * 1000).toISOString();
      let resumed = 0;
      let cursor: string | undefined;
      do {
        const page = await store.query(store.patterns.pendingAssessment(), {
          newestFirst: false,
          limit: 100,
          cursor,
        });
        for (const exp of page.items) {
          if (exp.failure || exp.createdAt > cutoff) continue;
          await startExecution(exp);
          resumed++;
        }
        cursor = page.next ?? undefined;
      } while (cursor);
      return resumed;
    },

    // ----- Workflow tasks: each is idempotent, because Step Functions runs tasks at least once. -----

    async assessForWorkflow(id: string): Promise<{ decision: 'authorised' | 'escalated'; timers: Timers }> {
      return retryOnConflict(async () => {
        const record = await load(id);
        const exp = record.experiment;
        const policy = await policyOf(exp);
        if (exp.status !== 'assessing') {
          return { decision: exp.assessment?.decision ?? 'escalated', timers: timersFor(exp, policy) };
        }
        const wait = waitTimes(deadlineSeconds(policy));
        const assessment = assess(exp.card, policy);
        const at = now().toISOString();
        const next: Experiment = { ...exp, assessment: { ...assessment, assessedAt: at }, updatedAt: at };
        if (assessment.decision === 'authorised') {
          next.status = transition(exp, 'authoriseByCard', SYSTEM);
          next.authorisation = { by: 'card', at };
          next.reviewBy = reviewDate(exp, at);
          next.history = [
            ...exp.history,
            entry(SYSTEM, 'authorised', next.status, 'Every answer is inside the card.'),
          ];
        } else {
          next.status = transition(exp, 'escalateByCard', SYSTEM);
          next.escalatedAt = at;
          next.deadlineAt = new Date(Date.parse(at) + wait.timeoutSeconds * 1000).toISOString();
          next.everEscalated = true;
          next.history = [
            ...exp.history,
            entry(SYSTEM, 'escalated', next.status, assessment.reasons.map((r) => r.message).join(' ')),
          ];
        }
        await store.save(next, record);
        return { decision: assessment.decision, timers: timersFor(next, policy) };
      });
    },

    async notifyManagers(id: string): Promise<void> {
      const { experiment: exp } = await load(id);
      await notifier.send({
        dedupeKey: `escalated#${exp.id}#${exp.escalatedAt ?? exp.updatedAt}`,
        template: 'escalated-to-managers',
        audience: { role: 'manager', team: exp.team },
        experimentId: exp.id,
        personalisation: {
          title: exp.title,
          owner: exp.ownerName,
          reasons: (exp.assessment?.reasons ?? []).map((r) => r.message).join('\n'),
          deadline: exp.deadlineAt ?? '',
          link: `${deps.publicUrl}/experiments/${exp.id}`,
        },
      });
    },

    /**
     * Keeps the decision task token for the experiment's current escalation; if the decision is already
     * in (before or while the token was stored), answers it at once.
     */
    async awaitDecision(id: string, taskToken: string): Promise<void> {
      let record = await load(id);
      while (record.experiment.status === 'escalated') {
        const escalatedAt = record.experiment.escalatedAt ?? '';
        const after = await store.parkTaskToken(id, taskToken, { kind: 'decision', escalatedAt });
        if (!after) throw new NotFoundError();
        // Still waiting for this escalation's decision: whoever decides it reads the token afterwards.
        if (after.experiment.status === 'escalated' && (after.experiment.escalatedAt ?? '') === escalatedAt)
          return;
        record = after;
      }
      const output = decisionOutput(record.experiment);
      if (!output)
        throw new Error(`Experiment ${id} is ${record.experiment.status} with no decision to report`);
      await answerOwnToken(taskToken, output);
    },

    /**
     * Keeps the cycle task token; if the owner already recorded a cycle the workflow has not seen yet
     * (before or while the token was stored), answers with it at once, so cycles are handed over one at a
     * time and in order.
     */
    async awaitCycle(id: string, taskToken: string, seen: number): Promise<void> {
      const record = await store.parkTaskToken(id, taskToken, { kind: 'cycle', seen });
      if (!record) throw new NotFoundError();
      const exp = record.experiment;
      const unseen = exp.cycles[seen];
      if (!unseen) {
        if (exp.status !== 'authorised' && exp.status !== 'testing') {
          throw new Error(`Experiment ${id} is ${exp.status}; it cannot wait for a cycle`);
        }
        return;
      }
      await answerOwnToken(taskToken, cycleOutput(exp, unseen, await policyOf(exp)));
    },

    /** The review date passed with no cycle recorded: remind the owner; the test goes on. */
    async remindOwner(id: string): Promise<{ timers: Timers }> {
      const reminded = await retryOnConflict(async () => {
        const record = await load(id);
        const exp = record.experiment;
        const count = exp.history.filter((h) => h.event === 'reminded').length + 1;
        const next: Experiment = {
          ...exp,
          updatedAt: now().toISOString(),
          history: [
            ...exp.history,
            entry(
              { id: 'system', name: 'Fail Forward' },
              'reminded',
              exp.status,
              'The review date has passed.',
            ),
          ],
        };
        await store.save(next, record);
        return { exp: next, count };
      });
      const { exp, count } = reminded;
      await notifier.send({
        dedupeKey: `reminder#${exp.id}#${count}`,
        template: 'review-reminder-to-owner',
        audience: { userId: exp.owner, name: exp.ownerName },
        experimentId: exp.id,
        personalisation: {
          title: exp.title,
          reviewBy: exp.reviewBy ?? '',
          link: `${deps.publicUrl}/experiments/${exp.id}`,
        },
      });
      return { timers: timersFor(exp, await policyOf(exp), reminderSeconds) };
    },

    /** The deadline passed: the case stays escalated and goes to the leaders' queue. Never a decision. */
    async raiseToLeaders(id: string): Promise<{ timers: Timers }> {
      const raised = await retryOnConflict(async () => {
        const record = await load(id);
        const exp = record.experiment;
        const policy = await policyOf(exp);
        const timers = timersFor(exp, policy);
        const wait = timers.decision;
        if (exp.status !== 'escalated') return { timers, exp: undefined };
        const at = now().toISOString();
        const next: Experiment = {
          ...exp,
          raisedToLeaders: true,
          deadlineAt: new Date(Date.parse(at) + wait.timeoutSeconds * 1000).toISOString(),
          updatedAt: at,
          history: exp.raisedToLeaders
            ? exp.history
            : [
                ...exp.history,
                entry(
                  { id: 'system', name: 'Fail Forward' },
                  'raisedToLeaders',
                  'escalated',
                  'No decision by the deadline.',
                ),
              ],
        };
        // The timed-out token is dead: a decision sent to it meanwhile is refused, and the next wait finds it.
        await store.save(next, record);
        return { timers, exp: next };
      });
      if (raised.exp) {
        await notifier.send({
          dedupeKey: `raised#${raised.exp.id}#${raised.exp.escalatedAt ?? ''}`,
          template: 'raised-to-leaders',
          audience: { role: 'leader' },
          experimentId: raised.exp.id,
          personalisation: {
            title: raised.exp.title,
            team: raised.exp.team,
            link: `${deps.publicUrl}/experiments/${raised.exp.id}`,
          },
        });
      }
      return { timers: raised.timers };
    },

    async notifyOwner(id: string): Promise<DecisionOutput & { timers: Timers }> {
      const { experiment: exp } = await load(id);
      const output = decisionOutput(exp);
      if (!exp.decision || !output)
        throw new Error(`Experiment ${id} has no decision to tell its owner about`);
      await notifier.send({
        dedupeKey: `decision#${exp.id}#${exp.decision.at}`,
        template: 'decision-to-owner',
        audience: { userId: exp.owner, name: exp.ownerName },
        experimentId: exp.id,
        personalisation: {
          title: exp.title,
          outcome: exp.decision.outcome === 'approve' ? 'approved' : 'declined',
          by: exp.decision.byName,
          reason: exp.decision.reason ?? '',
          conditions: exp.decision.conditions ?? '',
          link: `${deps.publicUrl}/experiments/${exp.id}`,
        },
      });
      return { ...output, timers: timersFor(exp, await policyOf(exp)) };
    },

    /** A step failed for good: record it on the experiment so people see it instead of a silent stall. */
    async recordFailure(id: string, failure: { Error?: string; Cause?: string }): Promise<void> {
      await retryOnConflict(async () => {
        const record = await load(id);
        const exp = record.experiment;
        const at = now().toISOString();
        const error = failure.Error ?? 'States.TaskFailed';
        const next: Experiment = {
          ...exp,
          updatedAt: at,
          failure: { at, error, cause: String(failure.Cause ?? '').slice(0, 1000) },
          history: [
            ...exp.history,
            entry({ id: 'system', name: 'Fail Forward' }, 'failed', exp.status, error),
          ],
        };
        await store.save(next, record);
      });
    },
  };
};

export type ExperimentService = ReturnType<typeof experimentService>;
