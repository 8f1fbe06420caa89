import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { WORKFLOW_METRICS } from '#shared/metrics.ts';
import { GSIS } from '#shared/store/table-design.ts';
import { AlarmTopic, alarmNamePrefix } from './alarm-topic.ts';

export interface AlarmsProps {
  stage: string;
  stateMachine: IStateMachine;
  functions: Record<string, IFunction>;
  /** Both HTTP APIs by the name their alarm carries: `<name>-5xx`. */
  httpApis: Record<string, IHttpApi>;
  table: TableV2;
  /** The task that runs each time an escalation passes its decision deadline. */
  raiseToLeaders: IFunction;
  /** The dimension of the workflow metrics reconciliation reports (shared/metrics.ts). */
  stateMachineName: string;
  alarmEmail: string | undefined;
  production: boolean;
}

export const PERIOD = Duration.minutes(5);

/**
 * What wakes someone up, all to one encrypted topic. Each alarm, and what to do about it, is in
 * docs/operations.md under the alarm's name. CloudFront's own alarm is in us-east-1, where its metrics
 * are (infra/stacks/edge-alarms-stack.ts).
 */
export class Alarms extends Construct {
  readonly topic: AlarmTopic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);

    this.topic = new AlarmTopic(this, 'Topic', {
      stage: props.stage,
      alarmEmail: props.alarmEmail,
      retain: props.production,
    });

    const action = new SnsAction(this.topic);
    const alarm = (name: string, metric: IMetric, description: string, runbook = name) => {
      const created = new Alarm(this, name, {
        alarmName: `${alarmNamePrefix(props.stage)}${name}`,
        alarmDescription: `${description} What to do: docs/operations.md, "${runbook}".`,
        metric,
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        // No data means nothing happened: no failures, no throttles, no escalations.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    const sum = { period: PERIOD, statistic: 'Sum' } as const;
    const workflowAlarms: [name: string, metric: IMetric, description: string][] = [
      [
        'workflow-executions-failed',
        props.stateMachine.metricFailed(sum),
        'An experiment workflow failed after its retries; the experiment may be stuck in assessing or escalated.',
      ],
      [
        'workflow-executions-timed-out',
        props.stateMachine.metricTimedOut(sum),
        'An experiment workflow ran into a timeout of its own and stopped; its experiment no longer moves on.',
      ],
      [
        'workflow-executions-aborted',
        props.stateMachine.metricAborted(sum),
        'An experiment workflow was stopped from outside (StopExecution, or the state machine was deleted or replaced).',
      ],
    ];
    for (const [name, metric, description] of workflowAlarms) alarm(name, metric, description);

    for (const [name, api] of Object.entries(props.httpApis)) {
      alarm(
        `${name}-5xx`,
        api.metricServerError(sum),
        `The ${name} HTTP API answered with a 5xx: a function failed, timed out or was throttled, or API Gateway could not reach it.`,
      );
    }

    alarm(
      'workflow-given-up',
      new Metric({
        namespace: WORKFLOW_METRICS.namespace,
        metricName: WORKFLOW_METRICS.gaveUp,
        dimensionsMap: { [WORKFLOW_METRICS.dimension]: props.stateMachineName },
        period: PERIOD,
        statistic: 'Sum',
      }),
      'Reconciliation restarted an experiment workflow after each of its failures and gave up; the experiment shows its failure and nothing moves it on.',
    );

    alarm(
      'escalation-past-deadline',
      props.raiseToLeaders.metricInvocations(sum),
      'An escalated experiment waited longer than its decision deadline and was raised to leaders.',
    );

    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(
        `lambda-errors-${name}`,
        fn.metricErrors(sum),
        `${name} failed with an unhandled error.`,
        'lambda-errors-<function>',
      );
      alarm(
        `lambda-throttles-${name}`,
        fn.metricThrottles(sum),
        `${name} was throttled.`,
        'lambda-throttles-<function>',
      );
    }

    const tableName = props.table.tableName;
    const throttleEvents = (metricName: string, indexName?: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: indexName
          ? { TableName: tableName, GlobalSecondaryIndexName: indexName }
          : { TableName: tableName },
        period: PERIOD,
        statistic: 'Sum',
      });
    alarm(
      'dynamodb-table-throttles',
      new MathExpression({
        expression: 'reads + writes',
        usingMetrics: {
          reads: throttleEvents('ReadThrottleEvents'),
          writes: throttleEvents('WriteThrottleEvents'),
        },
        period: PERIOD,
        label: 'Table read and write throttle events',
      }),
      'DynamoDB throttled reads or writes on the table.',
    );
    const indexes = Object.values(GSIS);
    alarm(
      'dynamodb-index-throttles',
      new MathExpression({
        expression: indexes.flatMap((_, i) => [`r${i}`, `w${i}`]).join(' + '),
        usingMetrics: Object.fromEntries(
          indexes.flatMap((gsi, i) => [
            [`r${i}`, throttleEvents('ReadThrottleEvents', gsi.name)],
            [`w${i}`, throttleEvents('WriteThrottleEvents', gsi.name)],
          ]),
        ),
        period: PERIOD,
        label: 'Index read and write throttle events',
      }),
      'DynamoDB throttled reads or writes on a global secondary index.',
    );
  }
}
