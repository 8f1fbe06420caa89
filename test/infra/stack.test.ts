import { describe, expect, it, vi } from 'vitest';
import { FUNCTION_NAMES, FUNCTIONS, type FunctionSpec, LIBRARY_MEMORY_MB } from '#functions/registry.ts';
import { GSIS, TABLE_KEYS, TTL_ATTRIBUTE } from '#shared/store/table-design.ts';
import { actionsOf, functionIds, secretsReadBy, statementsOf, WRITE_ACTIONS } from './stack-queries.ts';
import {
  asList,
  dev,
  type Json,
  logicalId,
  PROD_CONTEXT,
  policyStatements,
  prod,
  resolveIntrinsics,
  synthDevAndProd,
} from './synth-app.ts';

// Each synth runs esbuild-free CDK, cdk-nag and cfn-guard; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

synthDevAndProd();

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
