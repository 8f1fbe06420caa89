import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Experiment, HistoryEvent, WorkflowExecution } from '#shared/domain/experiment.ts';
import { STATUSES, type Status } from '#shared/domain/status.ts';
import { experimentIndexKeys } from '#shared/store/keys.ts';
import {
  drivingExecution,
  executionInput,
  executionName,
  requireDriver,
  resumePointOf,
  SupersededExecution,
} from '#shared/workflow/continuation.ts';

const ID = '0b7e9d0a-3c1e-4f6a-9d2b-5a8c7e6f1d20';
const MACHINE = 'arn:aws:states:eu-west-2:123456789012:execution:fail-forward-prod-experiment';
const arnOf = (name: string) => `${MACHINE}:${name}`;

const experiment = (overrides: Partial<Experiment> = {}): Experiment =>
  ({
    id: ID,
    status: 'escalated',
    createdAt: '2026-01-05T09:00:00.000Z',
    cycles: [],
    history: [
      { at: '2026-01-05T09:00:00.000Z', by: 'sam', byName: 'Sam', event: 'submitted', status: 'assessing' },
    ],
    ...overrides,
  }) as Experiment;

const entries = (...events: HistoryEvent[]) =>
  events.map((event) => ({
    at: '2026-01-05T09:00:00.000Z',
    by: 'card',
    byName: 'card',
    event,
    status: 'testing' as Status,
  }));

const cycles = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ number: i + 1 })) as Experiment['cycles'];

describe('execution names and inputs', () => {
  it('names the first execution after the experiment and each continuation after its generation', () => {
    // Act / Assess
    expect(executionName(ID, 0)).toBe(ID);
    expect(executionName(ID, 3)).toBe(`${ID}-3`);
    expect(executionName(ID, 9999).length).toBeLessThanOrEqual(80);
  });

  it('gives every generation of every experiment a name of its own', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.nat(10_000), fc.uuid(), fc.nat(10_000), (a, ga, b, gb) => {
        // Act
        const same = executionName(a, ga) === executionName(b, gb);

        // Assess
        expect(same).toBe(a === b && ga === gb);
      }),
      { numRuns: 2000 },
    );
  });

  it('starts the first execution with what the submission starts it with, whatever the experiment records', () => {
    // Prepare
    const first: WorkflowExecution = { arn: arnOf(ID), generation: 0, startedAt: '2026-01-05T09:00:00.000Z' };

    // Act / Assess
    expect(executionInput(ID, undefined)).toEqual({ experimentId: ID });
    expect(executionInput(ID, first)).toEqual({ experimentId: ID });
  });

  it('gives a continuation the same input every time it is asked, so starting it again is the same request', () => {
    // Prepare
    const next: WorkflowExecution = {
      arn: arnOf(`${ID}-2`),
      generation: 2,
      startedAt: '2026-01-05T09:00:00.000Z',
      resume: 'cycle',
      seen: 3,
      restarts: 1,
    };

    // Act
    const texts = [executionInput(ID, next), executionInput(ID, structuredClone(next))].map((input) =>
      JSON.stringify(input),
    );

    // Assess
    expect(JSON.parse(texts[0] ?? '')).toEqual({
      experimentId: ID,
      generation: 2,
      resume: 'cycle',
      cycle: { number: 3 },
    });
    expect(texts[1]).toBe(texts[0]);
  });
});

describe('the driving execution', () => {
  it('is the recorded one, or the first (named after the experiment) when none is recorded', () => {
    // Prepare
    const recorded = { arn: arnOf(`${ID}-4`), generation: 4, startedAt: '2026-02-01T00:00:00.000Z' };

    // Act / Assess
    expect(drivingExecution(experiment(), arnOf)).toEqual({
      arn: arnOf(ID),
      generation: 0,
      startedAt: '2026-01-05T09:00:00.000Z',
    });
    expect(drivingExecution(experiment({ execution: recorded }), arnOf)).toBe(recorded);
  });

  it('lets only the driving execution act', () => {
    // Prepare
    const driving = experiment({
      execution: { arn: arnOf(`${ID}-1`), generation: 1, startedAt: '2026-02-01T00:00:00.000Z' },
    });

    // Act / Assess
    expect(() => requireDriver(driving, arnOf(`${ID}-1`))).not.toThrow();
    expect(() => requireDriver(driving, arnOf(ID))).toThrow(SupersededExecution);
    expect(() => requireDriver(driving, arnOf(`${ID}-2`))).toThrow(SupersededExecution);
    // Before any execution is recorded, the first drives, and nothing else.
    expect(() => requireDriver(experiment(), arnOf(ID))).not.toThrow();
    expect(() => requireDriver(experiment(), arnOf(`${ID}-stale`))).toThrow(SupersededExecution);
    // An execution started before tasks were given their ARN passes none.
    expect(() => requireDriver(driving, undefined)).not.toThrow();
  });

  it('is refused with an error a Catch can match by name', () => {
    // Act
    let thrown: unknown;
    try {
      requireDriver(experiment(), arnOf('other'));
    } catch (error) {
      thrown = error;
    }

    // Assess
    expect((thrown as Error).name).toBe('SupersededExecution');
  });
});

describe('where a continuation resumes', () => {
  it('is nowhere for a final experiment, the assessment while assessing, the decision while escalated', () => {
    // Act / Assess
    for (const status of ['declined', 'adopted', 'abandoned'] as const) {
      expect(resumePointOf(experiment({ status }))).toBeUndefined();
    }
    expect(resumePointOf(experiment({ status: 'assessing' }))).toEqual({ resume: 'assess' });
    expect(resumePointOf(experiment({ status: 'escalated' }))).toEqual({ resume: 'decision' });
    // Escalated again by a cycle: the decision, then the cycles taken in so far.
    expect(resumePointOf(experiment({ status: 'escalated', cycles: cycles(2) }))).toEqual({
      resume: 'decision',
      seen: 2,
    });
  });

  it('is the next cycle while testing, with every cycle recorded taken in', () => {
    // Act / Assess
    expect(
      resumePointOf(experiment({ status: 'authorised', history: entries('submitted', 'authorised') })),
    ).toEqual({ resume: 'cycle', seen: 0 });
    expect(
      resumePointOf(
        experiment({
          status: 'testing',
          cycles: cycles(3),
          history: entries('approved', 'cycleRecorded', 'reminded'),
        }),
      ),
    ).toEqual({ resume: 'cycle', seen: 3 });
  });

  it('is the decision just after an approval, so the owner is told and testing starts, whatever bookkeeping came after', () => {
    // Act / Assess
    expect(
      resumePointOf(
        experiment({
          status: 'authorised',
          history: entries('escalated', 'approved', 'continued', 'failed'),
        }),
      ),
    ).toEqual({ resume: 'decision' });
    expect(
      resumePointOf(
        experiment({
          status: 'testing',
          cycles: cycles(1),
          history: entries('cycleRecorded', 'escalated', 'approved'),
        }),
      ),
    ).toEqual({ resume: 'decision', seen: 1 });
  });

  it('exists exactly while the experiment is in the index of experiments a workflow must drive', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), (status) => {
        // Act
        const indexed =
          experimentIndexKeys({ id: ID, team: 't', owner: 'o', createdAt: '2026-01-05', status }).gsi5pk !==
          null;

        // Assess
        expect(resumePointOf(experiment({ status })) !== undefined).toBe(indexed);
      }),
    );
  });
});
