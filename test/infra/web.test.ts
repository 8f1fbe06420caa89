import { describe, expect, it, vi } from 'vitest';
import { apiRoutes } from '#functions/registry.ts';
import {
  dev,
  type Json,
  logicalId,
  PROD_CONTEXT,
  policyStatements,
  prod,
  type SynthedApp,
  synthApp,
  synthDevAndProd,
} from './synth-app.ts';
import {
  ALL_VIEWER_EXCEPT_HOST_HEADER,
  acknowledgements,
  apiRef,
  CACHING_DISABLED,
  CACHING_OPTIMIZED,
  DOMAIN_CONTEXT,
  distributionConfig,
  ORIGIN_VERIFY,
  originFor,
} from './web-queries.ts';

// Each synth runs esbuild-free CDK, cdk-nag and cfn-guard; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

synthDevAndProd();

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
