import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIBRARY_MEMORY_MB } from '#functions/registry.ts';
import {
  buildAllFunctions,
  buildWebAssets,
  PROJECT_ROOT,
  WEB_FUNCTION,
} from '#infra/constructs/function-bundles.ts';
import { readConfig } from '#infra/stacks/stack-config.ts';
import {
  asList,
  dev,
  logicalId,
  PROD_CONTEXT,
  policyStatements,
  prod,
  synthDevAndProd,
  WEB_BUNDLE_ENV,
} from './synth-app.ts';
import { apiRef, DOMAIN_CONTEXT, environmentOf, ORIGIN_VERIFY } from './web-queries.ts';

// Each synth runs esbuild-free CDK, cdk-nag and cfn-guard; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

synthDevAndProd();

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
