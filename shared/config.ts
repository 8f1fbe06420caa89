/**
 * The application's settings, read from an environment: in Lambda, CDK sets these variables on each
 * function and `services()` reads `process.env` once per container. The local runtime does not use
 * variables at all: it builds an `AppConfig` itself and passes it to `createServices`. Endpoints and
 * credentials are not settings: they belong to the adapters (see shared/services/index.ts).
 */
import { publisherId } from './domain/open-learning.ts';
import type { RetentionPeriod } from './domain/retention.ts';

export interface NotifyConfig {
  secretName: string;
  userPoolId: string;
  templateIds: Record<string, string>;
}

export interface AppConfig {
  tableName: string;
  stateMachineArn: string;
  /** Overrides the policy's decision deadline, to try the raise to leaders in seconds. */
  decisionDeadlineSeconds: number | undefined;
  /** Overrides `durationWeeks` as the time to the review date and between reminders, to try them in seconds. */
  reviewPeriodSeconds: number | undefined;
  /**
   * How long one workflow execution drives an experiment before it hands over to a new one; by default a
   * week under a Standard execution's one-year limit (DEFAULT_WORKFLOW_MAX_AGE_SECONDS). Shorter, to see
   * the hand-over in seconds.
   */
  workflowMaxAgeSeconds: number | undefined;
  /** How often reconciliation runs (RECONCILE_INTERVAL_SECONDS by default), the unit of its backoff too. */
  reconcileSeconds: number | undefined;
  /** How long the submission request waits for the card's answer before returning `assessing`. */
  submitWaitMs: number;
  /** The public address of the web pages, used in notification links. */
  publicUrl: string;
  /** Where GOV.UK Notify's key and the user directory are: set only on the functions that notify. */
  notify: NotifyConfig | undefined;
  /** The council that publishes the learning library as open data: its name, and the slug in every entry's id. */
  publisher: { name: string; id: string };
  /**
   * How long a closed experiment is kept before it is anonymised: `retentionMonths` (default 72) from
   * the council's retention schedule; on one machine, seconds (`RETENTION_SECONDS`) to try it.
   */
  retention: RetentionPeriod;
  /** How long audit entries are kept (default 72 months); they are never anonymised. */
  auditRetentionMonths: number;
}

/** Until a council sets its own: the council whose prompt card this is. */
export const DEFAULT_COUNCIL_NAME = 'Monmouthshire County Council';

/**
 * Reconciliation's round: its schedule in the function registry is built from this, and it is the unit of
 * the backoff between restarts of a failed execution.
 */
export const RECONCILE_INTERVAL_SECONDS = 300;

type Env = Readonly<Record<string, string | undefined>>;

/** The spec's default for both `retentionMonths` and `auditRetentionMonths`. */
export const DEFAULT_RETENTION_MONTHS = 72;

const required = (env: Env, name: string): string => {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`Missing configuration: ${name}`);
  return value;
};

const positiveSeconds = (env: Env, name: string): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds`);
  return value;
};

const months = (env: Env, name: string): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_MONTHS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1200)
    throw new Error(`${name} must be a whole number of months from 1 to 1200`);
  return value;
};

const notifyConfig = (env: Env): NotifyConfig | undefined => {
  const secretName = env.NOTIFY_SECRET_NAME;
  const userPoolId = env.USER_POOL_ID;
  if (!secretName || !userPoolId) return undefined;
  return {
    secretName,
    userPoolId,
    templateIds: JSON.parse(env.NOTIFY_TEMPLATE_IDS ?? '{}') as Record<string, string>,
  };
};

/** The open data's publisher from COUNCIL_NAME and COUNCIL_ID; the defaults with neither. */
export const publisherConfig = (env: Env): AppConfig['publisher'] => {
  const name = env.COUNCIL_NAME || DEFAULT_COUNCIL_NAME;
  const id = env.COUNCIL_ID || publisherId(name);
  if (publisherId(id) !== id) throw new Error(`COUNCIL_ID must be a slug like monmouthshire, not ${id}`);
  return { name, id };
};

/** Pure: the same environment always gives the same configuration, and nothing is kept. */
export const readConfig = (env: Env): AppConfig => ({
  tableName: required(env, 'TABLE_NAME'),
  stateMachineArn: required(env, 'STATE_MACHINE_ARN'),
  decisionDeadlineSeconds: positiveSeconds(env, 'DECISION_DEADLINE_SECONDS'),
  reviewPeriodSeconds: positiveSeconds(env, 'REVIEW_PERIOD_SECONDS'),
  workflowMaxAgeSeconds: positiveSeconds(env, 'WORKFLOW_MAX_AGE_SECONDS'),
  reconcileSeconds: positiveSeconds(env, 'RECONCILE_SECONDS'),
  submitWaitMs: Number(env.SUBMIT_WAIT_MS ?? 3000),
  publicUrl: env.PUBLIC_URL || 'http://localhost:3000',
  notify: notifyConfig(env),
  publisher: publisherConfig(env),
  retention: { months: months(env, 'RETENTION_MONTHS') },
  auditRetentionMonths: months(env, 'AUDIT_RETENTION_MONTHS'),
});
