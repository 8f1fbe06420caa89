/**
 * An in-memory stand-in for the domain services, for the screens' own tests: the same rules for who
 * sees what (from shared/domain), without DynamoDB or Step Functions. The browser tests in test/web use
 * the real services.
 */
import { randomUUID } from 'node:crypto';
import { canDecide, canView } from '#shared/domain/access.ts';
import { assess } from '#shared/domain/assess.ts';
import { POLICY_V1, type Policy } from '#shared/domain/card.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import type {
  CycleRequest,
  DecisionRequest,
  ListQuery,
  PolicyRequest,
  Submission,
} from '#shared/domain/schemas.ts';
import { STATUSES, type Status } from '#shared/domain/status.ts';
import { ConflictError, ForbiddenError, IdempotencyMismatchError, NotFoundError } from '#shared/errors.ts';
import type { Dashboard, Figures } from '#shared/services/dashboard-service.ts';
import type { User } from '#shared/services/user.ts';
import type { AuditRecord } from '#shared/store/audit-store.ts';
import type { WebServices } from '../context.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;

type PreviewChange = {
  id: string;
  title: string;
  team: string;
  was: 'authorised' | 'escalated';
  wouldBe: 'authorised' | 'escalated';
};

export const fakeServices = (opts: { now?: () => Date; policies?: Policy[] } = {}) => {
  const now = opts.now ?? (() => new Date());
  const experiments = new Map<string, Experiment>();
  const keys = new Map<string, { id: string; body: string }>();
  const policies = opts.policies ?? [POLICY_V1];
  const current = () => policies[policies.length - 1] ?? POLICY_V1;
  const calls = { submit: 0, decide: 0, recordCycle: 0, publish: 0 };
  const audited: AuditRecord[] = [];

  const visible = (user: User, id: string) => {
    const exp = experiments.get(id);
    if (!exp || !canView(user, exp)) throw new NotFoundError();
    return exp;
  };

  const services: WebServices = {
    audit: {
      async record(record: AuditRecord) {
        audited.push(record);
      },
    },
    experiments: {
      async refusedBeforehand(user: User, id: string, intent: 'read' | 'change') {
        if (experiments.has(id)) {
          audited.push({
            actor: user.id,
            action: intent === 'read' ? 'readRefused' : 'changeRefused',
            target: id,
            outcome: 'forbidden',
          });
        }
      },
      async submit(user: User, key: string, body: Submission) {
        calls.submit += 1;
        const seen = keys.get(`${user.id}#${key}`);
        if (seen) {
          if (seen.body !== JSON.stringify(body)) throw new IdempotencyMismatchError('Key reused');
          return visible(user, seen.id);
        }
        const at = now().toISOString();
        const policy = current();
        const assessment = assess(body.card, policy);
        const escalated = assessment.decision === 'escalated';
        const exp: Experiment = {
          id: randomUUID(),
          ...body,
          team: user.team,
          owner: user.id,
          ownerName: user.name,
          createdAt: at,
          updatedAt: at,
          status: assessment.decision,
          policyVersion: policy.version,
          assessment: { ...assessment, assessedAt: at },
          ...(escalated
            ? {
                escalatedAt: at,
                deadlineAt: new Date(
                  Date.parse(at) + policy.decisionDeadlineDays * 24 * 3600 * 1000,
                ).toISOString(),
              }
            : {
                authorisation: { by: 'card', at },
                reviewBy: new Date(Date.parse(at) + body.card.durationWeeks * WEEK_MS).toISOString(),
              }),
          raisedToLeaders: false,
          everEscalated: escalated,
          cycles: [],
          history: [
            { at, by: user.id, byName: user.name, event: 'submitted', status: 'assessing' },
            escalated
              ? {
                  at,
                  by: 'card',
                  byName: 'The prompt card',
                  event: 'escalated',
                  status: 'escalated',
                  detail: 'x',
                }
              : { at, by: 'card', byName: 'The prompt card', event: 'authorised', status: 'authorised' },
          ],
        };
        experiments.set(exp.id, exp);
        keys.set(`${user.id}#${key}`, { id: exp.id, body: JSON.stringify(body) });
        return exp;
      },
      async get(user: User, id: string) {
        return visible(user, id);
      },
      async list(user: User, _query: ListQuery) {
        const items = [...experiments.values()]
          .filter((exp) => user.roles.includes('leader') || exp.owner === user.id)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        return { items, next: null };
      },
      async queue(user: User) {
        if (!user.roles.includes('manager') && !user.roles.includes('leader'))
          throw new ForbiddenError('No queue');
        const items = [...experiments.values()]
          .filter(
            (exp) =>
              exp.status === 'escalated' &&
              exp.owner !== user.id &&
              ((user.roles.includes('manager') && exp.team === user.team) ||
                (user.roles.includes('leader') && exp.raisedToLeaders)),
          )
          .sort((a, b) => (a.escalatedAt ?? '').localeCompare(b.escalatedAt ?? ''));
        return { items, next: null };
      },
      async decide(user: User, id: string, readBody: () => DecisionRequest) {
        calls.decide += 1;
        const exp = visible(user, id);
        if (!canDecide(user, exp)) throw new ForbiddenError('Not yours to decide');
        const body = readBody();
        if (exp.status !== 'escalated') throw new ConflictError('It is no longer waiting for a decision.');
        const at = now().toISOString();
        const approved = body.outcome === 'approve';
        const next: Experiment = {
          ...exp,
          status: approved ? 'authorised' : 'declined',
          decision: { ...body, by: user.id, byName: user.name, at },
          ...(approved
            ? {
                authorisation: {
                  by: user.id,
                  byName: user.name,
                  at,
                  ...(body.conditions ? { conditions: body.conditions } : {}),
                },
                reviewBy: new Date(Date.parse(at) + exp.card.durationWeeks * WEEK_MS).toISOString(),
              }
            : { closedAt: at }),
          history: [
            ...exp.history,
            {
              at,
              by: user.id,
              byName: user.name,
              event: approved ? 'approved' : 'declined',
              status: approved ? 'authorised' : 'declined',
              ...((body.reason ?? body.conditions) ? { detail: body.reason ?? body.conditions } : {}),
            },
          ],
        };
        experiments.set(id, next);
        return next;
      },
      async recordCycle(user: User, id: string, readBody: () => CycleRequest) {
        calls.recordCycle += 1;
        const exp = visible(user, id);
        if (exp.owner !== user.id) throw new ForbiddenError('Only the owner records tests');
        const body = readBody();
        if (exp.status !== 'authorised' && exp.status !== 'testing')
          throw new ConflictError('No test can be recorded for it now.');
        const at = now().toISOString();
        const card = { ...exp.card, ...(body.next === 'adapt' ? body.changes : {}) };
        const policy = policies.find((p) => p.version === exp.policyVersion) ?? POLICY_V1;
        const reassessed = body.next === 'adapt' && body.changes ? assess(card, policy) : undefined;
        const status: Status =
          body.next === 'adopt'
            ? 'adopted'
            : body.next === 'abandon'
              ? 'abandoned'
              : reassessed?.decision === 'escalated'
                ? 'escalated'
                : 'testing';
        const next: Experiment = {
          ...exp,
          card,
          status,
          ...(reassessed ? { assessment: { ...reassessed, assessedAt: at } } : {}),
          ...(status === 'escalated' ? { escalatedAt: at, everEscalated: true } : {}),
          cycles: [
            ...exp.cycles,
            {
              number: exp.cycles.length + 1,
              result: body.result,
              observed: body.observed,
              learned: body.learned,
              next: body.next,
              recordedAt: at,
              recordedBy: user.id,
              ...(body.changes ? { changes: body.changes } : {}),
            },
          ],
          history: [
            ...exp.history,
            { at, by: user.id, byName: user.name, event: 'cycleRecorded', status, detail: body.learned },
          ],
        };
        experiments.set(id, next);
        return next;
      },
    },
    policies: {
      current: async () => current(),
      all: async () => policies,
      async preview(user: User, thresholds) {
        if (!user.roles.includes('leader')) throw new ForbiddenError('Leaders only');
        const result = { considered: 0, authorised: 0, escalated: 0, changed: [] as PreviewChange[] };
        for (const exp of experiments.values()) {
          const was = exp.assessment?.decision ?? 'authorised';
          const wouldBe = assess(exp.card, { version: 0, thresholds }).decision;
          result.considered += 1;
          result[wouldBe] += 1;
          if (was !== wouldBe)
            result.changed.push({ id: exp.id, title: exp.title, team: exp.team, was, wouldBe });
        }
        return result;
      },
      async publish(user: User, body: PolicyRequest) {
        calls.publish += 1;
        if (!user.roles.includes('leader')) throw new ForbiddenError('Leaders only');
        const policy: Policy = {
          ...body,
          version: current().version + 1,
          publishedBy: user.name,
          publishedAt: now().toISOString(),
        };
        policies.push(policy);
        return policy;
      },
    },
    dashboard: {
      async get(user: User, filters) {
        if (!user.roles.includes('leader')) throw new ForbiddenError('Leaders only');
        const all = [...experiments.values()].filter((exp) => !filters.team || exp.team === filters.team);
        const figures = (items: Experiment[]): Figures => {
          const totals = Object.fromEntries(
            STATUSES.map((s) => [s, items.filter((e) => e.status === s).length]),
          ) as Record<Status, number>;
          const byCard = items.filter((e) => e.authorisation?.by === 'card').length;
          return {
            totals,
            submitted: items.length,
            autoAuthorisedRate: items.length ? byCard / items.length : 0,
            medianHoursToAuthorisation: items.length ? 0.5 : null,
            medianHoursByCard: items.length ? 0 : null,
            medianHoursByManager: null,
            cyclesPerExperiment: items.length
              ? items.reduce((n, e) => n + e.cycles.length, 0) / items.length
              : 0,
            outcomes: { adopted: totals.adopted, abandoned: totals.abandoned, testing: totals.testing },
          };
        };
        const group = (key: (e: Experiment) => string) => {
          const groups = new Map<string, Experiment[]>();
          for (const exp of all) groups.set(key(exp), [...(groups.get(key(exp)) ?? []), exp]);
          return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
        };
        const dashboard: Dashboard = {
          from: filters.from ?? null,
          to: filters.to ?? null,
          team: filters.team ?? null,
          ...figures(all),
          byTeam: group((e) => e.team).map(([team, items]) => ({ team, ...figures(items) })),
          byMonth: group((e) => e.createdAt.slice(0, 7)).map(([month, items]) => ({
            month,
            ...figures(items),
          })),
        };
        return dashboard;
      },
    },
    exports: {
      async *csv(user: User) {
        if (!user.roles.includes('leader')) throw new ForbiddenError('Leaders only');
        yield 'id,title\r\n';
        for (const exp of experiments.values()) yield `${exp.id},${exp.title}\r\n`;
      },
    },
  };
  return { services, experiments, calls, audited };
};
