import { type CfnElement, type Duration, Stack, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { TableAccess } from '#functions/registry.ts';
import { AppLogGroup } from './app-log-group.ts';
import { BUNDLE_HANDLER, type BundleName, functionCode } from './function-bundles.ts';
import { acknowledgeNoVpc } from './guard.ts';

export interface AppFunctionProps {
  /** The registry name, or `web`; the handler is `functions/<name>/handler.ts`. */
  name: BundleName;
  description?: string;
  timeout: Duration;
  /** In MB; 512 unless the registry gives the function more (Lambda's CPU grows with it). */
  memorySize?: number | undefined;
  logRetention: RetentionDays;
  /** Keep the log group when the stack is deleted (production audit trail). */
  retainLogs: boolean;
  reservedConcurrency: number | undefined;
  environment: Record<string, string>;
}

/**
 * Every Fail Forward Lambda, with the defaults decided once: Node.js 24 on Graviton, an ESM bundle
 * built by the local esbuild (no Docker), source maps, X-Ray, and its own log group with retention.
 */
export class AppFunction extends NodejsFunction {
  readonly functionLogGroup: AppLogGroup;
  /** The function's own role; its findings are acknowledged here because the role is not a child of the function. */
  readonly serviceRole: Role;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const logGroup = new AppLogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      retain: props.retainLogs,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole, whose logs:* on every log group is more
    // than a function writing to one known group needs.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Fail Forward ${props.name}`,
    });
    super(scope, id, {
      // functions/<name>/handler.ts, bundled as ESM by the local esbuild (see function-bundles.ts).
      code: functionCode(props.name),
      handler: BUNDLE_HANDLER,
      description: props.description ?? `Fail Forward ${props.name}`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      role,
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      ...(props.reservedConcurrency === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrency }),
      environment: {
        ...props.environment,
        // Stack traces point at the TypeScript source, not the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    this.functionLogGroup = logGroup;
    this.serviceRole = role;
    logGroup.grantWrite(role);

    acknowledgeNoVpc(this);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (AWS X-Ray IAM reference); no other statement of this role has a * resource.',
    });
  }

  /** Least privilege on the table: none, read (GetItem, Query, ...) or read and write, nothing else. */
  bindTable(table: TableV2, access: TableAccess): void {
    if (access === 'none') return;
    if (access === 'read') table.grantReadData(this);
    else table.grantReadWriteData(this);
    const tableId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnElement);
    Validations.of(this.serviceRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
      reason:
        'grant*Data adds <table>/index/* so the handler can Query the single table’s own GSIs (team queue, leader queue, owner list, timeline); it reaches no other table.',
    });
  }
}
