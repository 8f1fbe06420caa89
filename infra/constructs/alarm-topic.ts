import { ArnFormat, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { AppKey } from './app-key.ts';

export interface AlarmTopicProps {
  stage: string;
  alarmEmail: string | undefined;
  /** Keep the key when the stack goes (production). */
  retain: boolean;
}

/** Every alarm's name starts with this; the topic accepts alarms by it. */
export const alarmNamePrefix = (stage: string): string => `fail-forward-${stage}-`;

/**
 * The encrypted topic the stage's alarms publish to. A topic policy replaces SNS's default one, so
 * with only the TLS-only Deny nothing could publish: CloudWatch is allowed to, but only for this
 * account's alarms of this stage in this region (`aws:SourceAccount`, `aws:SourceArn`), and the key lets
 * CloudWatch encrypt for it on the same terms. The key sits beside the topic as `<id>Key`.
 */
export class AlarmTopic extends Topic {
  readonly key: AppKey;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    // A customer managed key, because CloudWatch cannot publish to a topic under the AWS managed SNS key.
    const key = new AppKey(scope, `${id}Key`, {
      description: `Fail Forward ${props.stage} alarm topic`,
      retain: props.retain,
    });
    super(scope, id, {
      displayName: `Fail Forward ${props.stage} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    this.key = key;

    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    const stack = Stack.of(this);
    const ourAlarms = {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: {
        'aws:SourceArn': stack.formatArn({
          service: 'cloudwatch',
          resource: 'alarm',
          resourceName: `${alarmNamePrefix(props.stage)}*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      },
    };
    this.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowThisStagesAlarms',
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [this.topicArn],
        conditions: ourAlarms,
      }),
    );
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowThisStagesAlarms',
        principals: [cloudWatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: ourAlarms,
      }),
    );
    if (props.alarmEmail) this.addSubscription(new EmailSubscription(props.alarmEmail));
  }
}
