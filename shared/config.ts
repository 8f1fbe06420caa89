/**
 * Configuration from the environment, read once. The same variables are set by CDK in AWS and by
 * `infra/local` on one machine; AWS SDK endpoints come from the SDK's own AWS_ENDPOINT_URL_* variables,
 * so nothing here knows whether it runs locally.
 */
const read = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`Missing configuration: ${name}`);
  return value;
};

const optionalNumber = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds`);
  return value;
};

export interface AppConfig {
  tableName: string;
  stateMachineArn: string;
  /** Overrides the policy's decision deadline, to try the raise to leaders in seconds. */
  decisionDeadlineSeconds: number | undefined;
  /** Overrides `durationWeeks` as the time to the review date and between reminders, to try them in seconds. */
  reviewPeriodSeconds: number | undefined;
  /** How long the submission request waits for the card's answer before returning `assessing`. */
  submitWaitMs: number;
  notifier: 'outbox' | 'govuk-notify';
  notifySecretName: string | undefined;
  userPoolId: string | undefined;
  /** The public address of the web pages, used in notification links. */
  publicUrl: string;
}

let cached: AppConfig | undefined;

export const config = (): AppConfig => {
  cached ??= {
    tableName: read('TABLE_NAME'),
    stateMachineArn: read('STATE_MACHINE_ARN'),
    decisionDeadlineSeconds: optionalNumber('DECISION_DEADLINE_SECONDS'),
    reviewPeriodSeconds: optionalNumber('REVIEW_PERIOD_SECONDS'),
    submitWaitMs: Number(process.env.SUBMIT_WAIT_MS ?? 3000),
    notifier: read('NOTIFIER', 'govuk-notify') === 'outbox' ? 'outbox' : 'govuk-notify',
    notifySecretName: process.env.NOTIFY_SECRET_NAME,
    userPoolId: process.env.USER_POOL_ID,
    publicUrl: read('PUBLIC_URL', 'http://localhost:3000'),
  };
  return cached;
};

/** Tests and the local runtime change the environment between systems. */
export const resetConfig = (): void => {
  cached = undefined;
};
