import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { ClientAttributes } from 'aws-cdk-lib/aws-cognito';
import type { IConstruct } from 'constructs';
import { describe, expect, it, vi } from 'vitest';
import { apiRoutes, FUNCTION_NAMES, FUNCTIONS, type FunctionSpec } from '#functions/registry.ts';
import { createApp } from '#infra/app.ts';
import { PROJECT_ROOT } from '#infra/constructs/function-bundles.ts';
import { jsonApi } from './stack-queries.ts';
import { dev, type Json, logicalId, PROD_CONTEXT, prod, synthApp, synthDevAndProd } from './synth-app.ts';

// Each synth runs esbuild-free CDK, cdk-nag and cfn-guard; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

synthDevAndProd();

describe('HTTP API', () => {
  it('has exactly the registry’s routes, every one behind the Cognito JWT authorizer but the public ones', () => {
    // Prepare
    const [authorizerId] = prod.ofType('AWS::ApiGatewayV2::Authorizer').map(([id]) => id);
    expect(authorizerId).toBeDefined();
    const publicKeys = apiRoutes()
      .filter((r) => r.public)
      .map((r) => r.routeKey);
    expect(publicKeys).toEqual(['GET /api/openapi.json']);

    // Act
    const routes = jsonApi(prod, 'AWS::ApiGatewayV2::Route');

    // Assess
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(
      apiRoutes()
        .map((r) => r.routeKey)
        .sort(),
    );
    for (const route of routes) {
      expect(route.RouteKey).toMatch(/^[A-Z]+ \/api\//);
      if (publicKeys.includes(String(route.RouteKey))) {
        // The API's description holds no data: anyone may read it, as the spec says.
        expect(route.AuthorizationType).toBe('NONE');
        expect(route.AuthorizerId).toBeUndefined();
      } else {
        expect(route.AuthorizationType).toBe('JWT');
        expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
      }
    }
  });

  it('checks tokens from the user pool for the web app client', () => {
    // Act & Assess
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalId(prod, prod.stack.auth.client.node.defaultChild) }],
        Issuer: {
          'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^https://cognito-idp\\.')])],
        },
      },
    });
  });

  it('logs access without query strings and throttles the default stage', () => {
    // Act
    const [stage] = jsonApi(prod, 'AWS::ApiGatewayV2::Stage');
    if (!stage) throw new Error('The JSON API has no stage');
    const format = JSON.parse(String((stage.AccessLogSettings as { Format: string }).Format)) as Record<
      string,
      string
    >;

    // Assess
    expect(stage.StageName).toBe('$default');
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    expect(format.requestId).toBe('$context.requestId');
    expect(Object.values(format).join(' ')).not.toMatch(/querystring|requestBody|requestOverride/i);
  });

  it('contains nothing of the local runtime: no /local route, function or output', () => {
    // Act
    const text = JSON.stringify(prod.template.toJSON());
    const devRoutes = dev.ofType('AWS::ApiGatewayV2::Route').map(([, r]) => String(r.Properties.RouteKey));

    // Assess
    expect(text).not.toMatch(/local/i);
    expect(devRoutes.filter((key) => key.includes('/local'))).toEqual([]);
    expect(Object.keys(dev.template.toJSON().Outputs as object).filter((key) => /local/i.test(key))).toEqual(
      [],
    );
  });
});

describe('Cognito', () => {
  it('has the four groups, the team attribute, a strong password policy, TOTP and no self sign-up', () => {
    // Act
    const groups = prod.ofType('AWS::Cognito::UserPoolGroup').map(([, r]) => r.Properties.GroupName);

    // Assess
    expect(groups.sort()).toEqual(['governance', 'leader', 'manager', 'staff']);
    prod.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      // Required in prod unless the deployment switches it off (below).
      MfaConfiguration: 'ON',
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'team', AttributeDataType: 'String', Mutable: true }),
      ]),
      DeletionProtection: 'ACTIVE',
    });
  });

  it('offers a PKCE code flow without a secret', () => {
    // Act
    const client = prod.single('AWS::Cognito::UserPoolClient').Properties;

    // Assess
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [PROD_CONTEXT.callbackUrls],
      SupportedIdentityProviders: ['COGNITO'],
    });
    prod.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    prod.template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });

  it.each([
    ['dev', () => dev],
    ['prod', () => prod],
  ])('lets nobody change their own name, email or team through any app client (%s)', (_stage, app) => {
    // Act
    const clients = app()
      .ofType('AWS::Cognito::UserPoolClient')
      .map(([, r]) => r.Properties);

    // Assess
    expect(clients.length).toBeGreaterThan(0);
    for (const client of clients) {
      // An empty or missing list would mean every standard attribute, so the list names one harmless one.
      expect(client.WriteAttributes).toEqual(['zoneinfo']);
    }
  });

  it('refuses to synthesize an app client that would let people rename themselves', () => {
    // Prepare
    const { app, stack } = createApp({ context: { 'aws:cdk:bundling-stacks': [], ...PROD_CONTEXT } }, {});
    stack.auth.userPool.addClient('ToolClient', {
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/Auth\/UserPool\/ToolClient lets people write attributes others rely on/);
  });

  it('keeps the old email in use until the person confirms a new one', () => {
    // Act & Assess
    prod.template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      AutoVerifiedAttributes: ['email'],
    });
  });

  it('requires MFA in prod by default, and makes it optional only when the deployment says so', () => {
    // Act
    const relaxed = synthApp({ ...PROD_CONTEXT, requireMfa: 'false' });

    // Assess
    prod.template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
    relaxed.template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL' });
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL' });
  });
});

describe('logs and alarms', () => {
  it('gives every log group a retention of a year in prod, and the stack’s own key', () => {
    // Prepare
    const logsKey = prod
      .ofType('AWS::KMS::Key')
      .filter(([, r]) => /log groups$/.test(String(r.Properties.Description)))
      .map(([id]) => id);

    // Act
    const groups = prod.ofType('AWS::Logs::LogGroup').map(([, r]) => r);

    // Assess
    // One per function, the workflow's and the API's access log; the web pages' function, their API's
    // access log and the asset deployment's.
    expect(groups.length).toBe(FUNCTION_NAMES.length + 2 + 3);
    expect(logsKey).toHaveLength(1);
    for (const group of groups) {
      expect(group.Properties.RetentionInDays).toBe(365);
      expect(group.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [logsKey[0], 'Arn'] });
      expect(group.DeletionPolicy).toBe('Retain');
    }
  });

  it('lets CloudWatch Logs use the logs key only for this account’s log groups, and nobody make grants on any key', () => {
    // Act
    const keys = prod.ofType('AWS::KMS::Key').map(([, r]) => r.Properties);
    const statementsOf = (key: Record<string, Json>) =>
      (key.KeyPolicy as { Statement: Record<string, Json>[] }).Statement;
    const logsKey = keys.find((k) => /log groups$/.test(String(k.Description)));

    // Assess
    expect(statementsOf(logsKey ?? {})).toContainEqual(
      expect.objectContaining({
        Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':logs:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  ':log-group:*',
                ],
              ],
            },
          },
        },
      }),
    );
    for (const key of keys) {
      expect(key.EnableKeyRotation).toBe(true);
      expect(statementsOf(key)).toContainEqual({
        Sid: 'DenyGrantsExceptForAwsServices',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'kms:CreateGrant',
        Resource: '*',
        Condition: {
          BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
        },
      });
    }
  });

  it('alarms on failed, timed-out and aborted executions, late escalations, both APIs’ 5xx, every function’s errors and throttles, and table throttles', () => {
    // Prepare
    const raise = logicalId(prod, prod.stack.functions['raise-to-leaders'].node.defaultChild);
    const machine = { Ref: logicalId(prod, prod.stack.workflow.stateMachine.node.defaultChild) };
    const apiId = (api: IConstruct) => ({ Ref: logicalId(prod, api.node.defaultChild) });

    // Act
    const alarms = prod.ofType('AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
    const named = (suffix: string) => alarms.find((a) => a.AlarmName === `fail-forward-prod-${suffix}`);

    // Assess
    for (const [name, metric] of [
      ['workflow-executions-failed', 'ExecutionsFailed'],
      ['workflow-executions-timed-out', 'ExecutionsTimedOut'],
      ['workflow-executions-aborted', 'ExecutionsAborted'],
    ]) {
      expect(named(name ?? '')).toMatchObject({
        MetricName: metric,
        Namespace: 'AWS/States',
        Dimensions: [{ Name: 'StateMachineArn', Value: machine }],
      });
    }
    expect(named('escalation-past-deadline')).toMatchObject({
      MetricName: 'Invocations',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: raise } }],
    });
    expect(named('api-5xx')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Statistic: 'Sum',
      Dimensions: [{ Name: 'ApiId', Value: apiId(prod.stack.api.httpApi) }],
    });
    expect(named('pages-5xx')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: apiId(prod.stack.web.pagesApi) }],
    });
    for (const name of FUNCTION_NAMES) {
      expect(named(`lambda-errors-${name}`)).toMatchObject({ MetricName: 'Errors' });
      expect(named(`lambda-throttles-${name}`)).toMatchObject({ MetricName: 'Throttles' });
    }
    expect(JSON.stringify(named('dynamodb-table-throttles')?.Metrics)).toContain('WriteThrottleEvents');
    expect(JSON.stringify(named('dynamodb-index-throttles')?.Metrics)).toContain('GlobalSecondaryIndexName');
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([
        { Ref: logicalId(prod, prod.stack.alarms.topic.node.defaultChild) },
      ]);
      expect(String(alarm.AlarmDescription)).toMatch(/What to do: docs\/operations\.md, "[^"]+"\.$/);
    }
  });

  it('names in docs/operations.md a runbook entry for every alarm', () => {
    // Prepare
    const runbook = readFileSync(join(PROJECT_ROOT, 'docs/operations.md'), 'utf8');
    // A heading may cover several alarms: "dynamodb-table-throttles, dynamodb-index-throttles".
    const headings = new Set(
      [...runbook.matchAll(/^### (.+)$/gm)].flatMap((m) =>
        (m[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').split(', '),
      ),
    );

    // Act
    const entries = prod
      .ofType('AWS::CloudWatch::Alarm')
      .map(
        ([, r]) => String(r.Properties.AlarmDescription).match(/docs\/operations\.md, "([^"]+)"/)?.[1] ?? '',
      );

    // Assess
    for (const entry of new Set(entries))
      expect({ entry, inRunbook: headings.has(entry) }).toEqual({ entry, inRunbook: true });
  });

  it('sends alarms to an encrypted topic that refuses plain HTTP, with the configured email', () => {
    // Act & Assess
    prod.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    prod.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: PROD_CONTEXT.alarmEmail,
    });
    prod.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('lets CloudWatch publish to the topic, and use its key, only for this stage’s alarms in this account', () => {
    // Prepare
    const topicId = logicalId(prod, prod.stack.alarms.topic.node.defaultChild);
    const keyId = logicalId(prod, prod.stack.alarms.topic.key.node.defaultChild);
    const ourAlarms = {
      StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
      ArnLike: {
        'aws:SourceArn': {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':cloudwatch:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':alarm:fail-forward-prod-*',
            ],
          ],
        },
      },
    };

    // Act
    const topicPolicy = prod.single('AWS::SNS::TopicPolicy').Properties;
    const topicAllows = (
      topicPolicy.PolicyDocument as { Statement: Record<string, Json>[] }
    ).Statement.filter((s) => s.Effect === 'Allow');
    const keyPolicy = prod.resources[keyId]?.Properties.KeyPolicy as { Statement: Record<string, Json>[] };
    const keyAllows = keyPolicy.Statement.filter((s) =>
      JSON.stringify(s.Principal).includes('cloudwatch.amazonaws.com'),
    );
    const alarmNames = prod.ofType('AWS::CloudWatch::Alarm').map(([, r]) => String(r.Properties.AlarmName));

    // Assess
    expect(topicPolicy.Topics).toEqual([{ Ref: topicId }]);
    expect(topicAllows).toEqual([
      {
        Sid: 'AllowThisStagesAlarms',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: { Ref: topicId },
        Condition: ourAlarms,
      },
    ]);
    expect(keyAllows).toEqual([
      {
        Sid: 'AllowThisStagesAlarms',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
        Condition: ourAlarms,
      },
    ]);
    // The pattern must match every alarm's name, or its notifications would be dropped silently.
    for (const name of alarmNames) expect(name).toMatch(/^fail-forward-prod-/);
  });
});

describe('housekeeping', () => {
  it('runs every scheduled function from the registry on its EventBridge schedule', () => {
    // Prepare
    const scheduled = FUNCTION_NAMES.filter((name) => (FUNCTIONS[name] as FunctionSpec).schedule);
    expect(scheduled).toEqual(expect.arrayContaining(['reconcile-workflows', 'compact-library']));

    // Act and assess
    for (const name of scheduled) {
      const fnId = logicalId(prod, prod.stack.functions[name].node.defaultChild);
      prod.template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: (FUNCTIONS[name] as FunctionSpec).schedule,
        Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } })]),
      });
    }
  });
});
