import type { Policy } from '../domain/card.ts';
import type { Experiment } from '../domain/experiment.ts';
import type { Timers, WaitTimes } from './payloads.ts';

const DAY = 24 * 3600;
/** After the review date has passed, the owner is reminded weekly until they record a cycle. */
const REMINDER_INTERVAL_SECONDS = 7 * DAY;
/** A review date already passed (or about to) still gets a moment before the first reminder. */
const REMINDER_FLOOR_SECONDS = 60;

/**
 * How long one workflow execution drives an experiment before it hands over to a new one: a week under
 * a Standard execution's one-year limit, so a wait ends by this bound well before AWS would time the
 * execution out (see `continuation.ts` and docs/architecture.md).
 */
export const DEFAULT_WORKFLOW_MAX_AGE_SECONDS = 358 * DAY;

export interface TimerSettings {
  /** Replaces the policy's `decisionDeadlineDays` (to try the raise to leaders in seconds). */
  decisionDeadlineSeconds?: number | undefined;
  /** Replaces `durationWeeks` as the time to the review date, and the week between reminders. */
  reviewPeriodSeconds?: number | undefined;
  /** How long an execution drives before it hands over (WORKFLOW_MAX_AGE_SECONDS); a week under a year. */
  workflowMaxAgeSeconds?: number | undefined;
}

/**
 * A task-token wait. Nothing heartbeats a human decision, so the heartbeat sits just inside the
 * timeout: either limit passing means the same thing to the workflow, a deadline.
 */
export const waitTimes = (seconds: number): WaitTimes => {
  const timeoutSeconds = Math.max(1, Math.ceil(seconds));
  return { timeoutSeconds, heartbeatSeconds: Math.max(1, timeoutSeconds - 1), endsBy: 'deadline' };
};

/**
 * The wait, unless the execution's age budget ends first: then the wait ends at the budget and the
 * workflow hands over to a new execution instead of treating it as the deadline (`endsBy`).
 */
const withinBudget = (seconds: number, budgetLeft: number): WaitTimes =>
  seconds <= budgetLeft ? waitTimes(seconds) : { ...waitTimes(budgetLeft), endsBy: 'handOver' };

const plusSeconds = (iso: string, seconds: number) =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** The deadlines and review dates of experiments, from their policy version and the settings. */
export const workflowTimers = (settings: TimerSettings, now: () => Date) => {
  const deadlineSeconds = (policy: Policy) =>
    settings.decisionDeadlineSeconds ?? policy.decisionDeadlineDays * DAY;
  const reviewSeconds = (exp: Experiment) => settings.reviewPeriodSeconds ?? exp.card.durationWeeks * 7 * DAY;
  const reminderSeconds = settings.reviewPeriodSeconds ?? REMINDER_INTERVAL_SECONDS;
  const maxAgeSeconds = settings.workflowMaxAgeSeconds ?? DEFAULT_WORKFLOW_MAX_AGE_SECONDS;
  const secondsUntil = (iso: string) => (Date.parse(iso) - now().getTime()) / 1000;

  /** What is left of the driving execution's age budget (its start, or the submission's before it was recorded). */
  const budgetLeft = (exp: Experiment) =>
    secondsUntil(plusSeconds(exp.execution?.startedAt ?? exp.createdAt, maxAgeSeconds));

  /** The next review date: the review date, or a reminder interval after the last reminder once it passed. */
  const nextReviewAt = (exp: Experiment): string | undefined => {
    if (!exp.reviewBy) return undefined;
    const reminded = exp.history.findLast((entry) => entry.event === 'reminded');
    if (!reminded) return exp.reviewBy;
    const afterReminder = Date.parse(plusSeconds(reminded.at, reminderSeconds));
    return new Date(Math.max(afterReminder, Date.parse(exp.reviewBy))).toISOString();
  };

  return {
    /** The time between reminders once the review date has passed. */
    reminderSeconds,

    /** A manager's deadline for an escalation that starts at `at`. */
    deadlineAt: (at: string, policy: Policy) =>
      plusSeconds(at, waitTimes(deadlineSeconds(policy)).timeoutSeconds),

    /** The review date of an experiment authorised at `at`. */
    reviewDate: (exp: Experiment, at: string) => plusSeconds(at, reviewSeconds(exp)),

    /**
     * The waits ahead of an experiment: what is left of a manager's deadline while it is escalated (a
     * whole deadline otherwise), and the time to its next review date; each bounded by the driving
     * execution's age budget. A deadline already passed gives a wait of a second: it raises at once.
     */
    timersFor: (exp: Experiment, policy: Policy, reviewAfterSeconds?: number): Timers => {
      const budget = budgetLeft(exp);
      const escalated = exp.status === 'escalated' && exp.deadlineAt !== undefined;
      const decision = escalated ? secondsUntil(exp.deadlineAt ?? '') : deadlineSeconds(policy);
      const reviewAt = nextReviewAt(exp);
      const untilReview = reviewAt ? secondsUntil(reviewAt) : reviewSeconds(exp);
      const review =
        reviewAfterSeconds ?? Math.max(Math.min(REMINDER_FLOOR_SECONDS, reminderSeconds), untilReview);
      return { decision: withinBudget(decision, budget), review: withinBudget(review, budget) };
    },
  };
};

export type WorkflowTimers = ReturnType<typeof workflowTimers>;
