import { DescribeExecutionCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFaultHook } from '#infra/local/fault-hook.ts';
import { executionArn, history, parkedIn, statesEntered } from '../../bench/workflow-probe.ts';
import { insideCard, outsideCard, USERS } from '../support/api.ts';
import { type SystemClients, startSystemClients, stopSystemClients } from '../support/local-system.ts';
import { APPROVED_TO_FIRST_CYCLE } from '../support/workflow.ts';
import { outbox } from './fault-support.ts';

type Exp = {
  id: string;
  status: string;
  failure?: { error: string; cause: string };
  history: { event: string; detail?: string }[];
};

// The workflow's retry of Lambda.ServiceException waits 2 s, then 4 s: two transient failures cost 6 s.
const RETRY_WAIT_MS = 20_000;

const hook = createFaultHook();
let system: SystemClients['system'];
let api: SystemClients['api'];
let sfn: SystemClients['sfn'];

const taskFailures = (events: HistoryEvent[]) =>
  events.flatMap((e) => (e.type === 'TaskFailed' ? [e.taskFailedEventDetails?.error] : []));

/** Submits Sam's idea, then waits for the experiment to show its failure and for its execution to end. */
const submitUntilFailed = async (card: Record<string, unknown>) => {
  const submitted = (await api.submit(USERS.sam, card)).body as unknown as Exp;
  const failed = await api.eventually(
    async () => (await api.get(USERS.sam, submitted.id)).body as unknown as Exp,
    (e) => e.failure !== undefined,
  );
  const execution = await api.eventually(
    () => sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(submitted.id) })),
    (e) => e.status !== 'RUNNING',
  );
  return { submitted, failed, execution };
};

beforeAll(async () => {
  ({ system, api, sfn } = await startSystemClients({ faultHook: hook }));
});

afterEach(() => {
  hook.clear();
});

afterAll(() => stopSystemClients({ system, sfn }));

describe('a task that fails transiently', () => {
  it('is retried on Lambda.ServiceException and the execution completes', { timeout: 60_000 }, async () => {
    // Prepare
    hook.inject({ state: 'Assess', times: 2, error: 'Lambda.ServiceException' });

    // Act
    const submitted = (await api.submit(USERS.sam, insideCard())).body as unknown as Exp;
    const authorised = await api.eventually(
      async () => (await api.get(USERS.sam, submitted.id)).body as unknown as Exp,
      (e) => e.status === 'authorised',
      RETRY_WAIT_MS,
    );
    await api.eventually(
      () => history(sfn, submitted.id),
      (events) => parkedIn(events) === 'WaitForCycle',
    );
    const adopted = await api.call('POST', `/api/experiments/${submitted.id}/cycles`, {
      as: USERS.sam,
      body: {
        result: 'worked',
        observed: 'Eight of ten took it up.',
        learned: 'Call early.',
        next: 'adopt',
        incident: 'none',
      },
    });
    const execution = await api.eventually(
      () => sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(submitted.id) })),
      (e) => e.status !== 'RUNNING',
    );

    // Assess
    expect(authorised.status).toBe('authorised');
    expect(authorised.failure).toBeUndefined();
    const assessCalls = hook.calls.filter((c) => c.state === 'Assess' && c.experimentId === submitted.id);
    expect(assessCalls.map((c) => c.injected)).toEqual([
      'Lambda.ServiceException',
      'Lambda.ServiceException',
      undefined,
    ]);
    const events = await history(sfn, submitted.id);
    expect(taskFailures(events)).toEqual(['Lambda.ServiceException', 'Lambda.ServiceException']);
    expect(statesEntered(events)).not.toContain('RecordFailure');
    expect(adopted.status).toBe(201);
    expect(execution.status).toBe('SUCCEEDED');
  });

  it('retries a callback task (WaitForDecision) and the decision still reaches the workflow', async () => {
    // Prepare
    hook.inject({ state: 'WaitForDecision', times: 1, error: 'Lambda.ServiceException' });
    const submitted = (await api.submit(USERS.sam, outsideCard())).body as unknown as Exp;
    await api.eventually(
      () => history(sfn, submitted.id),
      (events) => parkedIn(events) === 'WaitForDecision',
      RETRY_WAIT_MS,
    );

    // Act
    const decided = await api.decide(USERS.megan, submitted.id, { outcome: 'approve' });
    const events = await api.eventually(
      () => history(sfn, submitted.id),
      (e) => parkedIn(e) === 'WaitForCycle',
    );

    // Assess
    expect(decided.status).toBe(200);
    expect(taskFailures(events)).toEqual(['Lambda.ServiceException']);
    expect(statesEntered(events)).toEqual(APPROVED_TO_FIRST_CYCLE);
  });
});

describe('a task that fails for good', () => {
  it('puts a visible failure on the experiment and runs RecordFailure, instead of stalling', async () => {
    // Prepare
    hook.inject({ state: 'Assess', times: 'always', error: 'CardServiceBroken' });

    // Act
    const { submitted, failed, execution } = await submitUntilFailed(insideCard());

    // Assess
    expect(failed.failure?.error).toBe('CardServiceBroken');
    expect(failed.status).toBe('assessing');
    expect(failed.history.map((h) => h.event)).toEqual(['submitted', 'failed']);
    const events = await history(sfn, submitted.id);
    expect(statesEntered(events)).toEqual(['Start', 'Assess', 'RecordFailure', 'Failed']);
    // Not retried: the error is not one of Lambda's transient ones.
    expect(hook.calls.filter((c) => c.state === 'Assess' && c.experimentId === submitted.id)).toHaveLength(1);
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('ExperimentWorkflowFailed');
  });

  it('shows the failure of a later step too: NotifyManagers failing leaves the escalation visible and failed', async () => {
    // Prepare
    hook.inject({ state: 'NotifyManagers', times: 'always', error: 'NotifyRejected' });

    // Act
    const { submitted, failed, execution } = await submitUntilFailed(outsideCard());

    // Assess
    expect(execution.status).toBe('FAILED');
    expect(failed.status).toBe('escalated');
    expect(failed.failure?.error).toBe('NotifyRejected');
    const events = await history(sfn, submitted.id);
    expect(statesEntered(events)).toEqual([
      'Start',
      'Assess',
      'CardDecision',
      'NotifyManagers',
      'RecordFailure',
      'Failed',
    ]);
  });
});

describe('the adoption notice (issue 19)', () => {
  const adopt = (id: string) =>
    api.call('POST', `/api/experiments/${id}/cycles`, {
      as: USERS.sam,
      body: {
        result: 'worked',
        observed: 'All ten came back.',
        learned: 'Ask early.',
        next: 'adopt',
        incident: 'none',
      },
    });
  const adoptionNotices = async (id: string) =>
    (await outbox(system.url)).filter((m) => m.experimentId === id && m.template === 'adopted-to-managers');

  it('is a workflow task: Notify failing after the save is retried until the managers are told, once', async () => {
    // Prepare: Notify is down for two calls, then sends but its answer is lost once.
    const submitted = (await api.submit(USERS.sam, insideCard())).body as unknown as Exp;
    await api.eventually(
      () => history(sfn, submitted.id),
      (events) => parkedIn(events) === 'WaitForCycle',
    );
    hook.inject({
      state: 'NotifyAdoption',
      experimentId: submitted.id,
      times: 2,
      error: 'NotifyUnavailable',
    });
    hook.inject({
      state: 'NotifyAdoption',
      experimentId: submitted.id,
      times: 1,
      error: 'Error',
      when: 'after',
    });

    // Act
    const adopted = await adopt(submitted.id);
    const execution = await api.eventually(
      () => sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(submitted.id) })),
      (e) => e.status !== 'RUNNING',
      60_000,
    );

    // Assess
    expect(adopted.status).toBe(201);
    expect(execution.status).toBe('SUCCEEDED');
    const events = await history(sfn, submitted.id);
    expect(taskFailures(events)).toEqual(['NotifyUnavailable', 'NotifyUnavailable', 'Error']);
    expect(statesEntered(events).slice(-3)).toEqual(['CycleOutcome', 'NotifyAdoption', 'Closed']);
    expect(await adoptionNotices(submitted.id)).toEqual([
      expect.objectContaining({ dedupeKey: `adopted#${submitted.id}` }),
    ]);
    const final = (await api.get(USERS.sam, submitted.id)).body as unknown as Exp;
    expect(final.failure).toBeUndefined();
  });

  it('is not sent for an idea that was abandoned', async () => {
    // Prepare
    const submitted = (await api.submit(USERS.sam, insideCard())).body as unknown as Exp;
    await api.eventually(
      () => history(sfn, submitted.id),
      (events) => parkedIn(events) === 'WaitForCycle',
    );

    // Act
    await api.call('POST', `/api/experiments/${submitted.id}/cycles`, {
      as: USERS.sam,
      body: {
        result: 'didNotWork',
        observed: 'Nobody came.',
        learned: 'Wrong time.',
        next: 'abandon',
        incident: 'none',
      },
    });
    const events = await api.eventually(
      () => history(sfn, submitted.id),
      (e) => statesEntered(e).includes('Closed'),
    );

    // Assess
    expect(statesEntered(events)).not.toContain('NotifyAdoption');
    expect(await adoptionNotices(submitted.id)).toEqual([]);
  });
});
