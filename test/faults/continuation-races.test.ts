import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as handOver } from '#functions/hand-over/handler.ts';
import { handler as reconcile } from '#functions/reconcile-workflows/handler.ts';
import { STATE_MACHINE_ARN, sfnClient } from '../../bench/workflow-probe.ts';
import { client, outsideCard, USERS } from '../support/api.ts';
import { drivingArn, type Exp, executionsOf, stop, waitingIn } from '../support/executions.ts';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';
import { sleep } from './fault-support.ts';

/*
 * Two continuations of one experiment at once, 50 times: two reconciliations, or a reconciliation and the
 * stopped execution's own hand-over, each run as Lambda runs them (their handlers, in this process, on the
 * real local system). Exactly one new execution may drive; the other start is refused or ends without
 * acting. Reconciliation's own schedule is left at its 5 minutes, so only the calls below reconcile.
 */
const RUNS = 50;

let system: TestSystem;
let api: ReturnType<typeof client>;
let sfn: ReturnType<typeof sfnClient>;

const lambda = {} as Context;
const scheduled = { 'detail-type': 'Scheduled Event', source: 'aws.events' };

const read = async (id: string) => (await api.get(USERS.sam, id)).body as unknown as Exp;

const outbox = async (id: string, template: string) =>
  (
    await api.call<{ items: { template: string; experimentId: string }[] }>('GET', '/local/outbox')
  ).body.items.filter((m) => m.experimentId === id && m.template === template).length;

/** An escalated experiment whose execution was stopped while it waited for a decision. */
const stoppedWhileWaiting = async (): Promise<Exp> => {
  const { id } = (await api.submit(USERS.sam, outsideCard())).body as unknown as Exp;
  const exp = await api.eventually(
    () => read(id),
    (e) => e.status === 'escalated' && e.execution !== undefined,
  );
  await api.eventually(
    () => waitingIn(sfn, drivingArn(exp)),
    (waiting) => waiting === 'WaitForDecision',
  );
  await stop(sfn, drivingArn(exp));
  return exp;
};

/** The stopped execution's hand-over, as its HandOverDecision and StartContinuation states would run it. */
const handOverOf = async (exp: Exp): Promise<'started' | 'refused' | 'superseded'> => {
  try {
    const next = (await handOver(
      { experimentId: exp.id, executionArn: drivingArn(exp), resume: 'decision' },
      lambda,
    )) as { name: string; input: unknown };
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: STATE_MACHINE_ARN,
        name: next.name,
        input: JSON.stringify(next.input),
      }),
    );
    return 'started';
  } catch (error) {
    if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return 'refused';
    if (error instanceof Error && error.name === 'SupersededExecution') return 'superseded';
    throw error;
  }
};

const jitter = (ms = 20) => sleep(Math.random() * ms);
/** A round of reconciliation reads the running executions and the index before it decides anything. */
const HAND_OVER_JITTER_MS = 150;

beforeAll(async () => {
  system = await startTestSystem({ decisionDeadlineSeconds: 600 });
  api = client(system.url);
  sfn = sfnClient(system.endpoints.stepfunctions);
});

afterAll(async () => {
  sfn?.destroy();
  await system?.cleanup();
});

describe('two continuations of one stopped execution at once', () => {
  it(`leave exactly one new execution driving, ${RUNS} times`, { timeout: 600_000 }, async () => {
    const handOvers: string[] = [];
    const outcomes: { id: string; names: string[]; running: string[]; continued: number; told: number }[] =
      [];
    for (let run = 0; run < RUNS; run++) {
      // Prepare
      const exp = await stoppedWhileWaiting();

      // Act
      if (run % 2 === 0) {
        await Promise.all([
          jitter().then(() => reconcile(scheduled, lambda)),
          jitter().then(() => reconcile(scheduled, lambda)),
        ]);
      } else {
        const [outcome] = await Promise.all([
          jitter(HAND_OVER_JITTER_MS).then(() => handOverOf(exp)),
          jitter().then(() => reconcile(scheduled, lambda)),
        ]);
        handOvers.push(outcome);
      }
      const driven = await api.eventually(
        async () => {
          const now = await read(exp.id);
          return { now, waiting: await waitingIn(sfn, drivingArn(now)) };
        },
        ({ waiting }) => waiting === 'WaitForDecision',
      );
      const executions = await executionsOf(sfn, exp.id);
      outcomes.push({
        id: exp.id,
        names: executions.map((e) => e.name),
        running: executions.filter((e) => e.status === 'RUNNING').map((e) => e.name),
        continued: driven.now.history.filter((h) => h.event === 'continued').length,
        told: await outbox(exp.id, 'escalated-to-managers'),
      });
    }

    // Assess
    for (const { id, names, running, continued, told } of outcomes) {
      expect({ id, names, running, continued, told }).toEqual({
        id,
        names: [id, `${id}-1`],
        running: [`${id}-1`],
        continued: 1,
        told: 1,
      });
    }
    // In every hand-over race the hand-over started the one execution, was refused, or ended without acting.
    expect(handOvers).toHaveLength(RUNS / 2);
    expect(handOvers.every((o) => ['started', 'refused', 'superseded'].includes(o))).toBe(true);
    console.info(
      `continuation races: hand-over ${handOvers.filter((o) => o === 'started').length} started, ` +
        `${handOvers.filter((o) => o === 'refused').length} refused, ` +
        `${handOvers.filter((o) => o === 'superseded').length} superseded`,
    );
  });
});
