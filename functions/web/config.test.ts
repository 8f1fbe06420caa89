import { describe, expect, it } from 'vitest';
import { loadWebConfig, webConfig } from './config.ts';

const SECRET = 'a-session-secret-that-is-long-enough-0123456789';

describe('the web configuration', () => {
  it('reads demo sign-in, the session secret and an asset prefix without a trailing slash', () => {
    // Prepare
    const env = { WEB_SIGN_IN: 'demo', SESSION_SECRET: SECRET, ASSETS_URL: 'https://cdn.example/assets/' };

    // Act
    const config = webConfig(env);

    // Assess
    expect(config).toEqual({
      signIn: 'demo',
      sessionSecret: SECRET,
      assetsUrl: 'https://cdn.example/assets',
      publicUrl: 'http://localhost:3000',
      cognito: undefined,
    });
  });

  it('uses Cognito unless told otherwise, and needs its settings and a long secret', () => {
    // Prepare
    const cognito = {
      SESSION_SECRET: SECRET,
      COGNITO_DOMAIN: 'https://ff.auth.eu-west-2.amazoncognito.com/',
      USER_POOL_ID: 'p',
      USER_POOL_CLIENT_ID: 'c',
    };

    // Act
    const config = webConfig(cognito);

    // Assess
    expect(config.cognito).toEqual({
      domain: 'ff.auth.eu-west-2.amazoncognito.com',
      userPoolId: 'p',
      clientId: 'c',
    });
    expect(config.assetsUrl).toBe('/assets');
    expect(() => webConfig({ SESSION_SECRET: SECRET })).toThrow(/COGNITO_DOMAIN/);
    expect(() => webConfig({ WEB_SIGN_IN: 'demo', SESSION_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('refuses demo sign-in inside a real Lambda', () => {
    // Prepare
    const env = { WEB_SIGN_IN: 'demo', SESSION_SECRET: SECRET, AWS_LAMBDA_FUNCTION_NAME: 'fail-forward-web' };

    // Act
    const read = () => webConfig(env);

    // Assess
    expect(read).toThrow(/refused inside AWS Lambda/);
  });

  it('reads the session secret from Secrets Manager by name, once, when only the name is given', async () => {
    // Prepare
    const reads: string[] = [];
    const read = async (name: string) => {
      reads.push(name);
      return `  ${SECRET}\n`;
    };
    const env = {
      SESSION_SECRET_NAME: 'fail-forward/test/web-session-secret',
      COGNITO_DOMAIN: 'ff.auth.eu-west-2.amazoncognito.com',
      USER_POOL_ID: 'p',
      USER_POOL_CLIENT_ID: 'c',
    };

    // Act
    const first = await loadWebConfig(env, read);
    const second = await loadWebConfig(env, read);

    // Assess
    expect(first.sessionSecret).toBe(SECRET);
    expect(second.sessionSecret).toBe(SECRET);
    expect(reads).toEqual(['fail-forward/test/web-session-secret']);
  });
});
