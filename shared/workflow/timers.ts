import type { Policy } from '../domain/card.ts';
import type { Experiment } from '../domain/experiment.ts';
import type { Timers, WaitTimes } from './payloads.ts';

const DAY = 24 * 3600;
/** After the review date has passed, the owner is reminded weekly until they record a cycle. */
const REMINDER_INTERVAL_SECONDS = 7 * DAY;
/** A review date already passed (or about to) still gets a moment before the first reminder. */
const REMINDER_FLOOR_SECONDS = 60;

export interface TimerSettings {
  /** Replaces the policy's `decisionDeadlineDays` (to try the raise to leaders in seconds). */
  decisionDeadlineSeconds?: number | undefined;
  /** Replaces `durationWeeks` as the time to the review date, and the week between reminders. */
  reviewPeriodSeconds?: number | undefined;
}

/**
 * A task-token wait. Nothing heartbeats a human decision, so the heartbeat sits just inside the
 * timeout: either limit passing means the same thing to the workflow, a deadline.
 */
export const waitTimes = (seconds: number): WaitTimes => {
  const timeoutSeconds = Math.max(1, Math.ceil(seconds));
  return { timeoutSeconds, heartbeatSeconds: Math.max(1, timeoutSeconds - 1) };
};

const plusSeconds = (iso: string, seconds: number) =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** The deadlines and review dates of experiments, from their policy version and the settings. */
export const workflowTimers = (settings: TimerSettings, now: () => Date) => {
  const deadlineSeconds = (policy: Policy) =>
    settings.decisionDeadlineSeconds ?? policy.decisionDeadlineDays * DAY;
  const reviewSeconds = (exp: Experiment) => settings.reviewPeriodSeconds ?? exp.card.durationWeeks * 7 * DAY;
  const reminderSeconds = settings.reviewPeriodSeconds ?? REMINDER_INTERVAL_SECONDS;

  return {
    /** The time between reminders once the review date has passed. */
    reminderSeconds,

    /** A manager's deadline for an escalation that starts at `at`. */
    deadlineAt: (at: string, policy: Policy) =>
      plusSeconds(at, waitTimes(deadlineSeconds(policy)).timeoutSeconds),

    /** The review date of an experiment authorised at `at`. */
    reviewDate: (exp: Experiment, at: string) => plusSeconds(at, reviewSeconds(exp)),

    /** The waits ahead of an experiment: a manager's deadline, and the time left to its review date. */
    timersFor: (exp: Experiment, policy: Policy, reviewAfterSeconds?: number): Timers => {
      const untilReview = exp.reviewBy
        ? (Date.parse(exp.reviewBy) - now().getTime()) / 1000
        : reviewSeconds(exp);
      return {
        decision: waitTimes(deadlineSeconds(policy)),
        review: waitTimes(
          reviewAfterSeconds ?? Math.max(Math.min(REMINDER_FLOOR_SECONDS, reminderSeconds), untilReview),
        ),
      };
    },
  };
};

export type WorkflowTimers = ReturnType<typeof workflowTimers>;
