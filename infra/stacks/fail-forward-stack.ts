import {
  ArnFormat,
  type CfnElement,
  CfnOutput,
  Duration,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import {
  apiRoutes,
  FUNCTION_NAMES,
  FUNCTIONS,
  type FunctionName,
  type FunctionSpec,
  WORKFLOW_FUNCTIONS,
} from '#functions/registry.ts';
import { AUDIT_PARTITIONS, DIRECTORY_PARTITION, signingKeyKey } from '#shared/store/keys.ts';
import { ExperimentWorkflow } from '#workflows/experiment-workflow.ts';
import { Alarms } from '../constructs/alarms.ts';
import { Api } from '../constructs/api.ts';
import { AppFunction } from '../constructs/app-function.ts';
import { AppLogGroup } from '../constructs/app-log-group.ts';
import { AppTable } from '../constructs/app-table.ts';
import { Auth } from '../constructs/auth.ts';
import { Web } from '../constructs/web.ts';
import type { StackConfig } from './stack-config.ts';

export interface FailForwardStackProps extends StackProps {
  config: StackConfig;
}

/** API Gateway gives up on an integration after 30 s; answer well before, or fail visibly. */
const API_TIMEOUT = Duration.seconds(10);
/** Below the workflow's 30 s task timeout, so Lambda reports its own timeout rather than Step Functions. */
const TASK_TIMEOUT = Duration.seconds(20);

const timeoutOf = (spec: FunctionSpec) => {
  if (spec.timeoutSeconds) return Duration.seconds(spec.timeoutSeconds);
  return spec.route ? API_TIMEOUT : TASK_TIMEOUT;
};

const isWorkflowFunction = (name: FunctionName) => (FUNCTIONS[name] as FunctionSpec).workflow === true;

/**
 * Fail Forward in one stack: the table, one function per registry entry with exactly the access the
 * registry gives it, the experiment workflow, Cognito, the HTTP API, the web pages behind CloudFront
 * (which also serves the API under `/api/*`) and the alarms.
 */
export class FailForwardStack extends Stack {
  readonly table: AppTable;
  readonly auth: Auth;
  readonly functions: Record<FunctionName, AppFunction>;
  readonly workflow: ExperimentWorkflow;
  readonly api: Api;
  readonly web: Web;
  readonly alarms: Alarms;
  readonly stateMachineName: string;

  constructor(scope: Construct, id: string, props: FailForwardStackProps) {
    super(scope, id, props);
    const { config } = props;
    const production = config.stage === 'prod';

    this.table = new AppTable(this, 'Data', { production });
    this.auth = new Auth(this, 'Auth', {
      stage: config.stage,
      production,
      callbackUrls: config.callbackUrls,
      logoutUrls: config.logoutUrls,
      domainPrefix: config.authDomainPrefix,
      requireMfa: config.requireMfa,
    });
    const notifySecret: ISecret = Secret.fromSecretNameV2(this, 'NotifyApiKey', config.notifySecretName);

    /*
     * The workflow's own tasks need STATE_MACHINE_ARN (every handler reads it at start-up), and the
     * waiting tasks (`await-decision`, `await-cycle`) answer task tokens, while the state machine's
     * definition refers to those very functions. Referring to the machine's Ref or grantTaskResponse
     * from them would be a circular dependency that CloudFormation refuses, so the machine gets a
     * fixed name and they get its ARN built from that name.
     */
    this.stateMachineName = `fail-forward-${config.stage}-experiment`;
    const stateMachineArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: this.stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    // What every handler's services read (shared/config.ts), the web pages' function included.
    const serviceEnvironment = {
      TABLE_NAME: this.table.table.tableName,
      STATE_MACHINE_ARN: stateMachineArn,
      PUBLIC_URL: config.publicUrl,
      COUNCIL_NAME: config.council.name,
      COUNCIL_ID: config.council.id,
      RETENTION_MONTHS: String(config.retentionMonths),
      AUDIT_RETENTION_MONTHS: String(config.auditRetentionMonths),
      ...config.statements,
    };

    const functions = {} as Record<FunctionName, AppFunction>;
    for (const name of FUNCTION_NAMES) {
      const spec: FunctionSpec = FUNCTIONS[name];
      const fn = new AppFunction(this, pascal(name), {
        name,
        description: spec.route
          ? `Fail Forward ${spec.route}`
          : spec.schedule
            ? `Fail Forward scheduled ${name}`
            : `Fail Forward workflow task ${name}`,
        timeout: timeoutOf(spec),
        memorySize: spec.memoryMb,
        logRetention: config.logRetention,
        retainLogs: production,
        reservedConcurrency: config.reservedConcurrency,
        environment: {
          ...serviceEnvironment,
          // The notifier is built on first use, so only the functions that notify need to know where
          // the Notify key and the directory are.
          ...(spec.notifies
            ? {
                NOTIFY_SECRET_NAME: config.notifySecretName,
                USER_POOL_ID: this.auth.userPool.userPoolId,
                NOTIFY_TEMPLATE_IDS: JSON.stringify(config.notifyTemplateIds),
              }
            : {}),
        },
      });
      fn.bindTable(this.table.table, spec.table);
      // What a read-only function may still put: the cursor-signing key's one item, made by whichever
      // function needs it first (shared/store/signing-keys.ts), and the audit trail's entries and head.
      const leadingKeys =
        spec.table === 'read'
          ? [
              ...(spec.signsCursors ? [signingKeyKey('cursor').pk] : []),
              ...(spec.appendsAudit ? Object.values(AUDIT_PARTITIONS) : []),
              // Every API call refreshes the people directory (shared/services/directory-service.ts).
              ...(spec.route ? [DIRECTORY_PARTITION] : []),
            ]
          : [];
      if (leadingKeys.length > 0) {
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['dynamodb:PutItem'],
            resources: [this.table.table.tableArn],
            conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': leadingKeys } },
          }),
        );
      }
      if (spec.notifies) {
        notifySecret.grantRead(fn);
        this.auth.userPool.grant(fn, 'cognito-idp:ListUsers', 'cognito-idp:ListUsersInGroup');
      }
      if (spec.schedule) {
        new Rule(this, `${pascal(name)}Schedule`, {
          description: `Runs ${name} on a schedule`,
          schedule: Schedule.expression(spec.schedule),
          targets: [new LambdaFunction(fn, { retryAttempts: 2 })],
        });
      }
      functions[name] = fn;
    }
    this.functions = functions;

    const workflowLogs = new AppLogGroup(this, 'WorkflowLogs', {
      retention: config.logRetention,
      retain: production,
    });
    this.workflow = new ExperimentWorkflow(this, 'Workflow', {
      functions: Object.fromEntries(WORKFLOW_FUNCTIONS.map((name) => [name, functions[name]])) as Record<
        (typeof WORKFLOW_FUNCTIONS)[number],
        AppFunction
      >,
      logGroup: workflowLogs,
      stateMachineName: this.stateMachineName,
    });
    this.acknowledgeWorkflowRole();

    for (const name of FUNCTION_NAMES) {
      const spec: FunctionSpec = FUNCTIONS[name];
      const fn = functions[name];
      if (spec.startsExecutions) this.workflow.stateMachine.grantStartExecution(fn);
      if (spec.reconcilesExecutions) this.grantReconciliation(fn, stateMachineArn);
      if (!spec.answersTaskTokens) continue;
      if (isWorkflowFunction(name)) {
        // The same actions grantTaskResponse gives, on the ARN built from the fixed name (see above).
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
            resources: [stateMachineArn],
          }),
        );
      } else {
        this.workflow.stateMachine.grantTaskResponse(fn);
      }
    }

    const apiFunctions = Object.fromEntries(apiRoutes().map((route) => [route.name, functions[route.name]]));
    this.api = new Api(this, 'Api', {
      functions: apiFunctions,
      userPool: this.auth.userPool,
      client: this.auth.client,
      logRetention: config.logRetention,
      retainLogs: production,
      rateLimit: config.apiRateLimit,
      burstLimit: config.apiBurstLimit,
      originVerifySecretName: config.originVerifySecretName,
      domain: config.apiDomains?.api,
    });

    this.web = new Web(this, 'Web', {
      production,
      logRetention: config.logRetention,
      reservedConcurrency: config.reservedConcurrency,
      rateLimit: config.apiRateLimit,
      burstLimit: config.apiBurstLimit,
      environment: serviceEnvironment,
      table: this.table.table,
      stateMachine: this.workflow.stateMachine,
      apiOrigin: this.api.origin,
      auth: this.auth,
      publicUrl: config.publicUrl,
      sessionSecretName: config.sessionSecretName,
      domain: config.webDomain,
      webAclArn: config.webAclArn,
      pagesApiDomain: config.apiDomains?.pages,
      originVerifySecretName: config.originVerifySecretName,
    });

    this.alarms = new Alarms(this, 'Alarms', {
      stage: config.stage,
      stateMachine: this.workflow.stateMachine,
      functions: { ...functions, web: this.web.function },
      httpApis: { api: this.api.httpApi, pages: this.web.pagesApi },
      table: this.table.table,
      raiseToLeaders: functions['raise-to-leaders'],
      stateMachineName: this.stateMachineName,
      alarmEmail: config.alarmEmail,
      production,
    });

    new CfnOutput(this, 'ApiId', { value: this.api.httpApi.apiId });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', {
      value: this.auth.domain.baseUrl(),
      description: 'Cognito managed login',
    });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'NotifySecretName', { value: config.notifySecretName });
    const webUrl = config.webDomain
      ? `https://${config.webDomain.domainName}`
      : `https://${this.web.distribution.distributionDomainName}`;
    new CfnOutput(this, 'WebUrl', { value: webUrl, description: 'The web pages (and the API under /api)' });
    new CfnOutput(this, 'ApiUrl', {
      value: `${webUrl}/api`,
      description: 'The JSON API, through CloudFront (its routes are under /api)',
    });
    new CfnOutput(this, 'WebCallbackUrl', {
      value: `${webUrl}/auth/callback`,
      description: 'Managed login’s return address for the pages: it must be in callbackUrls',
    });
    new CfnOutput(this, 'WebDistributionId', { value: this.web.distribution.distributionId });
    new CfnOutput(this, 'WebDistributionDomainName', {
      value: this.web.distribution.distributionDomainName,
      description: 'Where the DNS record of webDomainName points (CNAME or Route 53 alias)',
    });
    new CfnOutput(this, 'WebLogBucket', {
      value: this.web.logBucket.bucketName,
      description: 'CloudFront standard logs (cloudfront/) and the assets bucket access logs (s3-assets/)',
    });
    new CfnOutput(this, 'SessionSecretName', { value: config.sessionSecretName });
  }

  /**
   * Reconciliation's Step Functions access, on this state machine and its executions only: it lists the
   * running executions, describes the few that are not, and starts continuations.
   */
  private grantReconciliation(fn: AppFunction, stateMachineArn: string): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:ListExecutions', 'states:StartExecution'],
        resources: [stateMachineArn],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:DescribeExecution'],
        resources: [
          this.formatArn({
            service: 'states',
            resource: 'execution',
            resourceName: `${this.stateMachineName}:*`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    );
    Validations.of(fn.serviceRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${this.stateMachineName}:*]`,
      reason:
        "DescribeExecution on this state machine's executions, named after each experiment; no other state machine's.",
    });
  }

  /** The state machine role's wildcards, each one named and explained. */
  private acknowledgeWorkflowRole(): void {
    const role = Validations.of(this.workflow.stateMachine.role);
    role.acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions needs X-Ray PutTraceSegments/PutTelemetryRecords/GetSampling* and the CloudWatch Logs delivery actions (CreateLogDelivery, DescribeResourcePolicies, ...) for tracing and logging; none of them supports resource-level permissions.',
    });
    for (const name of WORKFLOW_FUNCTIONS) {
      const logicalId = this.getLogicalId(this.functions[name].node.defaultChild as CfnElement);
      role.acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        reason: `LambdaInvoke grants lambda:InvokeFunction on ${name} and its versions/aliases (<arn>:*); it is that one function, no other.`,
      });
    }
  }
}

const pascal = (name: string) =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
