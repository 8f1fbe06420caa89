/**
 * "The card learns" over the real local system (DynamoDB Local, the local Step Functions service):
 * calibration from managers' decisions, per-team limits, and their automatic revocation after a
 * serious incident, in the same workflow as the incident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleCalibration } from '#shared/domain/calibration.ts';
import { policyService } from '#shared/services/policy-service.ts';
import { auditStore } from '#shared/store/audit-store.ts';
import { experimentStore } from '#shared/store/experiment-store.ts';
import { policyStore } from '#shared/store/policy-store.ts';
import { client, type DemoUser, insideCard, USERS } from '../support/api.ts';
import { SERIOUS_INCIDENT_CYCLE } from '../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';
import { rawTable, TABLE } from '../support/table.ts';

let system: TestSystem;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system.url);
}, 120_000);

afterAll(async () => {
  await system?.cleanup();
});

interface Exp {
  id: string;
  status: string;
  assessment?: { decision: string; reasons: { rule: string; limit?: number; team?: string }[] };
  authorisation?: { by: string };
}
interface Policy {
  version: number;
  thresholds: Record<string, number>;
  teams?: Record<string, Record<string, number>>;
  publishedBy: string;
  reason: string;
}
interface Outbox {
  items: { template: string; experimentId: string; audience: Record<string, unknown> }[];
}

const BASE = { extraCost: 500, peopleInvolved: 10, durationWeeks: 6, staffHours: 20 };

const publish = (thresholds: Record<string, number>, teams?: Record<string, Record<string, number>>) =>
  api.call<Policy>('POST', '/api/policy', {
    as: USERS.carys,
    body: { thresholds, decisionDeadlineDays: 5, reason: 'Set for this test', ...(teams ? { teams } : {}) },
  });

const submit = async (as: DemoUser, overrides: Record<string, number>) =>
  (await api.submit(as, insideCard(overrides))).body as unknown as Exp;

/** Runs `work` over `items` a few at a time: the machine is shared. */
const inBatches = async <T, R>(items: readonly T[], work: (item: T) => Promise<R>, size = 5) => {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
};

/** Submits an idea escalated only on one rule, and has Megan (Sam's manager) decide it. */
const decidedCase = async (field: string, answer: number, outcome: 'approve' | 'decline') => {
  const exp = await submit(USERS.sam, { [field]: answer });
  expect(exp.assessment?.reasons.map((r) => r.rule)).toEqual([field]);
  const decided = await api.decide(
    USERS.megan,
    exp.id,
    outcome === 'approve' ? { outcome } : { outcome, reason: 'Too much for a first test.' },
  );
  expect(decided.status).toBe(200);
};

const calibration = async () =>
  (await api.call<{ rules: RuleCalibration[] }>('GET', '/api/policy/calibration', { as: USERS.carys })).body;

const ruleOf = (body: { rules: RuleCalibration[] }, rule: string) => body.rules.find((r) => r.rule === rule);

describe('calibration from managers’ decisions', () => {
  it('suggests the extra money limit the decisions support, and publishing it lets the next £700 idea through', async () => {
    // Prepare: 20 approved at £550 to £740, 10 declined at £810 to £900, one left pending.
    const approved = Array.from({ length: 20 }, (_, i) => 550 + i * 10);
    const declined = Array.from({ length: 10 }, (_, i) => 810 + i * 10);
    await inBatches(approved, (cost) => decidedCase('extraCost', cost, 'approve'));
    await inBatches(declined, (cost) => decidedCase('extraCost', cost, 'decline'));
    await submit(USERS.sam, { extraCost: 600 });

    // Act
    const before = await calibration();
    const published = await publish({ ...BASE, extraCost: ruleOf(before, 'extraCost')?.suggestedLimit ?? 0 });
    const next = await submit(USERS.sam, { extraCost: 700 });
    const after = await calibration();

    // Assess
    expect(ruleOf(before, 'extraCost')).toEqual({
      rule: 'extraCost',
      escalations: 31,
      onlyReason: 31,
      approved: 20,
      declined: 10,
      pending: 1,
      approvalRate: 20 / 30,
      suggestedLimit: 740,
      wouldAuthorise: 20,
      wouldAuthoriseDeclined: 0,
    });
    expect(published.status).toBe(201);
    expect(next.status).toBe('authorised');
    expect(next.authorisation?.by).toBe('card');
    // The suggestion is judged against the limit now in force: £740 is no longer above it.
    expect(ruleOf(after, 'extraCost')?.suggestedLimit).toBeNull();
  }, 600_000);

  it('counts a decline among approvals: the suggestion stops where the approval rate holds', async () => {
    // Prepare: staff hours above 20, approved from 21 to 31 except a decline at 25, then declines at 32 and 33.
    const cases: [number, 'approve' | 'decline'][] = [
      ...[21, 22, 23, 24].map((h) => [h, 'approve'] as [number, 'approve']),
      [25, 'decline'],
      ...[26, 27, 28, 29, 30, 31].map((h) => [h, 'approve'] as [number, 'approve']),
      [32, 'decline'],
      [33, 'decline'],
    ];
    await inBatches(cases, ([hours, outcome]) => decidedCase('staffHours', hours, outcome));

    // Act
    const rule = ruleOf(await calibration(), 'staffHours');

    // Assess: at 31, 10 of 11 decided were approved (0.91); nothing higher was approved.
    expect(rule).toMatchObject({ escalations: 13, approved: 10, declined: 3, pending: 0 });
    expect(rule?.suggestedLimit).toBe(31);
    expect(rule?.wouldAuthorise).toBe(11);
    expect(rule?.wouldAuthoriseDeclined).toBe(1);
    // A safety gate gets counts, never a suggestion.
    expect(ruleOf(await calibration(), 'safeguarding')).toMatchObject({
      suggestedLimit: null,
      wouldAuthorise: 0,
    });
  }, 600_000);

  it('refuses a bad month with 400 and the spec’s error shape', async () => {
    // Act
    const res = await api.call<{ error: string; issues: unknown[] }>(
      'GET',
      '/api/policy/calibration?from=2026-13',
      { as: USERS.carys },
    );

    // Assess
    expect(res.status).toBe(400);
    expect(typeof res.body.error).toBe('string');
    expect(res.body.issues.length).toBeGreaterThan(0);
  });
});

describe('per-team limits and their automatic revocation', () => {
  it('assesses a team against its own limits, and takes them back once after two serious incidents at once', async () => {
    // Prepare: youth justice (Rhys) may spend up to £1,000; family support keeps its own too.
    const granted = await publish(BASE, {
      'youth-justice': { extraCost: 1000 },
      'family-support': { staffHours: 30 },
    });
    expect(granted.status).toBe(201);
    const [first, second] = await Promise.all([
      submit(USERS.rhys, { extraCost: 900 }),
      submit(USERS.rhys, { extraCost: 950 }),
    ]);
    expect(first?.status).toBe('authorised');
    expect(second?.status).toBe('authorised');
    const serious = (id: string) =>
      api.call('POST', `/api/experiments/${id}/cycles`, {
        as: USERS.rhys,
        body: SERIOUS_INCIDENT_CYCLE,
      });

    // Act: both incidents at once.
    const recorded = await Promise.all([serious(first?.id ?? ''), serious(second?.id ?? '')]);
    const outbox = () => api.call<Outbox>('GET', '/local/outbox').then((r) => r.body.items);
    const ids = [first?.id, second?.id];
    const told = await api.eventually(
      outbox,
      (items) =>
        ids.every((id) =>
          items.some(
            (m) => m.template === 'serious-incident' && m.experimentId === id && m.audience.role === 'leader',
          ),
        ) && items.some((m) => m.template === 'team-limits-revoked'),
      30_000,
    );
    const next = await submit(USERS.rhys, { extraCost: 900 });
    // Both tasks have told people before revoking: give the slower one time to publish, if it wrongly would.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const current = (await api.call<Policy>('GET', '/api/policy', { as: USERS.carys })).body;

    // Assess
    expect(recorded.map((r) => r.status)).toEqual([201, 201]);
    expect(current.version).toBe(granted.body.version + 1);
    expect(current.publishedBy).toBe('card');
    expect(current.teams).toEqual({ 'family-support': { staffHours: 30 } });
    expect(current.thresholds).toEqual(BASE);
    expect(ids.some((id) => current.reason.includes(id ?? '?'))).toBe(true);
    expect(told.filter((m) => m.template === 'team-limits-revoked')).toHaveLength(1);
    for (const id of ids) {
      const about = told.filter((m) => m.template === 'serious-incident' && m.experimentId === id);
      expect(about.map((m) => m.audience)).toEqual(
        expect.arrayContaining([{ role: 'manager', team: 'youth-justice' }, { role: 'leader' }]),
      );
    }
    expect(next.status).toBe('escalated');
    expect(next.assessment?.reasons).toEqual([expect.objectContaining({ rule: 'extraCost', limit: 500 })]);
    expect(next.assessment?.reasons[0]?.team).toBeUndefined();
  }, 300_000);

  it('publishes nothing more when the task runs again after a retry, and names the same version', async () => {
    // Prepare: the revocation as the task calls it, on the system's own table (DynamoDB Local).
    const table = rawTable(system.endpoints.dynamodb);
    const trail = auditStore(table.db, TABLE, { retentionMonths: 72, now: () => new Date() });
    const policies = policyStore(table.db, TABLE, trail);
    const service = policyService({ policies, store: experimentStore(table.db, TABLE, trail) });
    const granted = await publish(BASE, { 'early-help': { extraCost: 900 } });
    const cause = {
      team: 'early-help',
      experimentId: '00000000-0000-4000-8000-000000000016',
      cycle: 2,
      at: new Date().toISOString(),
    };

    // Act: the first run, a retry of it, and another team's incident with nothing to take back.
    const first = await service.revokeTeamLimits(cause);
    const retried = await service.revokeTeamLimits(cause);
    const elsewhere = await service.revokeTeamLimits({ ...cause, team: 'youth-justice', cycle: 3 });
    const current = await policies.current();
    table.destroy();

    // Assess
    expect(first?.version).toBe(granted.body.version + 1);
    expect(retried?.version).toBe(first?.version);
    expect(elsewhere).toBeUndefined();
    expect(current.version).toBe(granted.body.version + 1);
    expect(current.teams).toBeUndefined();
    expect(current.reason).toContain(cause.experimentId);
  }, 120_000);
});
