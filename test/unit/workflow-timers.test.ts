import { describe, expect, it } from 'vitest';
import { rateSeconds } from '#infra/local/schedules.ts';
import type { Policy } from '#shared/domain/card.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import { emfMetrics } from '#shared/metrics.ts';
import { DEFAULT_WORKFLOW_MAX_AGE_SECONDS, workflowTimers } from '#shared/workflow/timers.ts';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();
const policy = { decisionDeadlineDays: 5 } as Policy;
const DAY = 86_400;

const experiment = (overrides: Partial<Experiment>): Experiment =>
  ({
    id: 'e',
    status: 'testing',
    createdAt: at(-10 * DAY),
    card: { durationWeeks: 4 },
    cycles: [],
    history: [],
    execution: { arn: 'arn', generation: 0, startedAt: at(-10 * DAY) },
    ...overrides,
  }) as Experiment;

const timers = (settings = {}) => workflowTimers(settings, () => new Date(NOW));

describe('the waits of an execution with its age budget', () => {
  it('ends a wait at its deadline while the budget lasts longer', () => {
    // Act
    const { review } = timers().timersFor(experiment({ reviewBy: at(3 * DAY) }), policy);

    // Assess
    expect(review).toEqual({ timeoutSeconds: 3 * DAY, heartbeatSeconds: 3 * DAY - 1, endsBy: 'deadline' });
  });

  it('ends a wait at the budget, to hand over, when the budget ends first', () => {
    // Prepare: a week under a year is the default budget; this execution is 357 days old.
    const old = experiment({
      reviewBy: at(30 * DAY),
      execution: { arn: 'arn', generation: 2, startedAt: at(-357 * DAY) },
    });

    // Act
    const { review, decision } = timers().timersFor(old, policy);

    // Assess
    expect(DEFAULT_WORKFLOW_MAX_AGE_SECONDS).toBe(358 * DAY);
    expect(review).toEqual({ timeoutSeconds: DAY, heartbeatSeconds: DAY - 1, endsBy: 'handOver' });
    expect(decision.endsBy).toBe('handOver');
  });

  it('hands over at once when the budget has already run out, and counts from the submission before a start is recorded', () => {
    // Act
    const { review } = timers({ workflowMaxAgeSeconds: 60 }).timersFor(
      experiment({ reviewBy: at(DAY), execution: undefined, createdAt: at(-61) }),
      policy,
    );

    // Assess
    expect(review).toEqual({ timeoutSeconds: 1, heartbeatSeconds: 1, endsBy: 'handOver' });
  });

  it('gives an escalated experiment what is left of its deadline, and a second when it has passed', () => {
    // Act
    const left = timers().timersFor(experiment({ status: 'escalated', deadlineAt: at(90) }), policy);
    const passed = timers().timersFor(experiment({ status: 'escalated', deadlineAt: at(-90) }), policy);
    const whole = timers().timersFor(experiment({ status: 'testing', deadlineAt: at(-90) }), policy);

    // Assess
    expect(left.decision).toEqual({ timeoutSeconds: 90, heartbeatSeconds: 89, endsBy: 'deadline' });
    expect(passed.decision).toEqual({ timeoutSeconds: 1, heartbeatSeconds: 1, endsBy: 'deadline' });
    expect(whole.decision.timeoutSeconds).toBe(5 * DAY);
  });

  it('waits for the next reminder a reminder interval after the last one, once the review date has passed', () => {
    // Prepare
    const reminded = experiment({
      reviewBy: at(-20 * DAY),
      history: [{ at: at(-2 * DAY), by: 'card', byName: 'card', event: 'reminded', status: 'testing' }],
    });

    // Act
    const { review } = timers().timersFor(reminded, policy);

    // Assess
    expect(review.timeoutSeconds).toBe(5 * DAY);
  });
});

describe('the reconciliation metric', () => {
  it('is one CloudWatch embedded metric format line, without the counts that are zero', () => {
    // Prepare
    const lines: string[] = [];
    const metrics = emfMetrics({
      namespace: 'FailForward',
      dimensions: { StateMachine: 'fail-forward-prod-experiment' },
      write: (line) => lines.push(line),
      now: () => NOW,
    });

    // Act
    metrics.count({ WorkflowsResumed: 0, WorkflowsGivenUp: 0 });
    metrics.count({ WorkflowsResumed: 2, WorkflowsGivenUp: 0 });

    // Assess
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      _aws: {
        Timestamp: NOW,
        CloudWatchMetrics: [
          {
            Namespace: 'FailForward',
            Dimensions: [['StateMachine']],
            Metrics: [{ Name: 'WorkflowsResumed', Unit: 'Count' }],
          },
        ],
      },
      StateMachine: 'fail-forward-prod-experiment',
      WorkflowsResumed: 2,
    });
  });
});

describe('schedules on one machine', () => {
  it('reads EventBridge rates, and leaves cron expressions to AWS', () => {
    // Act / Assess
    expect(rateSeconds('rate(5 minutes)')).toBe(300);
    expect(rateSeconds('rate(1 hour)')).toBe(3600);
    expect(rateSeconds('rate(1 day)')).toBe(86_400);
    expect(rateSeconds('cron(0 3 * * ? *)')).toBeUndefined();
  });
});
