import type { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DEFAULT_RETENTION_MONTHS, publisherConfig, statementsConfig } from '#shared/config.ts';

export type Stage = 'dev' | 'prod';

export interface StackConfig {
  stage: Stage;
  /** Where Cognito's managed login may send people back to (the web pages' callback). */
  callbackUrls: string[];
  logoutUrls: string[];
  /** The public address of the web pages, used in notification links. */
  publicUrl: string;
  /** Secrets Manager name of the GOV.UK Notify API key; the key itself never enters the template. */
  notifySecretName: string;
  /** GOV.UK Notify template id per notification template (`NOTIFY_TEMPLATE_IDS`). */
  notifyTemplateIds: Record<string, string>;
  /** Every log group's retention (and the CloudFront log bucket's): prod at least a year, for the audit trail. */
  logRetention: RetentionDays;
  alarmEmail: string | undefined;
  /** Managed login domain prefix (must be unique in the region). */
  authDomainPrefix: string | undefined;
  /** TOTP MFA for everyone: on by default in prod, optional by default in dev. */
  requireMfa: boolean;
  /** Per-function reserved concurrency (prod 10, dev none); `undefined` leaves the account's unreserved pool in charge. */
  reservedConcurrency: number | undefined;
  /** The API's default stage limits, requests per second and burst (the web pages' API uses the same). */
  apiRateLimit: number;
  apiBurstLimit: number;
  /** Secrets Manager name of the web pages' session signing secret; the value never enters the template. */
  sessionSecretName: string;
  /**
   * The web pages' own address (e.g. failforward.example.gov.uk) and its ACM certificate in us-east-1.
   * Without them the pages are served on CloudFront's default `*.cloudfront.net` address.
   */
  webDomain: DomainSetting | undefined;
  /** A WAFv2 web ACL (scope CLOUDFRONT, so in us-east-1) to put in front of the pages and the API. */
  webAclArn: string | undefined;
  /**
   * With the pages' own domain, both HTTP APIs get a custom domain of their own under it, served with a
   * regional ACM certificate, and their `execute-api` addresses are switched off: CloudFront reaches them
   * by these names. Without a domain, CloudFront uses the `execute-api` addresses.
   */
  apiDomains: ApiDomains | undefined;
  /**
   * Secrets Manager name of the value CloudFront sends to both APIs in the origin-verify header; the
   * handlers refuse any request without it, so nobody reaches them around CloudFront.
   */
  originVerifySecretName: string;
  /**
   * The distribution's id (the `WebDistributionId` output), once deployed: it adds the us-east-1 stack
   * holding the CloudFront alarm, because CloudFront's metrics exist only in us-east-1.
   */
  webDistributionId: string | undefined;
  /**
   * The council publishing the learning library as open data: its name, and the slug in every entry's
   * id (set once: changing it changes every id another council has imported).
   */
  council: { name: string; id: string };
  /** How long a closed experiment is kept before it is anonymised, from the council's retention schedule. */
  retentionMonths: number;
  /** How long audit entries are kept. */
  auditRetentionMonths: number;
  /**
   * The statements' council-specific parts, as the web function reads them (DPO_EMAIL,
   * ACCESSIBILITY_EMAIL, ACCESSIBILITY_TESTED_ON): only those set, so the pages' defaults apply otherwise.
   */
  statements: Record<string, string>;
}

/** A custom domain name with its ACM certificate. */
export interface DomainSetting {
  domainName: string;
  certificateArn: string;
}

export interface ApiDomains {
  /** The pages' API, `pages-origin.<webDomainName>`. */
  pages: DomainSetting;
  /** The JSON API, `api-origin.<webDomainName>`. */
  api: DomainSetting;
}

/** The shortest retention a prod stack may keep its logs (CT.CLOUDWATCH.PR.2; see docs/operations.md). */
export const PROD_MIN_LOG_RETENTION_DAYS = 365;

/**
 * Each setting comes from an environment variable when one is set (CI, one-off runs), otherwise from
 * CDK context (`-c key=value` or cdk.json). The variable wins because cdk.json always carries the dev
 * defaults, so context alone could never be overridden from a pipeline's environment.
 */
const ENV_NAMES = {
  stage: 'FAIL_FORWARD_STAGE',
  callbackUrls: 'FAIL_FORWARD_CALLBACK_URLS',
  logoutUrls: 'FAIL_FORWARD_LOGOUT_URLS',
  publicUrl: 'FAIL_FORWARD_PUBLIC_URL',
  notifySecretName: 'FAIL_FORWARD_NOTIFY_SECRET_NAME',
  notifyTemplateIds: 'FAIL_FORWARD_NOTIFY_TEMPLATE_IDS',
  logRetentionDays: 'FAIL_FORWARD_LOG_RETENTION_DAYS',
  alarmEmail: 'FAIL_FORWARD_ALARM_EMAIL',
  authDomainPrefix: 'FAIL_FORWARD_AUTH_DOMAIN_PREFIX',
  requireMfa: 'FAIL_FORWARD_REQUIRE_MFA',
  reservedConcurrency: 'FAIL_FORWARD_RESERVED_CONCURRENCY',
  apiRateLimit: 'FAIL_FORWARD_API_RATE_LIMIT',
  apiBurstLimit: 'FAIL_FORWARD_API_BURST_LIMIT',
  sessionSecretName: 'FAIL_FORWARD_SESSION_SECRET_NAME',
  webDomainName: 'FAIL_FORWARD_WEB_DOMAIN_NAME',
  webCertificateArn: 'FAIL_FORWARD_WEB_CERTIFICATE_ARN',
  webAclArn: 'FAIL_FORWARD_WEB_ACL_ARN',
  apiCertificateArn: 'FAIL_FORWARD_API_CERTIFICATE_ARN',
  originVerifySecretName: 'FAIL_FORWARD_ORIGIN_VERIFY_SECRET_NAME',
  webDistributionId: 'FAIL_FORWARD_WEB_DISTRIBUTION_ID',
  councilName: 'FAIL_FORWARD_COUNCIL_NAME',
  councilId: 'FAIL_FORWARD_COUNCIL_ID',
  retentionMonths: 'FAIL_FORWARD_RETENTION_MONTHS',
  auditRetentionMonths: 'FAIL_FORWARD_AUDIT_RETENTION_MONTHS',
  dpoEmail: 'FAIL_FORWARD_DPO_EMAIL',
  accessibilityEmail: 'FAIL_FORWARD_ACCESSIBILITY_EMAIL',
  accessibilityTestedOn: 'FAIL_FORWARD_ACCESSIBILITY_TESTED_ON',
} as const;

export type ConfigKey = keyof typeof ENV_NAMES;

const DEV_CALLBACK = 'http://localhost:3000/auth/callback';

const fail = (message: string): never => {
  throw new Error(`Fail Forward configuration: ${message}`);
};

const list = (value: unknown, key: string): string[] => {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value !== 'string') return fail(`${key} must be a list or a comma-separated string`);
  const text = value.trim();
  if (text.startsWith('[')) return list(JSON.parse(text) as unknown, key);
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
};

const positiveInteger = (value: unknown, key: string): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    return fail(`${key} must be a whole number above 0, not ${String(value)}`);
  return n;
};

const RETENTION_VALUES = new Set<number>(
  Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'),
);

const validUrl = (url: string, key: string, stage: Stage) => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`${key} has ${url}, which is not a URL`);
  }
  const localhost = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
  // Cognito only allows plain http for localhost; production never sends codes to a developer machine.
  if (parsed.protocol !== 'https:' && !localhost) fail(`${key} must use https: ${url}`);
  if (stage === 'prod' && localhost) fail(`${key} must not point at localhost in prod: ${url}`);
  return url;
};

/** Reads and checks the app's settings; a wrong value stops the synth with a message naming it. */
export const readConfig = (app: App, env: NodeJS.ProcessEnv = process.env): StackConfig => {
  const raw = (key: ConfigKey, contextKey: string = key): unknown => {
    const fromEnv = env[ENV_NAMES[key]];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    return app.node.tryGetContext(contextKey) as unknown;
  };
  const text = (key: ConfigKey): string | undefined => {
    const value = raw(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };

  const stageText = text('stage') ?? 'dev';
  if (stageText !== 'dev' && stageText !== 'prod') return fail(`stage must be dev or prod, not ${stageText}`);
  const stage: Stage = stageText;

  const webDomain = readWebDomain(text('webDomainName'), text('webCertificateArn'));
  const apiDomains = readApiDomains(webDomain, text('apiCertificateArn'));

  const callbackUrls = list(raw('callbackUrls'), 'callbackUrls');
  if (callbackUrls.length === 0) {
    // With its own address the pages' callback is known before the first deploy; CloudFront's default
    // address is not (see infra/constructs/web.ts), so then the operator passes it after the first deploy.
    if (webDomain) callbackUrls.push(`https://${webDomain.domainName}/auth/callback`);
    else if (stage === 'prod')
      fail(
        'callbackUrls is required in prod unless webDomainName is set (the web pages’ sign-in callback, https)',
      );
    else callbackUrls.push(DEV_CALLBACK);
  }
  for (const url of callbackUrls) validUrl(url, 'callbackUrls', stage);
  const firstCallback = new URL(callbackUrls[0] ?? DEV_CALLBACK);

  const logoutUrls = list(raw('logoutUrls'), 'logoutUrls');
  if (logoutUrls.length === 0) logoutUrls.push(`${firstCallback.origin}/`);
  for (const url of logoutUrls) validUrl(url, 'logoutUrls', stage);

  const publicUrl = validUrl(text('publicUrl') ?? firstCallback.origin, 'publicUrl', stage);

  const retentionDays =
    positiveInteger(raw('logRetentionDays'), 'logRetentionDays') ??
    (stage === 'prod' ? PROD_MIN_LOG_RETENTION_DAYS : 90);
  if (!RETENTION_VALUES.has(retentionDays)) {
    fail(`logRetentionDays must be one of CloudWatch's values (${[...RETENTION_VALUES].join(', ')})`);
  }
  // The logs are part of the audit trail: who did what, and from where, must still be answerable a
  // year on. Longer is the council's choice (its retention schedule); shorter is refused.
  if (stage === 'prod' && retentionDays < PROD_MIN_LOG_RETENTION_DAYS) {
    fail(
      `logRetentionDays must be at least ${PROD_MIN_LOG_RETENTION_DAYS} in prod (the audit trail), not ${retentionDays}`,
    );
  }

  const templates = raw('notifyTemplateIds');
  const notifyTemplateIds = (
    typeof templates === 'string' ? JSON.parse(templates) : (templates ?? {})
  ) as unknown;
  if (
    typeof notifyTemplateIds !== 'object' ||
    notifyTemplateIds === null ||
    Array.isArray(notifyTemplateIds) ||
    !Object.values(notifyTemplateIds).every((v) => typeof v === 'string')
  ) {
    return fail('notifyTemplateIds must be a JSON object of template name to GOV.UK Notify template id');
  }

  const alarmEmail = text('alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(alarmEmail)) fail(`alarmEmail is not an address`);

  const authDomainPrefix = text('authDomainPrefix');
  if (authDomainPrefix !== undefined && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(authDomainPrefix)) {
    fail('authDomainPrefix may hold only lowercase letters, digits and hyphens');
  }

  const webAclArn = text('webAclArn');
  if (webAclArn !== undefined && !/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\//.test(webAclArn)) {
    fail(
      'webAclArn must be a WAFv2 web ACL of scope CLOUDFRONT (arn:aws:wafv2:us-east-1:<account>:global/webacl/…)',
    );
  }

  const webDistributionId = text('webDistributionId');
  if (webDistributionId !== undefined && !/^E[A-Z0-9]{8,20}$/.test(webDistributionId)) {
    fail('webDistributionId must be a CloudFront distribution id (the WebDistributionId output, E…)');
  }

  let council: StackConfig['council'] = { name: '', id: '' };
  try {
    council = publisherConfig({ COUNCIL_NAME: text('councilName'), COUNCIL_ID: text('councilId') });
  } catch {
    fail(
      'councilId must be a slug of lower-case letters and digits joined by hyphens, such as monmouthshire',
    );
  }

  // Checked here as the pages check them at start-up, so a bad address fails the synth, not the site.
  const statements: Record<string, string> = {};
  for (const [name, key] of [
    ['DPO_EMAIL', 'dpoEmail'],
    ['ACCESSIBILITY_EMAIL', 'accessibilityEmail'],
    ['ACCESSIBILITY_TESTED_ON', 'accessibilityTestedOn'],
  ] as const) {
    const value = text(key);
    if (value !== undefined) statements[name] = value;
  }
  try {
    statementsConfig(statements);
  } catch (error) {
    fail(`the statements' settings: ${error instanceof Error ? error.message : String(error)}`);
  }

  // Reserving takes capacity from the account's pool, which new (sandbox) accounts barely have; a
  // production account reserves so that one busy function can never starve the others.
  const concurrency = text('reservedConcurrency') ?? (stage === 'prod' ? '10' : 'none');

  return {
    stage,
    callbackUrls,
    logoutUrls,
    publicUrl,
    notifySecretName: text('notifySecretName') ?? `fail-forward/${stage}/govuk-notify-api-key`,
    notifyTemplateIds: notifyTemplateIds as Record<string, string>,
    logRetention: retentionDays as RetentionDays,
    alarmEmail,
    authDomainPrefix,
    // A council's deployment holds staff's ideas and leaders' decisions: a password alone is not enough.
    requireMfa: String(raw('requireMfa') ?? (stage === 'prod' ? 'true' : 'false')) === 'true',
    reservedConcurrency:
      concurrency === 'none' ? undefined : positiveInteger(concurrency, 'reservedConcurrency'),
    apiRateLimit: positiveInteger(raw('apiRateLimit'), 'apiRateLimit') ?? 50,
    apiBurstLimit: positiveInteger(raw('apiBurstLimit'), 'apiBurstLimit') ?? 100,
    sessionSecretName: text('sessionSecretName') ?? `fail-forward/${stage}/web-session-secret`,
    webDomain,
    webAclArn,
    apiDomains,
    originVerifySecretName: text('originVerifySecretName') ?? `fail-forward/${stage}/origin-verify`,
    webDistributionId,
    council,
    retentionMonths: months(raw('retentionMonths'), 'retentionMonths'),
    statements,
    auditRetentionMonths: months(raw('auditRetentionMonths'), 'auditRetentionMonths'),
  };
};

/** A retention period in whole months: the spec's 72 until the council sets its own. */
const months = (value: unknown, key: string): number => {
  const n = positiveInteger(value, key) ?? DEFAULT_RETENTION_MONTHS;
  if (n > 1200) fail(`${key} must be at most 1200 months`);
  return n;
};

/** Both or neither: CloudFront serves an alternate domain name only with a certificate that covers it. */
const readWebDomain = (
  domainName: string | undefined,
  certificateArn: string | undefined,
): StackConfig['webDomain'] => {
  if (domainName === undefined && certificateArn === undefined) return undefined;
  if (domainName === undefined || certificateArn === undefined) {
    return fail('webDomainName and webCertificateArn go together: set both or neither');
  }
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domainName)) {
    return fail(
      `webDomainName must be a lowercase host name such as failforward.example.gov.uk, not ${domainName}`,
    );
  }
  // CloudFront only takes certificates from ACM in US East (N. Virginia).
  if (!/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/.test(certificateArn)) {
    return fail('webCertificateArn must be an ACM certificate in us-east-1 (arn:aws:acm:us-east-1:…)');
  }
  return { domainName, certificateArn };
};

/**
 * The APIs' own names follow from the pages' domain, so one regional certificate for `*.<domain>`
 * covers both. A deployment with its own domain must give it: its APIs then have no `execute-api`
 * address at all.
 */
const readApiDomains = (
  webDomain: StackConfig['webDomain'],
  certificateArn: string | undefined,
): ApiDomains | undefined => {
  if (webDomain === undefined) {
    if (certificateArn !== undefined)
      fail('apiCertificateArn needs webDomainName: the APIs’ names are under it');
    return undefined;
  }
  if (certificateArn === undefined) {
    return fail(
      `apiCertificateArn is required with webDomainName: an ACM certificate in the stack’s region for pages-origin.${webDomain.domainName} and api-origin.${webDomain.domainName}`,
    );
  }
  if (!/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/.test(certificateArn)) {
    return fail('apiCertificateArn must be an ACM certificate ARN (arn:aws:acm:<region>:…)');
  }
  // One certificate in the stack's region (e.g. for `*.<webDomainName>`) covers both names.
  return {
    pages: { domainName: `pages-origin.${webDomain.domainName}`, certificateArn },
    api: { domainName: `api-origin.${webDomain.domainName}`, certificateArn },
  };
};
