import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

export interface AppKeyProps {
  description: string;
  /** Keep the key when the stack goes: what it encrypted (kept logs, a kept topic's messages) needs it. */
  retain: boolean;
}

/**
 * Every customer managed key of the app: yearly rotation, and no grants except those an AWS service
 * makes for a resource that uses the key. Grants are how a key's use is handed on without a policy
 * change; nothing here needs one, so nobody may create one by hand (CT.KMS.PR.3).
 */
export class AppKey extends Key {
  constructor(scope: Construct, id: string, props: AppKeyProps) {
    super(scope, id, {
      description: props.description,
      enableKeyRotation: true,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(props.retain ? 30 : 7),
    });
    this.addToResourcePolicy(
      new PolicyStatement({
        sid: 'DenyGrantsExceptForAwsServices',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: {
          BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
        },
      }),
    );
  }
}
