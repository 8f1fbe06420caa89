import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import {
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
  Validations,
} from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The name the plugin reports under, which is also the prefix of its finding ids. */
export const GUARD_PLUGIN = 'cdk-validator-cfnguard';

/**
 * AWS Control Tower's proactive controls, run as cfn-guard rules on every synthesized template
 * (`infra/app.ts` adds this plugin beside cdk-nag). The plugin reports a finding under the guard
 * rule's name, so each accepted finding is acknowledged under that name, one control at a time, on the
 * construct that causes it.
 *
 * CfnGuardValidator leaves its findings without a severity, and once any acknowledgement exists in the
 * app CDK counts a finding without one as a pass: the synth would print it and succeed. Every finding
 * is therefore marked an error here, so an unacknowledged one fails `npm run synth`.
 */
export class ControlTowerRules implements IPolicyValidationPlugin {
  readonly name = GUARD_PLUGIN;
  readonly version: string | undefined;
  readonly ruleIds: string[] | undefined;
  private readonly guard = new CfnGuardValidator();

  constructor() {
    this.version = this.guard.version;
    this.ruleIds = this.guard.ruleIds;
  }

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const report = this.guard.validate(context);
    return { ...report, violations: report.violations.map((v) => ({ ...v, severity: 'error' })) };
  }
}

export const guardValidator = (): ControlTowerRules => new ControlTowerRules();

/** The controls this app acknowledges somewhere, by Control Tower id, with the rule name guard reports. */
export const GUARD_RULES = {
  'CT.APIGATEWAY.PR.5': 'api_gw_v2_authorization_type_configured_check',
  'CT.CLOUDFRONT.PR.1': 'cloudfront_default_root_object_configured_check',
  'CT.CLOUDFRONT.PR.4': 'cloudfront_origin_failover_enabled_check',
  'CT.CLOUDFRONT.PR.6': 'cloudfront_custom_ssl_certificate_check',
  'CT.CLOUDFRONT.PR.7': 'cloudfront_sni_enabled_check',
  'CT.CLOUDFRONT.PR.9': 'cloudfront_security_policy_check',
  'CT.CLOUDWATCH.PR.2': 'cloudwatch_log_group_retention_period_check',
  'CT.LAMBDA.PR.2': 'lambda_function_public_access_prohibited_check',
  'CT.LAMBDA.PR.3': 'lambda_inside_vpc_check',
  'CT.S3.PR.2': 's3_bucket_logging_enabled_check',
  'CT.S3.PR.4': 's3_event_notifications_enabled_check',
  'CT.S3.PR.9': 's3_bucket_object_lock_enabled_check',
  'CT.S3.PR.10': 's3_bucket_default_encryption_kms_check',
  'CT.S3.PR.11': 's3_bucket_versioning_enabled_check',
} as const;

export type GuardControl = keyof typeof GUARD_RULES;

/** Accepts one control's finding on `scope` and everything under it, with the reason on record. */
export const acknowledgeGuard = (scope: IConstruct, control: GuardControl, reason: string): void => {
  Validations.of(scope).acknowledge({
    id: `${GUARD_PLUGIN}::${GUARD_RULES[control]}`,
    reason: `${control}: ${reason}`,
  });
};

/** The VPC control, for every function: the same reason wherever it applies. */
export const acknowledgeNoVpc = (scope: IConstruct): void =>
  acknowledgeGuard(
    scope,
    'CT.LAMBDA.PR.3',
    'No function is in a VPC because none reaches anything private: DynamoDB, Step Functions, Secrets Manager, Cognito and GOV.UK Notify are all reached over AWS’s public endpoints with TLS and IAM (or the Notify key). A VPC would add NAT gateways or interface endpoints, their cost and cold starts, and protect nothing more.',
  );
