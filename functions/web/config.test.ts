import { describe, expect, it } from 'vitest';
import { statementsConfig } from '#shared/config.ts';
import { cognitoConfig } from './auth/cognito-config.ts';
import { loadWebConfig, webConfig } from './config.ts';

const SECRET = 'a-session-secret-that-is-long-enough-0123456789';

describe('the web configuration', () => {
  it('reads the session secret, an asset prefix without a trailing slash and the refresh interval', () => {
    // Prepare
    const env = {
      SESSION_SECRET: SECRET,
      ASSETS_URL: 'https://cdn.example/assets/',
      SESSION_REFRESH_SECONDS: '60',
    };

    // Act
    const config = webConfig(env);

    // Assess
    expect(config).toEqual({
      sessionSecret: SECRET,
      assetsUrl: 'https://cdn.example/assets',
      publicUrl: 'http://localhost:3000',
      sessionRefreshMs: 60_000,
      statements: statementsConfig({}),
    });
  });

  it('refreshes sessions every five minutes unless told otherwise, and needs a long secret', () => {
    // Act
    const config = webConfig({ SESSION_SECRET: SECRET });

    // Assess
    expect(config.sessionRefreshMs).toBe(300_000);
    expect(config.assetsUrl).toBe('/assets');
    expect(() => webConfig({ SESSION_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => webConfig({ SESSION_SECRET: SECRET, SESSION_REFRESH_SECONDS: '0' })).toThrow(/positive/);
    expect(() => webConfig({ SESSION_SECRET: SECRET, SESSION_REFRESH_SECONDS: 'soon' })).toThrow(/positive/);
  });

  it('reads the user pool for Cognito sign-in, and needs all of it', () => {
    // Prepare
    const env = {
      COGNITO_DOMAIN: 'https://ff.auth.eu-west-2.amazoncognito.com/',
      USER_POOL_ID: 'p',
      USER_POOL_CLIENT_ID: 'c',
    };

    // Act
    const config = cognitoConfig(env);

    // Assess
    expect(config).toEqual({ domain: 'ff.auth.eu-west-2.amazoncognito.com', userPoolId: 'p', clientId: 'c' });
    expect(() => cognitoConfig({ USER_POOL_ID: 'p', USER_POOL_CLIENT_ID: 'c' })).toThrow(/COGNITO_DOMAIN/);
  });

  it('reads the session secret from Secrets Manager by name, once, when only the name is given', async () => {
    // Prepare
    const reads: string[] = [];
    const read = async (name: string) => {
      reads.push(name);
      return `  ${SECRET}\n`;
    };
    const env = { SESSION_SECRET_NAME: 'fail-forward/test/web-session-secret' };

    // Act
    const first = await loadWebConfig(env, read);
    const second = await loadWebConfig(env, read);

    // Assess
    expect(first.sessionSecret).toBe(SECRET);
    expect(second.sessionSecret).toBe(SECRET);
    expect(reads).toEqual(['fail-forward/test/web-session-secret']);
  });
});
