import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { PROD_MIN_LOG_RETENTION_DAYS } from '../stacks/stack-config.ts';
import { AppKey } from './app-key.ts';
import { acknowledgeGuard } from './guard.ts';

export interface AppLogGroupProps {
  retention: RetentionDays;
  /** Keep the log group (and the key that reads it) when the stack is deleted: production's audit trail. */
  retain: boolean;
}

const LOGS_KEY_ID = 'LogsKey';

/**
 * One key per stack for all its log groups. The logs may hold names and the API's callers' addresses,
 * so reading them takes kms:Decrypt on this key as well as logs:GetLogEvents, and deleting the key
 * (after its waiting period) destroys every copy. CloudWatch Logs may use it only for this account's
 * log groups in this region.
 */
const logsKey = (scope: Construct, retain: boolean): AppKey => {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(LOGS_KEY_ID);
  if (existing instanceof AppKey) return existing;
  const key = new AppKey(stack, LOGS_KEY_ID, {
    description: `Fail Forward ${stack.stackName} log groups`,
    retain,
  });
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'AllowCloudWatchLogsForThisAccountsLogGroups',
      principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }),
  );
  return key;
};

/** Every log group of the app: a retention, the stack's logs key, and kept with a production stack. */
export class AppLogGroup extends LogGroup {
  constructor(scope: Construct, id: string, props: AppLogGroupProps) {
    super(scope, id, {
      retention: props.retention,
      encryptionKey: logsKey(scope, props.retain),
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    if (props.retention !== RetentionDays.INFINITE && props.retention < PROD_MIN_LOG_RETENTION_DAYS) {
      acknowledgeGuard(
        this,
        'CT.CLOUDWATCH.PR.2',
        `Only a dev stack keeps logs for less than a year: the configuration refuses logRetentionDays under ${PROD_MIN_LOG_RETENTION_DAYS} in prod, where the logs are part of the audit trail. A dev stack holds test data, so it keeps logs for as short a time as is useful (90 days unless set).`,
      );
    }
  }
}
