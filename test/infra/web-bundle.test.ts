/**
 * The deployed web bundle signs people in with Cognito only. Demo sign-in lets anyone be anyone, so it
 * must not merely be switched off in AWS: it must be absent. This proves it on the bundle as
 * `npm run synth` builds it, by what esbuild put in, by what the files hold, and by running it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, globSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltBundles,
  functionBundles,
  PROJECT_ROOT,
  WEB_FUNCTION,
} from '#infra/constructs/function-bundles.ts';
import { DEMO_USERS } from '#infra/local/demo-users.ts';
import { WEB_BUNDLE_ENV } from './synth-app.ts';

let bundles: BuiltBundles;
let packageDir: string;

beforeAll(() => {
  bundles = functionBundles();
  packageDir = join(bundles.dir, WEB_FUNCTION);
});

/** Every source file esbuild put into any file of the web package, as paths from the repository root. */
const webInputs = (): string[] => {
  const layout = bundles.layouts[WEB_FUNCTION];
  if (!layout) throw new Error('No web bundle');
  return [...layout.coldStart, ...layout.lazy].flatMap(({ output }) =>
    Object.keys(bundles.metafile.outputs[output]?.inputs ?? {}),
  );
};

/** Every file of the package as Lambda unpacks it: code, maps and templates. */
const packageFiles = () =>
  globSync('**/*', { cwd: packageDir, withFileTypes: true }).filter((f) => f.isFile());

describe('the deployed web bundle', () => {
  it('holds no module of the one-machine runtime', () => {
    // Act
    const inputs = webInputs();

    // Assess
    expect(inputs.length).toBeGreaterThan(50);
    expect(inputs.some((input) => input.startsWith('functions/web/auth/cognito-sign-in.ts'))).toBe(true);
    expect(inputs.filter((input) => input.startsWith('infra/') || /demo/i.test(input))).toEqual([]);
  });

  it('holds no demo user, no demo sign-in view and no demo users file anywhere, code or template', () => {
    // Prepare
    const names = DEMO_USERS.map((u) => u.name);

    // Act
    const files = packageFiles().map((f) => ({
      path: join(f.parentPath, f.name).slice(packageDir.length + 1),
      text: readFileSync(join(f.parentPath, f.name), 'latin1'),
    }));
    const found = files.flatMap(({ path, text }) =>
      [...names, 'demo-users.json', 'demo-sign-in', 'demoSignIn', 'infra/local']
        .filter((needle) => text.includes(needle))
        .map((needle) => `${path}: ${needle}`),
    );

    // Assess
    expect(files.some((f) => f.path === 'index.mjs')).toBe(true);
    expect(files.some((f) => f.path === 'templates/layout.njk.js')).toBe(true);
    expect(files.filter((f) => f.path.endsWith('.njk'))).toEqual([]);
    expect(found).toEqual([]);
  });

  describe('run as Lambda would run it', () => {
    let lambdaDir: string;

    beforeAll(() => {
      lambdaDir = mkdtempSync(join(tmpdir(), 'fail-forward-web-bundle-'));
      cpSync(packageDir, lambdaDir, { recursive: true });
      symlinkSync(
        join(PROJECT_ROOT, 'node_modules', '@aws-sdk'),
        join(lambdaDir, 'node_modules', '@aws-sdk'),
      );
    });

    afterAll(() => {
      rmSync(lambdaDir, { recursive: true, force: true });
    });

    const run = (requests: { method: string; path: string; form?: string }[]) => {
      const events = requests.map(({ method, path, form }) => ({
        version: '2.0',
        routeKey: '$default',
        rawPath: path,
        rawQueryString: '',
        headers: {
          host: 'd111111abcdef8.cloudfront.net',
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        requestContext: { http: { method, path } },
        ...(form ? { body: form, isBase64Encoded: false } : { isBase64Encoded: false }),
      }));
      const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(join(lambdaDir, 'index.mjs')).href)});
const out = [];
for (const event of ${JSON.stringify(events)}) out.push(await handler(event));
process.stdout.write(JSON.stringify(out));`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: lambdaDir,
        encoding: 'utf8',
        env: {
          ...WEB_BUNDLE_ENV,
          AWS_LAMBDA_FUNCTION_NAME: 'fail-forward-web',
          // Whatever it is told, the deployed bundle has no demo sign-in to turn on.
          WEB_SIGN_IN: 'demo',
        },
      });
      return {
        stderr: result.stderr,
        responses: JSON.parse(result.stdout || '[]') as {
          statusCode: number;
          headers: Record<string, string>;
          body: string;
        }[],
      };
    };

    it('sends sign-in to Cognito’s managed login and has no demo sign-in route', () => {
      // Act
      const { stderr, responses } = run([
        { method: 'GET', path: '/sign-in' },
        { method: 'POST', path: '/sign-in', form: 'user=megan' },
      ]);
      const [start, demoPost] = responses;

      // Assess
      expect(stderr).toBe('');
      expect(start?.statusCode).toBe(302);
      expect(new URL(start?.headers.location ?? '').host).toBe(
        'fail-forward-dev.auth.eu-west-2.amazoncognito.com',
      );
      expect(demoPost?.statusCode).toBe(404);
      // Rendered from the templates compiled into the package, with the response's CSP nonce.
      const nonce = /'nonce-([^']+)'/.exec(demoPost?.headers['content-security-policy'] ?? '')?.[1];
      expect(demoPost?.body).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
      expect(nonce).toBeTruthy();
      expect(demoPost?.body).toContain(`nonce="${nonce}"`);
    });
  });
});

describe('what a cold start of the web pages loads', () => {
  const coldInputs = () =>
    (bundles.layouts[WEB_FUNCTION]?.coldStart ?? []).flatMap(({ output }) =>
      Object.keys(bundles.metafile.outputs[output]?.inputs ?? {}),
    );

  it('is at most 300 KB, the goal of bench/function-sizes.ts', () => {
    // Act
    const bytes = (bundles.layouts[WEB_FUNCTION]?.coldStart ?? []).reduce((total, f) => total + f.bytes, 0);

    // Assess
    expect(bytes).toBeGreaterThan(50 * 1024);
    expect(bytes / 1024).toBeLessThanOrEqual(300);
  });

  it('holds Nunjucks’ runtime but not its template compiler, and not zod', () => {
    // Act
    const inputs = coldInputs();

    // Assess
    expect(inputs.some((input) => input.endsWith('nunjucks/browser/nunjucks-slim.js'))).toBe(true);
    expect(inputs.filter((input) => /nunjucks\/src\/|\/zod\//.test(input))).toEqual([]);
  });
});

describe('the source', () => {
  it('has nothing under functions/ or shared/ import the one-machine runtime, nor read AWS_LAMBDA_FUNCTION_NAME', () => {
    // Prepare
    const sources = globSync('{functions,shared}/**/*.ts', { cwd: PROJECT_ROOT }).map((path) => ({
      path,
      text: readFileSync(join(PROJECT_ROOT, path), 'utf8'),
    }));

    // Act
    const imports = sources.filter(({ text }) => /from\s+['"](#infra\/|(\.\.\/)+infra\/)/.test(text));
    const asks = sources.filter(({ text }) => text.includes('AWS_LAMBDA_FUNCTION_NAME'));

    // Assess
    expect(sources.length).toBeGreaterThan(50);
    expect(imports.map((s) => s.path)).toEqual([]);
    expect(asks.map((s) => s.path)).toEqual([]);
  });
});
