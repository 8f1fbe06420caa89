import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { ClientAttributes } from 'aws-cdk-lib/aws-cognito';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  apiRoutes,
  FUNCTION_NAMES,
  FUNCTIONS,
  type FunctionName,
  type FunctionSpec,
  LIBRARY_MEMORY_MB,
} from '#functions/registry.ts';
import { createApp } from '#infra/app.ts';
import { PROJECT_ROOT } from '#infra/constructs/function-bundles.ts';
import { GSIS, TABLE_KEYS, TTL_ATTRIBUTE } from '#shared/store/table-design.ts';
import {
  asList,
  type Json,
  logicalId,
  PROD_CONTEXT,
  policyStatements,
  resolveIntrinsics,
  type SynthedApp,
  synthApp,
} from './synth-app.ts';

// Each synth runs esbuild-free CDK, cdk-nag and cfn-guard; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

let dev: SynthedApp;
let prod: SynthedApp;

beforeAll(() => {
  dev = synthApp();
  prod = synthApp(PROD_CONTEXT);
});

/** The actions each function's own role may perform. */
const statementsOf = (app: SynthedApp, name: FunctionName) => {
  const role = logicalId(app, app.stack.functions[name].serviceRole.node.defaultChild);
  return policyStatements(app).filter((s) => s.roles.includes(role));
};

/** The actions a function may take on any item: statements limited to some partition keys left out. */
const actionsOf = (app: SynthedApp, name: FunctionName) =>
  statementsOf(app, name)
    .filter((s) => !JSON.stringify(s.statement.Condition ?? {}).includes('dynamodb:LeadingKeys'))
    .flatMap((s) => asList(s.statement.Action as string | string[]));

/**
 * The logical ids of our own functions (the registry's and the web pages'), and of the one function
 * CDK adds itself: BucketDeployment's handler, which uploads the web assets at deploy time.
 */
const functionIds = (app: SynthedApp) => {
  const ours = [...FUNCTION_NAMES.map((name) => app.stack.functions[name]), app.stack.web.function].map(
    (fn) => logicalId(app, fn.node.defaultChild),
  );
  const cdk = app
    .ofType('AWS::Lambda::Function')
    .map(([id]) => id)
    .filter((id) => !ours.includes(id));
  return { ours, cdk };
};

/** The names of the secrets a function's role may read (`…:secret:<name>-??????`). */
const secretsReadBy = (app: SynthedApp, name: FunctionName) => {
  const role = logicalId(app, app.stack.functions[name].serviceRole.node.defaultChild);
  return policyStatements(app)
    .filter((s) => s.roles.includes(role))
    .filter((s) => asList(s.statement.Action as string | string[]).includes('secretsmanager:GetSecretValue'))
    .map((s) => JSON.stringify(s.statement.Resource).match(/:secret:([^"?]+)-\?{6}/)?.[1] ?? 'unscoped');
};

const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/** The routes or stages of the JSON API (the web pages' API has its own; test/infra/web.test.ts). */
const jsonApi = (app: SynthedApp, type: string) => {
  const apiId = logicalId(app, app.stack.api.httpApi.node.defaultChild);
  return app
    .ofType(type)
    .map(([, r]) => r.Properties)
    .filter((p) => JSON.stringify(p.ApiId) === JSON.stringify({ Ref: apiId }));
};

describe('Lambda functions', () => {
  it('deploys one function per registry entry and the web pages’, each Node.js 24 on arm64 with active tracing', () => {
    // Act
    const { ours, cdk } = functionIds(prod);
    const functions = ours.map((id) => prod.resources[id]?.Properties ?? {});

    // Assess
    expect(functions).toHaveLength(FUNCTION_NAMES.length + 1);
    // The only other function is CDK's BucketDeployment handler (see test/infra/web.test.ts).
    expect(cdk).toEqual([expect.stringMatching(/^CustomCDKBucketDeployment/)]);
    for (const fn of functions) {
      expect(fn.Runtime).toBe('nodejs24.x');
      expect(fn.Architectures).toEqual(['arm64']);
      expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Handler).toBe('index.handler');
    }
  });

  it('gives every function its own log group, source maps and the configuration the handlers read', () => {
    for (const name of FUNCTION_NAMES) {
      // Prepare
      const fn = prod.stack.functions[name];
      const spec: FunctionSpec = FUNCTIONS[name];

      // Act
      const props = prod.resources[logicalId(prod, fn.node.defaultChild)]?.Properties ?? {};
      const env = (props.Environment as { Variables: Record<string, Json> }).Variables;

      // Assess
      expect(props.LoggingConfig).toMatchObject({
        LogGroup: { Ref: logicalId(prod, fn.functionLogGroup.node.defaultChild) },
      });
      expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(Object.keys(env)).toEqual(expect.arrayContaining(['TABLE_NAME', 'STATE_MACHINE_ARN']));
      // No switch between notifiers: the package decides (see infra/constructs/function-bundles.ts).
      expect('NOTIFIER' in env).toBe(false);
      // Only the functions that notify learn where the Notify key and the user directory are.
      expect('NOTIFY_SECRET_NAME' in env).toBe(spec.notifies === true);
      expect('USER_POOL_ID' in env).toBe(spec.notifies === true);
      expect(env.PUBLIC_URL).toBe('https://failforward.example.gov.uk');
      expect('NOTIFY_TEMPLATE_IDS' in env).toBe(spec.notifies === true);
      expect(props.Timeout).toBe(spec.timeoutSeconds ?? (spec.route ? 10 : 20));
      expect(props.ReservedConcurrentExecutions).toBe(10);
      expect(props.MemorySize).toBe(spec.memoryMb ?? 512);
      // The council that publishes the library's open data, from the settings.
      expect(env.COUNCIL_NAME).toBe('Monmouthshire County Council');
      expect(env.COUNCIL_ID).toBe('monmouthshire-county-council');
    }
  });

  it('gives the library functions that load its search index a whole vCPU (1,769 MB)', () => {
    for (const name of ['search-library', 'find-similar-ideas', 'compact-library'] as const) {
      // Act
      const props = prod.resources[logicalId(prod, prod.stack.functions[name].node.defaultChild)]?.Properties;

      // Assess
      expect(props?.MemorySize, name).toBe(LIBRARY_MEMORY_MB);
    }
    expect(LIBRARY_MEMORY_MB).toBe(1769);
  });

  it('never puts a secret in the template: names, and one dynamic reference CloudFront resolves', () => {
    // Act
    const text = JSON.stringify(prod.template.toJSON());
    const references = [...new Set(text.match(/\{\{resolve:[^}]*\}\}/g) ?? [])];

    // Assess
    expect(text).toContain(PROD_CONTEXT.notifySecretName);
    expect(prod.ofType('AWS::SecretsManager::Secret')).toHaveLength(0);
    // The origin-verify value, resolved by CloudFormation into CloudFront's origin headers only.
    expect(references).toEqual([
      '{{resolve:secretsmanager:fail-forward/prod/origin-verify:SecretString:::}}',
    ]);
    expect(text.replaceAll(references[0] ?? '', '')).not.toMatch(/SecretString|resolve:secretsmanager/);
  });
});

describe('wiring', () => {
  it('has no circular dependency between resources (CloudFormation would refuse the stack)', () => {
    // Prepare
    const references = (value: unknown): string[] => {
      if (Array.isArray(value)) return value.flatMap(references);
      if (!value || typeof value !== 'object') return [];
      const record = value as Record<string, unknown>;
      const own = [
        ...(typeof record.Ref === 'string' ? [record.Ref] : []),
        ...(Array.isArray(record['Fn::GetAtt']) ? [String(record['Fn::GetAtt'][0])] : []),
      ];
      return [...own, ...Object.values(record).flatMap(references)];
    };
    const edges = new Map(
      Object.entries(prod.resources).map(([id, r]) => [
        id,
        [...references(r.Properties), ...asList((r as { DependsOn?: string | string[] }).DependsOn)].filter(
          (target) => target in prod.resources,
        ),
      ]),
    );

    // Act
    const done = new Set<string>();
    const visiting = new Set<string>();
    const cycles: string[] = [];
    const visit = (id: string, path: string[]) => {
      if (done.has(id)) return;
      if (visiting.has(id)) {
        cycles.push([...path, id].join(' -> '));
        return;
      }
      visiting.add(id);
      for (const next of edges.get(id) ?? []) visit(next, [...path, id]);
      visiting.delete(id);
      done.add(id);
    };
    for (const id of edges.keys()) visit(id, []);

    // Assess
    expect(edges.size).toBeGreaterThan(100);
    expect(cycles).toEqual([]);
  });

  it('gives every function the ARN of the state machine it deploys, by its fixed name', () => {
    // Prepare
    const machine = prod.single('AWS::StepFunctions::StateMachine').Properties;
    const expected = `arn:aws:states:eu-west-2:123456789012:stateMachine:${String(machine.StateMachineName)}`;

    // Act
    const arns = functionIds(prod).ours.map((id) =>
      resolveIntrinsics(
        (prod.resources[id]?.Properties.Environment as { Variables: Record<string, Json> } | undefined)
          ?.Variables.STATE_MACHINE_ARN ?? null,
        {
          getAtt: (id) => {
            throw new Error(`STATE_MACHINE_ARN must not refer to ${id}`);
          },
        },
      ),
    );

    // Assess
    expect(machine.StateMachineName).toBe('fail-forward-prod-experiment');
    expect(new Set(arns)).toEqual(new Set([expected]));
  });
});

describe('least privilege', () => {
  it('grants no IAM action `*` or `service:*` anywhere', () => {
    // Act
    const wildcards = policyStatements(prod)
      .flatMap((s) => asList(s.statement.Action as string | string[]).map((action) => `${s.id}: ${action}`))
      .filter((entry) => /: (\*|[a-z0-9-]+:\*)$/.test(entry));

    // Assess
    expect(wildcards).toEqual([]);
  });

  it.each(FUNCTION_NAMES)('%s gets exactly the access the registry gives it', (name) => {
    // Prepare
    const spec: FunctionSpec = FUNCTIONS[name];

    // Act
    const actions = actionsOf(prod, name);

    // Assess
    // A function that never touches the table (the API's description) gets nothing of it.
    expect(actions.includes('dynamodb:GetItem')).toBe(spec.table !== 'none');
    for (const write of WRITE_ACTIONS) expect(actions.includes(write)).toBe(spec.table === 'readWrite');
    expect(actions.includes('states:StartExecution')).toBe(
      spec.startsExecutions === true || spec.reconcilesExecutions === true,
    );
    expect(actions.includes('states:DescribeExecution')).toBe(spec.reconcilesExecutions === true);
    expect(actions.includes('states:ListExecutions')).toBe(spec.reconcilesExecutions === true);
    expect(actions.includes('states:SendTaskSuccess')).toBe(spec.answersTaskTokens === true);
    // The Notify key for the functions that notify; the origin-verify secret for those behind the API.
    expect(secretsReadBy(prod, name).sort()).toEqual(
      [
        ...(spec.notifies ? [PROD_CONTEXT.notifySecretName] : []),
        ...(spec.route ? ['fail-forward/prod/origin-verify'] : []),
      ].sort(),
    );
    expect(actions.includes('cognito-idp:ListUsersInGroup')).toBe(spec.notifies === true);
    expect(actions).toEqual(expect.arrayContaining(['logs:CreateLogStream', 'logs:PutLogEvents']));
  });

  it.each(FUNCTION_NAMES)(
    '%s may write the cursor-signing key’s item only if it signs cursors, the audit trail only if it audits, the directory only if it has a route',
    (name) => {
      // Prepare
      const spec: FunctionSpec = FUNCTIONS[name];

      // Act
      const scoped = statementsOf(prod, name).filter((s) =>
        JSON.stringify(s.statement.Condition ?? {}).includes('dynamodb:LeadingKeys'),
      );

      // Assess
      const keys = [
        ...(spec.signsCursors ? ['KEY#cursor'] : []),
        ...(spec.appendsAudit ? ['AUDIT', 'AUDITHEAD'] : []),
        // Every API call refreshes the people directory.
        ...(spec.route ? ['DIRECTORY'] : []),
      ];
      if (keys.length > 0 && spec.table === 'read') {
        expect(scoped).toHaveLength(1);
        expect(scoped[0]?.statement).toMatchObject({
          Action: 'dynamodb:PutItem',
          Effect: 'Allow',
          Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': keys } },
        });
      } else {
        expect(scoped).toEqual([]);
      }
    },
  );

  it('scopes the Notify secret, the user pool and task tokens to the one resource each', () => {
    // Act
    const byAction = (action: string) =>
      policyStatements(prod)
        .filter((s) => asList(s.statement.Action as string | string[]).includes(action))
        .map((s) => JSON.stringify(s.statement.Resource));

    // Assess
    for (const resource of byAction('secretsmanager:GetSecretValue')) {
      // The Notify key for the functions that notify; the session secret for the web pages only; the
      // origin-verify secret for the functions behind either API.
      const secret = [
        PROD_CONTEXT.notifySecretName,
        'fail-forward/prod/web-session-secret',
        'fail-forward/prod/origin-verify',
      ].find((name) => resource.includes(`:secret:${name}-??????`));
      expect({ resource, secret }).toEqual({ resource, secret: expect.any(String) });
    }
    for (const resource of byAction('cognito-idp:ListUsers')) {
      expect(resource).toBe(
        JSON.stringify({
          'Fn::GetAtt': [logicalId(prod, prod.stack.auth.userPool.node.defaultChild), 'Arn'],
        }),
      );
    }
    for (const resource of byAction('states:SendTaskSuccess')) {
      expect(resource).toMatch(/stateMachine:fail-forward-prod-experiment"|"Ref":"WorkflowStateMachine/);
    }
  });
});

describe('DynamoDB', () => {
  it('builds the single table from table-design.ts, on demand, with PITR and the TTL attribute', () => {
    // Act
    const table = prod.single('AWS::DynamoDB::GlobalTable');

    // Assess
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
    expect(
      (table.Properties.GlobalSecondaryIndexes as { IndexName: string }[]).map((g) => g.IndexName).sort(),
    ).toEqual(
      Object.values(GSIS)
        .map((g) => g.name)
        .sort(),
    );
    expect(table.Properties.Replicas).toEqual([
      expect.objectContaining({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    ]);
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('has PITR in dev too, but lets a dev table be deleted', () => {
    // Act
    const table = dev.single('AWS::DynamoDB::GlobalTable');

    // Assess
    expect(table.Properties.Replicas).toEqual([
      expect.objectContaining({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
    ]);
    expect(JSON.stringify(table.Properties.Replicas)).not.toContain('"DeletionProtectionEnabled":true');
    expect(table.DeletionPolicy).toBe('Delete');
  });
});

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
