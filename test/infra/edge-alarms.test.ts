import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '#infra/app.ts';
import { type Json, PROD_CONTEXT, synthApp } from './synth-app.ts';

// Each synth runs esbuild-free CDK, cdk-nag and cfn-guard; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

const DISTRIBUTION_ID = 'E2QWRUHAPOMQZL';

let edge: Template;
let built: ReturnType<typeof synthApp>;

beforeAll(() => {
  built = synthApp({ ...PROD_CONTEXT, webDistributionId: DISTRIBUTION_ID });
  if (!built.edgeAlarms) throw new Error('No edge alarms stack');
  edge = Template.fromStack(built.edgeAlarms);
});

describe('the CloudFront alarm', () => {
  it('lives in a stack of its own in us-east-1, where CloudFront’s metrics are, and only once the distribution exists', () => {
    // Act
    const without = createApp({ context: { 'aws:cdk:bundling-stacks': [], ...PROD_CONTEXT } }, {});

    // Assess
    expect(built.edgeAlarms?.region).toBe('us-east-1');
    expect(built.edgeAlarms?.stackName).toBe('FailForward-prod-edge-alarms');
    expect(without.edgeAlarms).toBeUndefined();
  });

  it('fires when at least 5% of at least 10 requests in 5 minutes get a 5xx, and tells the topic both ways', () => {
    // Act
    const alarm = edge.findResources('AWS::CloudWatch::Alarm');
    const [props] = Object.values(alarm).map((r) => (r as { Properties: Record<string, Json> }).Properties);
    const metrics = props?.Metrics as {
      Id: string;
      Expression?: string;
      MetricStat?: Record<string, Json>;
    }[];
    const topic = Object.keys(edge.findResources('AWS::SNS::Topic'));

    // Assess
    expect(Object.keys(alarm)).toHaveLength(1);
    expect(props).toMatchObject({
      AlarmName: 'fail-forward-prod-cloudfront-5xx-rate',
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 5,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: topic[0] }],
      OKActions: [{ Ref: topic[0] }],
    });
    expect(String(props?.AlarmDescription)).toContain('docs/operations.md, "cloudfront-5xx-rate"');
    expect(metrics.find((m) => m.Expression)?.Expression).toBe('IF(requests >= 10, rate, 0)');
    const stats = metrics.filter((m) => m.MetricStat).map((m) => m.MetricStat);
    for (const [id, name, stat] of [
      ['requests', 'Requests', 'Sum'],
      ['rate', '5xxErrorRate', 'Average'],
    ]) {
      expect(metrics.find((m) => m.Id === id)?.MetricStat).toEqual({
        Metric: {
          Namespace: 'AWS/CloudFront',
          MetricName: name,
          Dimensions: [
            { Name: 'DistributionId', Value: DISTRIBUTION_ID },
            { Name: 'Region', Value: 'Global' },
          ],
        },
        Period: 300,
        Stat: stat,
      });
    }
    expect(stats).toHaveLength(2);
  });

  it('publishes to an encrypted topic of its own that lets only this stage’s us-east-1 alarms in', () => {
    // Act & Assess
    edge.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: PROD_CONTEXT.alarmEmail,
    });
    edge.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Action: 'sns:Publish',
            Principal: '*',
            Resource: { Ref: Object.keys(edge.findResources('AWS::SNS::Topic'))[0] },
            Sid: 'AllowPublishThroughSSLOnly',
          },
          {
            Sid: 'AllowThisStagesAlarms',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: { Ref: Object.keys(edge.findResources('AWS::SNS::Topic'))[0] },
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: {
                'aws:SourceArn': {
                  'Fn::Join': [
                    '',
                    [
                      'arn:',
                      { Ref: 'AWS::Partition' },
                      ':cloudwatch:us-east-1:',
                      { Ref: 'AWS::AccountId' },
                      ':alarm:fail-forward-prod-*',
                    ],
                  ],
                },
              },
            },
          },
        ],
      },
    });
    edge.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});
