import { Stack, type StackProps } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Construct } from 'constructs';
import { AlarmTopic, alarmNamePrefix } from '../constructs/alarm-topic.ts';
import { PERIOD } from '../constructs/alarms.ts';
import type { StackConfig } from './stack-config.ts';

/** CloudFront publishes its metrics only in US East (N. Virginia), and an alarm must be in its metric's region. */
export const EDGE_REGION = 'us-east-1';

/** Too few requests make a rate meaningless: one failed request out of two is not an outage. */
const MIN_REQUESTS = 10;
/** Per cent of requests answered 5xx, over one period, that counts as an outage. */
const ERROR_RATE_PERCENT = 5;

export interface EdgeAlarmsStackProps extends StackProps {
  config: StackConfig;
  distributionId: string;
}

/**
 * The CloudFront alarm, in a small stack of its own in us-east-1 (`FailForward-<stage>-edge-alarms`),
 * with its own encrypted topic: CloudWatch cannot alarm in the main stack's region on a us-east-1
 * metric, and an alarm's SNS action must be in the alarm's region. It covers what the APIs' 5xx
 * alarms cannot see: CloudFront failing to reach them at all (502, 504: a DNS record missing for an
 * API's own domain, a certificate that does not match, an origin timing out).
 *
 * The distribution's id comes from configuration (`webDistributionId`, the main stack's
 * `WebDistributionId` output), because a reference across regions would need both stacks pinned to
 * an account and region at synth time.
 */
export class EdgeAlarmsStack extends Stack {
  readonly alarm: Alarm;
  readonly topic: AlarmTopic;

  constructor(scope: Construct, id: string, props: EdgeAlarmsStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.topic = new AlarmTopic(this, 'Topic', {
      stage: config.stage,
      alarmEmail: config.alarmEmail,
      retain: config.stage === 'prod',
    });
    const metric = (metricName: string, statistic: string) =>
      new Metric({
        namespace: 'AWS/CloudFront',
        metricName,
        dimensionsMap: { DistributionId: props.distributionId, Region: 'Global' },
        period: PERIOD,
        statistic,
      });
    const name = 'cloudfront-5xx-rate';
    this.alarm = new Alarm(this, name, {
      alarmName: `${alarmNamePrefix(config.stage)}${name}`,
      alarmDescription: `At least ${ERROR_RATE_PERCENT}% of the requests to the distribution were answered 5xx (with ${MIN_REQUESTS} requests or more in 5 minutes). What to do: docs/operations.md, "${name}".`,
      metric: new MathExpression({
        expression: `IF(requests >= ${MIN_REQUESTS}, rate, 0)`,
        usingMetrics: { requests: metric('Requests', 'Sum'), rate: metric('5xxErrorRate', 'Average') },
        period: PERIOD,
        label: '5xx error rate (%)',
      }),
      threshold: ERROR_RATE_PERCENT,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    this.alarm.addAlarmAction(action);
    this.alarm.addOkAction(action);
  }
}
