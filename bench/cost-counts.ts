/**
 * Phase 6: what one journey uses of each billed thing, counted, not estimated.
 *
 * - State transitions and workflow Lambda invocations: from the execution's own history
 *   (GetExecutionHistory of the local Step Functions service), the events added during the journey.
 * - API Lambda invocations: the API requests the journey makes (one Lambda per route call).
 * - DynamoDB units: the capacity DynamoDB Local reports for every call on the app table during the
 *   journey, until the workflow is parked again. AWS bills a transactional write twice; `billedWru`
 *   adds that. The local Step Functions service's own table is left out: in AWS that is Step Functions'
 *   business, billed as transitions.
 * - Durations, for Lambda GB-seconds: each task from TaskStarted to its result in the history; each API
 *   call from request to response as the client saw it (an upper bound).
 */
import { insideCard, outsideCard, USERS } from '../test/support/api.ts';
import { APP_TABLE, type BenchSystem } from './bench-system.ts';
import { difference, meter } from './capacity-meter.ts';
import { round, until } from './measure.ts';
import { countEvents, history, parkedIn } from './workflow-probe.ts';

export interface JourneyCounts {
  journey: string;
  runs: number;
  stateTransitions: number;
  apiInvocations: number;
  taskInvocations: number;
  apiMs: number;
  taskMs: number;
  readRequests: number;
  writeRequests: number;
  rru: number;
  wru: number;
  billedWru: number;
}

type Sample = Omit<JourneyCounts, 'journey' | 'runs'>;

const average = (journey: string, samples: Sample[]): JourneyCounts => {
  const mean = (pick: (s: Sample) => number) =>
    round(samples.reduce((sum, s) => sum + pick(s), 0) / samples.length, 2);
  return {
    journey,
    runs: samples.length,
    stateTransitions: mean((s) => s.stateTransitions),
    apiInvocations: mean((s) => s.apiInvocations),
    taskInvocations: mean((s) => s.taskInvocations),
    apiMs: mean((s) => s.apiMs),
    taskMs: mean((s) => s.taskMs),
    readRequests: mean((s) => s.readRequests),
    writeRequests: mean((s) => s.writeRequests),
    rru: mean((s) => s.rru),
    wru: mean((s) => s.wru),
    billedWru: mean((s) => s.billedWru),
  };
};

export const costCounts = async (bench: BenchSystem, runs: number): Promise<JourneyCounts[]> => {
  const { api, sfn } = bench;
  await meter.settled();

  /** Runs `act` and counts what it used, once the workflow of `id()` is parked in `parkState`. */
  const measure = async (
    act: () => Promise<{ id: string; apiCalls: number; apiMs: number }>,
    parkState: string,
    eventsBefore = 0,
  ): Promise<Sample & { id: string }> => {
    const before = meter.snapshot();
    const { id, apiCalls, apiMs } = await act();
    const events = await until(
      () => history(sfn, id),
      (e) => parkedIn(e, eventsBefore) === parkState,
      { everyMs: 10 },
    );
    await meter.settled();
    const app = difference(before, meter.snapshot())[APP_TABLE];
    const counts = countEvents(events.slice(eventsBefore));
    return {
      id,
      stateTransitions: counts.transitions,
      apiInvocations: apiCalls,
      taskInvocations: counts.taskInvocations,
      apiMs,
      taskMs: counts.taskDurationsMs.reduce((a, b) => a + b, 0),
      readRequests: app?.readRequests ?? 0,
      writeRequests: app?.writeRequests ?? 0,
      rru: app?.rcu ?? 0,
      wru: app?.wcu ?? 0,
      billedWru: (app?.wcu ?? 0) + (app?.wcuTx ?? 0),
    };
  };

  const timed = async <T>(call: () => Promise<T>) => {
    const t0 = performance.now();
    const value = await call();
    return { value, ms: performance.now() - t0 };
  };

  const auto: Sample[] = [];
  const escalated: Sample[] = [];
  const cycle: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const a = await measure(async () => {
      const { value, ms } = await timed(() => api.submit(USERS.sam, insideCard()));
      return { id: (value.body as { id: string }).id, apiCalls: 1, apiMs: ms };
    }, 'WaitForCycle');
    auto.push(a);

    escalated.push(
      await measure(async () => {
        const submitted = await timed(() => api.submit(USERS.sam, outsideCard()));
        const id = (submitted.value.body as { id: string }).id;
        await until(
          () => history(sfn, id),
          (e) => parkedIn(e) === 'WaitForDecision',
          { everyMs: 10 },
        );
        const decided = await timed(() => api.decide(USERS.megan, id, { outcome: 'approve' }));
        return { id, apiCalls: 2, apiMs: submitted.ms + decided.ms };
      }, 'WaitForCycle'),
    );

    const eventsBefore = (await history(sfn, a.id)).length;
    cycle.push(
      await measure(
        async () => {
          const { ms } = await timed(() =>
            api.call('POST', `/api/experiments/${a.id}/cycles`, {
              as: USERS.sam,
              body: {
                result: 'didNotWork',
                observed: 'Only three of ten families answered an evening call.',
                learned: 'Families answer calls before 7pm more often than after.',
                next: 'adapt',
                incident: 'none',
              },
            }),
          );
          return { id: a.id, apiCalls: 1, apiMs: ms };
        },
        'WaitForCycle',
        eventsBefore,
      ),
    );
  }
  return [
    average('auto path (authorised by the card)', auto),
    average('escalated, then approved', escalated),
    average('one cycle (adapt, inside the card)', cycle),
  ];
};
