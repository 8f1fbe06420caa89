import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiRoutes, LIBRARY_MEMORY_MB } from '#functions/registry.ts';
import {
  buildAllFunctions,
  buildWebAssets,
  PROJECT_ROOT,
  WEB_FUNCTION,
} from '#infra/constructs/function-bundles.ts';
import { readConfig } from '#infra/stacks/stack-config.ts';
import {
  asList,
  type Json,
  logicalId,
  PROD_CONTEXT,
  policyStatements,
  type SynthedApp,
  synthApp,
  WEB_BUNDLE_ENV,
} from './synth-app.ts';

// Each synth runs esbuild-free CDK, cdk-nag and cfn-guard; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

const DOMAIN_CONTEXT = {
  ...PROD_CONTEXT,
  webDomainName: 'failforward.example.gov.uk',
  webCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666',
  webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/fail-forward/0a1b2c3d',
  apiCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/9f8e7d6c-1111-2222-3333-444455556666',
};

const ORIGIN_VERIFY = {
  HeaderName: 'x-origin-verify',
  HeaderValue: '{{resolve:secretsmanager:fail-forward/prod/origin-verify:SecretString:::}}',
};

let dev: SynthedApp;
let prod: SynthedApp;

beforeAll(() => {
  dev = synthApp();
  prod = synthApp(PROD_CONTEXT);
});

interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  ResponseHeadersPolicyId?: Json;
  AllowedMethods: string[];
  ViewerProtocolPolicy: string;
}

interface Origin {
  Id: string;
  DomainName: Json;
  OriginCustomHeaders?: Json[];
  OriginAccessControlId?: Json;
  S3OriginConfig?: Record<string, Json>;
  CustomOriginConfig?: Record<string, Json>;
}

const distributionConfig = (app: SynthedApp) =>
  app.single('AWS::CloudFront::Distribution').Properties.DistributionConfig as unknown as {
    DefaultCacheBehavior: Behavior;
    CacheBehaviors: Behavior[];
    Origins: Origin[];
    Aliases?: string[];
    ViewerCertificate?: Record<string, Json>;
    WebACLId?: string;
  };

// AWS managed policies (CloudFront developer guide, "Use managed cache / origin request policies").
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** The origin's host as the template builds it: `<api id>.execute-api...` or the bucket's regional name. */
const originFor = (app: SynthedApp, behavior: Behavior) => {
  const origin = distributionConfig(app).Origins.find((o) => o.Id === behavior.TargetOriginId);
  if (!origin) throw new Error(`No origin ${behavior.TargetOriginId}`);
  return origin;
};

const apiRef = (app: SynthedApp, api: IConstruct) => ({ Ref: logicalId(app, api.node.defaultChild) });

/** Every acknowledgement in the tree, as the construct path it sits on and the finding id. */
const acknowledgements = (root: IConstruct) =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.keys(entry.data as Record<string, string>).map((id) => ({
          scope: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
        })),
      ),
  );

const environmentOf = (app: SynthedApp): Record<string, Json> => {
  const fn = app.resources[logicalId(app, app.stack.web.function.node.defaultChild)];
  return (fn?.Properties.Environment as { Variables: Record<string, Json> } | undefined)?.Variables ?? {};
};

describe('the distribution', () => {
  it('has three behaviours: the pages by default, /api/* to the JSON API, /assets/* from S3', () => {
    // Act
    const config = distributionConfig(prod);
    const byPath = Object.fromEntries(config.CacheBehaviors.map((b) => [b.PathPattern, b]));
    const api = byPath['/api/*'];
    const assets = byPath['/assets/*'];
    const pages = config.DefaultCacheBehavior;

    // Assess
    expect(Object.keys(byPath).sort()).toEqual(['/api/*', '/assets/*']);
    if (!api || !assets) throw new Error('missing behaviour');
    expect(JSON.stringify(originFor(prod, pages).DomainName)).toContain(
      JSON.stringify(apiRef(prod, prod.stack.web.pagesApi)),
    );
    expect(JSON.stringify(originFor(prod, api).DomainName)).toContain(
      JSON.stringify(apiRef(prod, prod.stack.api.httpApi)),
    );
    expect(originFor(prod, assets).DomainName).toEqual({
      'Fn::GetAtt': [logicalId(prod, prod.stack.web.assetsBucket.node.defaultChild), 'RegionalDomainName'],
    });
    for (const dynamic of [pages, api]) {
      expect(dynamic).toMatchObject({
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      });
      expect(originFor(prod, dynamic).CustomOriginConfig).toEqual({
        OriginProtocolPolicy: 'https-only',
        OriginSSLProtocols: ['TLSv1.2'],
      });
    }
    expect(pages.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(api.ViewerProtocolPolicy).toBe('https-only');
    expect(assets).toMatchObject({
      CachePolicyId: CACHING_OPTIMIZED,
      AllowedMethods: ['GET', 'HEAD'],
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    expect(assets.OriginRequestPolicyId).toBeUndefined();
  });

  it('applies the security headers policy to every behaviour', () => {
    // Prepare
    const policy = { Ref: logicalId(prod, prod.stack.web.responseHeadersPolicy.node.defaultChild) };

    // Act
    const config = distributionConfig(prod);

    // Assess
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toEqual(policy);
    }
  });

  it('sends HSTS (two years, subdomains, preload), nosniff, frame DENY and a referrer policy, and leaves the CSP to the pages', () => {
    // Act
    const config = prod.single('AWS::CloudFront::ResponseHeadersPolicy').Properties
      .ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, Json> };
    const headers = config.SecurityHeadersConfig;

    // Assess
    expect(headers.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
      Preload: true,
      Override: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    // Not overriding: the pages' stricter no-referrer wins; the assets get this one.
    expect(headers.ReferrerPolicy).toEqual({
      ReferrerPolicy: 'strict-origin-when-cross-origin',
      Override: false,
    });
    expect(headers.ContentSecurityPolicy).toBeUndefined();
  });

  it('is served on CloudFront’s address without a domain, and outputs it with the callback URL to configure', () => {
    // Prepare
    const distributionId = logicalId(prod, prod.stack.web.distribution.node.defaultChild);
    const domain = { 'Fn::GetAtt': [distributionId, 'DomainName'] };

    // Act
    const outputs = prod.template.toJSON().Outputs as Record<string, { Value: Json }>;
    const config = distributionConfig(prod);

    // Assess
    expect(outputs.WebUrl?.Value).toEqual({ 'Fn::Join': ['', ['https://', domain]] });
    expect(outputs.WebCallbackUrl?.Value).toEqual({
      'Fn::Join': ['', ['https://', domain, '/auth/callback']],
    });
    expect(config.Aliases).toBeUndefined();
    expect(config.WebACLId).toBeUndefined();
    // The callback URLs stay the configured ones: from the distribution they would make a cycle.
    expect(prod.single('AWS::Cognito::UserPoolClient').Properties.CallbackURLs).toEqual([
      PROD_CONTEXT.callbackUrls,
    ]);
  });

  it('serves the deployment’s own domain with TLS 1.2 and its web ACL when they are configured', () => {
    // Act
    const custom = synthApp(DOMAIN_CONTEXT);
    const config = distributionConfig(custom);
    const outputs = custom.template.toJSON().Outputs as Record<string, { Value: Json }>;
    const acks = acknowledgements(custom.stack.web.distribution).map((a) => a.id);
    const nag = acks.filter((id) => id.startsWith('AwsSolutions-'));
    const guard = acks.filter((id) => id.startsWith('cdk-validator-cfnguard::'));

    // Assess
    expect(config.Aliases).toEqual([DOMAIN_CONTEXT.webDomainName]);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: DOMAIN_CONTEXT.webCertificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(config.WebACLId).toBe(DOMAIN_CONTEXT.webAclArn);
    expect(outputs.WebCallbackUrl?.Value).toBe('https://failforward.example.gov.uk/auth/callback');
    // What the configuration fixes is no longer acknowledged: only geo restriction, the root object
    // and origin failover are left.
    expect(nag).toEqual(['AwsSolutions-CFR1']);
    expect(guard.sort()).toEqual([
      'cdk-validator-cfnguard::cloudfront_default_root_object_configured_check',
      'cdk-validator-cfnguard::cloudfront_origin_failover_enabled_check',
    ]);
    expect(acks).toHaveLength(nag.length + guard.length);
  });
});

describe('how CloudFront reaches the APIs', () => {
  const apiOrigins = (app: SynthedApp) => {
    const config = distributionConfig(app);
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    if (!api) throw new Error('no /api/* behaviour');
    return { pages: originFor(app, config.DefaultCacheBehavior), api: originFor(app, api) };
  };

  it('sends both APIs the origin-verify header, its value a Secrets Manager reference, never the assets bucket', () => {
    // Act
    const { pages, api } = apiOrigins(prod);
    const assets = distributionConfig(prod).Origins.find((o) => o.S3OriginConfig);

    // Assess
    expect(pages.OriginCustomHeaders).toEqual([ORIGIN_VERIFY]);
    expect(api.OriginCustomHeaders).toEqual([ORIGIN_VERIFY]);
    expect(assets?.OriginCustomHeaders).toBeUndefined();
  });

  it('tells every function behind either API which secret to check it against, and lets it read that secret', () => {
    // Prepare
    const behindApis = [
      prod.stack.web.function,
      ...apiRoutes().map((route) => prod.stack.functions[route.name]),
    ].map((fn) => logicalId(prod, fn.node.defaultChild));

    // Act
    const functions = prod.ofType('AWS::Lambda::Function');
    const checking = functions
      .filter(
        ([, r]) =>
          'ORIGIN_VERIFY_SECRET_NAME' in
          ((r.Properties.Environment as { Variables?: object })?.Variables ?? {}),
      )
      .map(([id, r]) => ({
        id,
        name: (r.Properties.Environment as { Variables: Record<string, Json> }).Variables
          .ORIGIN_VERIFY_SECRET_NAME,
      }));
    const readers = policyStatements(prod)
      .filter((s) =>
        JSON.stringify(s.statement.Resource).includes(':secret:fail-forward/prod/origin-verify-??????'),
      )
      .flatMap((s) => s.roles);

    // Assess
    expect(checking.map((c) => c.id).sort()).toEqual([...new Set(behindApis)].sort());
    for (const c of checking) expect(c.name).toBe('fail-forward/prod/origin-verify');
    expect(readers.length).toBe(new Set(behindApis).size);
  });

  it('without the pages’ own domain, reaches both APIs at their execute-api addresses, which stay on', () => {
    // Act
    const { pages, api } = apiOrigins(prod);
    const apis = prod.ofType('AWS::ApiGatewayV2::Api').map(([, r]) => r.Properties);

    // Assess
    expect(JSON.stringify(pages.DomainName)).toContain('.execute-api.');
    expect(JSON.stringify(api.DomainName)).toContain('.execute-api.');
    expect(apis).toHaveLength(2);
    for (const props of apis) expect(props.DisableExecuteApiEndpoint).toBe(false);
    expect(prod.ofType('AWS::ApiGatewayV2::DomainName')).toEqual([]);
  });

  it('with the pages’ own domain, gives each API its own name (TLS 1.2, regional) and switches its execute-api address off', () => {
    // Prepare
    const custom = synthApp(DOMAIN_CONTEXT);

    // Act
    const { pages, api } = apiOrigins(custom);
    const apis = custom.ofType('AWS::ApiGatewayV2::Api').map(([, r]) => r.Properties);
    const domains = custom.ofType('AWS::ApiGatewayV2::DomainName');
    const domainId = (prefix: string) =>
      domains.find(([, r]) => String(r.Properties.DomainName).startsWith(prefix))?.[0] ?? 'missing';
    const mappings = custom.ofType('AWS::ApiGatewayV2::ApiMapping').map(([, r]) => r.Properties);
    const outputs = custom.template.toJSON().Outputs as Record<string, { Value: Json }>;

    // Assess
    expect(apis).toHaveLength(2);
    for (const props of apis) expect(props.DisableExecuteApiEndpoint).toBe(true);
    expect(pages.DomainName).toBe('pages-origin.failforward.example.gov.uk');
    expect(api.DomainName).toBe('api-origin.failforward.example.gov.uk');
    expect(pages.OriginCustomHeaders).toEqual([ORIGIN_VERIFY]);
    expect(api.OriginCustomHeaders).toEqual([ORIGIN_VERIFY]);
    expect(domains.map(([, r]) => r.Properties.DomainName).sort()).toEqual([
      'api-origin.failforward.example.gov.uk',
      'pages-origin.failforward.example.gov.uk',
    ]);
    for (const [, domain] of domains) {
      expect(domain.Properties.DomainNameConfigurations).toEqual([
        {
          CertificateArn: DOMAIN_CONTEXT.apiCertificateArn,
          EndpointType: 'REGIONAL',
          SecurityPolicy: 'TLS_1_2',
        },
      ]);
    }
    expect(mappings.map((m) => ({ api: m.ApiId, domain: m.DomainName, stage: m.Stage }))).toEqual(
      expect.arrayContaining([
        {
          api: apiRef(custom, custom.stack.api.httpApi),
          domain: { Ref: domainId('api-') },
          stage: '$default',
        },
        {
          api: apiRef(custom, custom.stack.web.pagesApi),
          domain: { Ref: domainId('pages-') },
          stage: '$default',
        },
      ]),
    );
    expect(mappings).toHaveLength(2);
    // Where the operator points each name's DNS record (docs/operations.md).
    expect(outputs.PagesOriginDnsTarget?.Value).toEqual({
      'Fn::GetAtt': [domainId('pages-'), 'RegionalDomainName'],
    });
    expect(outputs.ApiOriginDnsTarget?.Value).toEqual({
      'Fn::GetAtt': [domainId('api-'), 'RegionalDomainName'],
    });
    expect(outputs.ApiUrl?.Value).toBe('https://failforward.example.gov.uk/api');
  });
});

describe('the assets bucket', () => {
  it('is private, encrypted and SSL-only, and readable only by this distribution through origin access control', () => {
    // Prepare
    const bucketId = logicalId(prod, prod.stack.web.assetsBucket.node.defaultChild);
    const distributionId = logicalId(prod, prod.stack.web.distribution.node.defaultChild);

    // Act
    const bucket = prod.resources[bucketId]?.Properties ?? {};
    const policy = prod
      .ofType('AWS::S3::BucketPolicy')
      .map(([, r]) => r.Properties)
      .find((p) => JSON.stringify(p.Bucket) === JSON.stringify({ Ref: bucketId }))?.PolicyDocument as {
      Statement: Record<string, Json>[];
    };
    const allows = policy.Statement.filter((s) => s.Effect === 'Allow');
    const oac = prod.single('AWS::CloudFront::OriginAccessControl').Properties.OriginAccessControlConfig;
    const assetsOrigin = distributionConfig(prod).Origins.find((o) => o.S3OriginConfig);

    // Assess
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(bucket.LifecycleConfiguration).toEqual({
      Rules: [{ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }],
    });
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Action: 's3:GetObject',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
    });
    expect(JSON.stringify(allows[0]?.Condition)).toContain(JSON.stringify({ Ref: distributionId }));
    expect(oac).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
    expect(assetsOrigin?.OriginAccessControlId).toBeDefined();
    expect(assetsOrigin?.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
  });

  it('logs its access, like CloudFront, to a private bucket that keeps logs as long as the log groups', () => {
    // Prepare
    const logBucketId = logicalId(prod, prod.stack.web.logBucket.node.defaultChild);
    const assetsId = logicalId(prod, prod.stack.web.assetsBucket.node.defaultChild);

    // Act
    const logBucket = prod.resources[logBucketId];
    const assets = prod.resources[assetsId]?.Properties ?? {};
    const logging = distributionConfig(prod) as unknown as { Logging: Record<string, Json> };

    // Assess
    expect(logBucket?.DeletionPolicy).toBe('Retain');
    // ACLs stay on for CloudFront's log delivery, but the stack sets none: S3 delivers under the policy.
    expect(logBucket?.Properties.OwnershipControls).toEqual({
      Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }],
    });
    expect(logBucket?.Properties.AccessControl).toBeUndefined();
    expect(logBucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      // Files go after the retention; parts of uploads that never finished after a day (CT.S3.PR.6).
      LifecycleConfiguration: {
        Rules: [
          { ExpirationInDays: 365, Status: 'Enabled' },
          { AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' },
        ],
      },
    });
    // A dev stack goes completely: its log bucket is emptied and deleted with it.
    expect(dev.resources[logicalId(dev, dev.stack.web.logBucket.node.defaultChild)]?.DeletionPolicy).toBe(
      'Delete',
    );
    expect(dev.ofType('Custom::S3AutoDeleteObjects')).toHaveLength(1);
    expect(assets.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logBucketId },
      LogFilePrefix: 's3-assets/',
    });
    expect(logging.Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logBucketId, 'RegionalDomainName'] },
      IncludeCookies: false,
      Prefix: 'cloudfront/',
    });
  });

  it('is filled by BucketDeployment under assets/, with stale files pruned and a short cache', () => {
    // Act
    const deployment = prod.single('Custom::CDKBucketDeployment').Properties;

    // Assess
    expect(deployment).toMatchObject({
      DestinationBucketKeyPrefix: 'assets/',
      Prune: true,
      RetainOnDelete: false,
      SystemMetadata: { 'cache-control': 'public, max-age=300' },
    });
  });

  it('acknowledges IAM4, L1 and action wildcards only on CDK’s BucketDeployment handler', () => {
    // Prepare
    const handlerPath = `${prod.stack.node.path}/Custom::CDKBucketDeployment`;

    // Act
    const acks = acknowledgements(prod.app).filter((a) => /^AwsSolutions-(IAM4|L1|IAM5\[Action)/.test(a.id));

    // Assess
    expect(acks.map((a) => a.id).sort()).toEqual(
      [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'AwsSolutions-IAM5[Action::s3:List*]',
        'AwsSolutions-L1',
      ].sort(),
    );
    for (const ack of acks) expect(ack.scope.startsWith(handlerPath)).toBe(true);
  });
});

describe('the web pages’ function', () => {
  it('is Node.js 24 on arm64, signs in with Cognito, and knows the session secret by name only', () => {
    // Act
    const fn = prod.resources[logicalId(prod, prod.stack.web.function.node.defaultChild)]?.Properties;
    const env = environmentOf(prod);

    // Assess
    expect(fn).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' });
    expect(fn).toMatchObject({ MemorySize: LIBRARY_MEMORY_MB });
    expect(env).not.toHaveProperty('WEB_SIGN_IN');
    expect(env).toMatchObject({
      SESSION_SECRET_NAME: 'fail-forward/prod/web-session-secret',
      ASSETS_URL: '/assets',
      PUBLIC_URL: 'https://failforward.example.gov.uk',
      USER_POOL_ID: { Ref: logicalId(prod, prod.stack.auth.userPool.node.defaultChild) },
      USER_POOL_CLIENT_ID: { Ref: logicalId(prod, prod.stack.auth.client.node.defaultChild) },
    });
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(['TABLE_NAME', 'STATE_MACHINE_ARN', 'COGNITO_DOMAIN']),
    );
    expect('SESSION_SECRET' in env).toBe(false);
    // The only Secrets Manager reference in the template is the origin-verify one, in CloudFront's settings.
    const text = JSON.stringify(prod.template.toJSON()).replaceAll(ORIGIN_VERIFY.HeaderValue, '');
    expect(text).not.toMatch(/"SESSION_SECRET"|SecretString/);
  });

  it('may use the table, start and answer the workflow, and read the session secret, nothing else', () => {
    // Prepare
    const role = logicalId(prod, prod.stack.web.function.serviceRole.node.defaultChild);

    // Act
    const statements = policyStatements(prod).filter((s) => s.roles.includes(role));
    const actions = statements.flatMap((s) => asList(s.statement.Action as string | string[]));
    const secrets = statements
      .filter((s) =>
        asList(s.statement.Action as string | string[]).includes('secretsmanager:GetSecretValue'),
      )
      .map((s) => JSON.stringify(s.statement.Resource));

    // Assess
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'states:StartExecution',
        'states:SendTaskSuccess',
        'states:SendTaskFailure',
      ]),
    );
    expect(actions.filter((a) => /^(cognito-idp|lambda|s3|cloudfront):/.test(a))).toEqual([]);
    // The session secret, and the origin-verify value the pages check every request against.
    expect(secrets).toHaveLength(2);
    expect(
      secrets.find((r) => r.includes(':secret:fail-forward/prod/web-session-secret-??????')),
    ).toBeDefined();
    expect(secrets.find((r) => r.includes(':secret:fail-forward/prod/origin-verify-??????'))).toBeDefined();
    expect(secrets.join(' ')).not.toContain(PROD_CONTEXT.notifySecretName);
  });

  it('sits behind its own API: one $default route without authorizer, throttled, logged without query strings', () => {
    // Prepare
    const apiId = apiRef(prod, prod.stack.web.pagesApi);

    // Act
    const ofPagesApi = (type: string) =>
      prod.ofType(type).filter(([, r]) => JSON.stringify(r.Properties.ApiId) === JSON.stringify(apiId));
    const routes = ofPagesApi('AWS::ApiGatewayV2::Route');
    const [stage] = ofPagesApi('AWS::ApiGatewayV2::Stage');
    if (!stage) throw new Error('The pages’ API has no stage');
    const format = JSON.parse(String((stage[1].Properties.AccessLogSettings as { Format: string }).Format));

    // Assess
    expect(routes.map(([, r]) => r.Properties.RouteKey)).toEqual(['$default']);
    expect(routes[0]?.[1].Properties.AuthorizationType).toBe('NONE');
    expect(stage[1].Properties).toMatchObject({
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    expect(Object.values(format).join(' ')).not.toMatch(/querystring|requestBody/i);
  });

  it('alarms on its errors and throttles like every other function', () => {
    // Act
    const names = prod.ofType('AWS::CloudWatch::Alarm').map(([, r]) => r.Properties.AlarmName);

    // Assess
    expect(names).toEqual(
      expect.arrayContaining([
        'fail-forward-prod-lambda-errors-web',
        'fail-forward-prod-lambda-throttles-web',
      ]),
    );
  });

  it.each([
    ['dev', () => dev],
    ['prod', () => prod],
  ])('has no /local route and no demo sign-in anywhere in the %s template', (_stage, app) => {
    // Act
    const text = JSON.stringify(app().template.toJSON());

    // Assess
    expect(text).not.toMatch(/\/local\b/);
    expect(text).not.toMatch(/demo/i);
  });
});

describe('web settings', () => {
  const read = (context: Record<string, unknown>) => readConfig(new App({ context }), {});

  it('derives the callback, logout and public URLs from the web domain, in prod too', () => {
    // Act
    const config = read({
      stage: 'prod',
      webDomainName: DOMAIN_CONTEXT.webDomainName,
      webCertificateArn: DOMAIN_CONTEXT.webCertificateArn,
      apiCertificateArn: DOMAIN_CONTEXT.apiCertificateArn,
    });

    // Assess
    expect(config).toMatchObject({
      callbackUrls: ['https://failforward.example.gov.uk/auth/callback'],
      logoutUrls: ['https://failforward.example.gov.uk/'],
      publicUrl: 'https://failforward.example.gov.uk',
      sessionSecretName: 'fail-forward/prod/web-session-secret',
      webDomain: {
        domainName: DOMAIN_CONTEXT.webDomainName,
        certificateArn: DOMAIN_CONTEXT.webCertificateArn,
      },
      webAclArn: undefined,
      apiDomains: {
        pages: {
          domainName: 'pages-origin.failforward.example.gov.uk',
          certificateArn: DOMAIN_CONTEXT.apiCertificateArn,
        },
        api: {
          domainName: 'api-origin.failforward.example.gov.uk',
          certificateArn: DOMAIN_CONTEXT.apiCertificateArn,
        },
      },
    });
  });

  it.each([
    [{ webDomainName: 'failforward.example.gov.uk' }, /set both or neither/],
    [{ webCertificateArn: DOMAIN_CONTEXT.webCertificateArn }, /set both or neither/],
    [
      {
        webDomainName: 'failforward.example.gov.uk',
        webCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/0a1b2c3d',
      },
      /ACM certificate in us-east-1/,
    ],
    [
      {
        webDomainName: 'https://failforward.example.gov.uk',
        webCertificateArn: DOMAIN_CONTEXT.webCertificateArn,
      },
      /lowercase host name/,
    ],
    [{ webAclArn: 'arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/x/y' }, /scope CLOUDFRONT/],
    [
      { webDomainName: DOMAIN_CONTEXT.webDomainName, webCertificateArn: DOMAIN_CONTEXT.webCertificateArn },
      /apiCertificateArn is required with webDomainName/,
    ],
    [{ apiCertificateArn: DOMAIN_CONTEXT.apiCertificateArn }, /apiCertificateArn needs webDomainName/],
    [
      {
        webDomainName: DOMAIN_CONTEXT.webDomainName,
        webCertificateArn: DOMAIN_CONTEXT.webCertificateArn,
        apiCertificateArn: 'arn:aws:iam::123456789012:server-certificate/x',
      },
      /apiCertificateArn must be an ACM certificate ARN/,
    ],
  ])('refuses %j', (context, message) => {
    // Act
    const attempt = () => read(context);

    // Assess
    expect(attempt).toThrow(message);
  });
});

describe('the web bundle', () => {
  let lambdaDir: string;

  // The bundle as Lambda unpacks it: no repository around it, the AWS SDK provided by the runtime.
  beforeAll(() => {
    lambdaDir = mkdtempSync(join(tmpdir(), 'fail-forward-web-lambda-'));
    cpSync(join(buildAllFunctions(), WEB_FUNCTION), lambdaDir, { recursive: true });
    symlinkSync(join(PROJECT_ROOT, 'node_modules', '@aws-sdk'), join(lambdaDir, 'node_modules', '@aws-sdk'));
  });

  afterAll(() => {
    rmSync(lambdaDir, { recursive: true, force: true });
  });

  it('ships the views and GOV.UK Frontend’s templates compiled, where handler.ts reads them', () => {
    // Act
    const has = (path: string) => existsSync(join(lambdaDir, path));

    // Assess
    expect(has('templates/layout.njk.js')).toBe(true);
    expect(has('templates/start/view.njk.js')).toBe(true);
    expect(has('templates/errors/view.njk.js')).toBe(true);
    expect(has('templates/govuk/template.njk.js')).toBe(true);
    expect(has('templates/govuk/components/button/macro.njk.js')).toBe(true);
    expect(has('node_modules/govuk-frontend/package.json')).toBe(true);
    expect(has('views/layout.njk')).toBe(false);
    expect(has('node_modules/govuk-frontend/dist/govuk/template.njk')).toBe(false);
    // esbuild stays out: only the one-machine fallback for app.js imports it, which CloudFront never reaches.
    const code = readdirSync(lambdaDir)
      .filter((name) => name.endsWith('.mjs'))
      .map((name) => readFileSync(join(lambdaDir, name), 'utf8'));
    expect(code.some((text) => /import\(\s*"esbuild"\s*\)/.test(text))).toBe(true);
    expect(code.some((text) => /from\s*"esbuild"/.test(text))).toBe(false);
  });

  it('renders a page from that layout alone, as Lambda would run it', () => {
    // Prepare
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/no-such-page',
      rawQueryString: '',
      headers: { host: 'd111111abcdef8.cloudfront.net' },
      requestContext: { http: { method: 'GET', path: '/no-such-page' } },
      isBase64Encoded: false,
    };
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(join(lambdaDir, 'index.mjs')).href)});
process.stdout.write(JSON.stringify(await handler(${JSON.stringify(event)})));`;

    // Act
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: lambdaDir,
      encoding: 'utf8',
      env: WEB_BUNDLE_ENV,
    });
    const response = JSON.parse(run.stdout || '{}') as { statusCode?: number; body?: string };

    // Assess
    expect(run.stderr).toBe('');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('class="govuk-template');
    expect(response.body).toContain('href="/assets/govuk-frontend.min.css"');
  });
});

describe('the web assets', () => {
  it('are laid out under the paths functions/web/assets.ts serves on one machine', () => {
    // Prepare
    const out = mkdtempSync(join(tmpdir(), 'fail-forward-web-assets-'));

    try {
      // Act
      buildWebAssets(out);
      const has = (path: string) => existsSync(join(out, path));

      // Assess
      for (const file of [
        'govuk-frontend.min.css',
        'govuk-frontend.min.js',
        'app.css',
        'app.js',
        'manifest.json',
        'images/favicon.ico',
      ]) {
        expect({ file, present: has(file) }).toEqual({ file, present: true });
      }
      expect(readFileSync(join(out, 'app.js'), 'utf8').length).toBeGreaterThan(1000);
      expect(has('fonts')).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
