/**
 * The Cognito adapter in the web app, against a token endpoint of our own on loopback: the callback's
 * return path, a refresh that reads groups again, a refusal that ends the session, and sign-out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { h1, testConfig, type webClient } from '#test/support/web/client.ts';
import { cognitoSigner, TEST_COGNITO } from '#test/support/web/cognito-tokens.ts';
import { HOSTILE_RETURN_PATHS, landsOn } from '#test/support/web/return-paths.ts';
import { useWebSystem } from '#test/support/web/system.ts';
import { SESSION_COOKIE, seal } from '../session.ts';
import { AUTH_COOKIE, newAuthAttempt } from './cognito.ts';
import { cognitoSignIn } from './cognito-sign-in.ts';

const testApp = useWebSystem();

const SITE = 'https://fail-forward.example';
const REFRESH_MS = 5 * 60_000;

/** What the fake token endpoint answers next, and what it was sent. */
const endpoint = {
  codeTokens: {} as Record<string, unknown>,
  refresh: { status: 200, body: {} as Record<string, unknown> },
  requests: [] as { path: string; form: Record<string, string> }[],
};

let server: Server;
let base: string;
let tokens: Awaited<ReturnType<typeof cognitoSigner>>;

beforeAll(async () => {
  tokens = await cognitoSigner();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      endpoint.requests.push({ path: req.url ?? '', form });
      const [status, answer] =
        req.url === '/oauth2/revoke'
          ? [200, {}]
          : form.grant_type === 'refresh_token'
            ? [endpoint.refresh.status, endpoint.refresh.body]
            : [200, endpoint.codeTokens];
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

beforeEach(() => {
  endpoint.requests.length = 0;
});

/** Managed login's endpoints, reached on loopback instead of Cognito's domain. */
const loopback: typeof fetch = (url, init) =>
  fetch(String(url).replace(`https://${TEST_COGNITO.domain}`, base), init);

const cognitoApp = () => {
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const logged: string[] = [];
  const { sessions, client } = testApp({
    signIn: cognitoSignIn({
      config: () => TEST_COGNITO,
      fetch: loopback,
      verifier: tokens.verifier,
      log: (message) => logged.push(message),
    }),
    config: () => ({ ...testConfig(), publicUrl: SITE }),
    now: () => new Date(clock),
  });
  return {
    sessions,
    logged,
    client,
    advance: (ms: number) => {
      clock += ms;
    },
  };
};

const idToken = (groups: string[], extra: Record<string, unknown> = {}, subject = 'megan') =>
  tokens.sign(
    { name: 'Megan Jones', 'cognito:groups': groups, 'custom:team': 'early-help', ...extra },
    TEST_COGNITO.clientId,
    subject,
  );

/** Managed login, then back through the callback, as a browser does. */
const signIn = async (web: ReturnType<typeof webClient>, returnTo?: string) => {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const login = new URL((await web.get(`/sign-in${query}`)).headers.location ?? '');
  const nonce = login.searchParams.get('nonce');
  endpoint.codeTokens = { id_token: await idToken(['staff', 'manager'], { nonce }), refresh_token: 'rt-1' };
  return web.get(`/auth/callback?code=the-code&state=${login.searchParams.get('state')}`);
};

describe('Cognito sign-in through the pages', () => {
  it('sends people to managed login with a short-lived sealed state cookie', async () => {
    // Prepare
    const web = cognitoApp().client();

    // Act
    const page = await web.get('/sign-in?returnTo=%2Fqueue');
    const location = new URL(page.headers.location ?? '');

    // Assess
    expect(page.statusCode).toBe(302);
    expect(location.host).toBe(TEST_COGNITO.domain);
    expect(location.searchParams.get('redirect_uri')).toBe(`${SITE}/auth/callback`);
    expect(page.setCookies['__Host-ff-auth']).toMatch(
      /; Path=\/; Secure; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );
    expect(page.headers['content-security-policy']).toContain(
      `form-action 'self' https://${TEST_COGNITO.domain}`,
    );
  });

  it('refuses a callback whose state is not the one it sent, without signing anyone in', async () => {
    // Prepare
    const demo = cognitoApp();
    const web = demo.client();
    await web.get('/sign-in');

    // Act
    const callback = await web.get('/auth/callback?code=stolen&state=not-ours');
    const home = await web.get('/');
    const queue = await web.get('/queue');

    // Assess
    expect(callback.headers.location).toBe('/');
    expect(home.body).toContain('We could not sign you in. Try again.');
    expect(queue.statusCode).toBe(303);
    expect(await demo.sessions.size()).toBe(0);
  });

  it('signs in with a server-side session that keeps the refresh token, never the cookie', async () => {
    // Prepare
    const app = cognitoApp();
    const web = app.client();

    // Act
    const back = await signIn(web, '/experiments');
    const stored = await app.sessions.list(Date.parse('2026-03-02T09:00:00Z'));
    const full = await app.sessions.get(stored[0]?.id ?? '');

    // Assess
    expect(back.headers.location).toBe('/experiments');
    expect(full?.grant).toEqual({ refreshToken: 'rt-1' });
    expect(full?.user).toEqual({
      id: 'megan',
      name: 'Megan Jones',
      team: 'early-help',
      roles: ['staff', 'manager'],
    });
    expect(web.jar.get(SESSION_COOKIE)).not.toContain('rt-1');
    expect(endpoint.requests.map((r) => r.form.grant_type)).toEqual(['authorization_code']);
  });

  it.each(HOSTILE_RETURN_PATHS.map((value) => [JSON.stringify(value).slice(0, 60), value]))(
    'stays on this site after the callback, whatever returnTo says: %s',
    async (_, value) => {
      // Prepare
      const web = cognitoApp().client();
      const forged = cognitoApp().client();
      const attempt = newAuthAttempt(Date.parse('2026-03-02T09:00:00Z'), value);
      forged.jar.set(AUTH_COOKIE, seal(testConfig().sessionSecret, AUTH_COOKIE, attempt));
      endpoint.codeTokens = {
        id_token: await idToken(['staff'], { nonce: attempt.nonce }),
        refresh_token: 'rt',
      };

      // Act
      const pages = [
        await signIn(web, value),
        // A returnTo sealed into the attempt cookie is checked again at the callback.
        await forged.get(`/auth/callback?code=c&state=${attempt.state}`),
      ];

      // Assess
      for (const page of pages) {
        const location = page.headers.location ?? '';
        expect(page.statusCode).toBe(303);
        expect(location).toMatch(/^\/[\x21-\x7e]*$/);
        expect(landsOn(location, SITE)).toBe(SITE);
      }
    },
  );
});

describe('a Cognito session, refreshed from Cognito', () => {
  it('takes the groups of the new ID token: removed from managers, the queue is 403 and the header changes', async () => {
    // Prepare
    const app = cognitoApp();
    const web = app.client();
    await signIn(web);
    const before = await web.get('/queue');
    endpoint.refresh = { status: 200, body: { id_token: await idToken(['staff']) } };

    // Act
    app.advance(REFRESH_MS - 1000);
    const withinInterval = await web.get('/queue');
    app.advance(1000);
    const after = await web.get('/queue');
    const home = await web.get('/');

    // Assess
    expect([before.statusCode, withinInterval.statusCode, after.statusCode]).toEqual([200, 200, 403]);
    expect(h1(after.body)).toBe('You cannot see this page');
    expect(before.body).toContain('href="/queue"');
    expect(home.body).not.toContain('href="/queue"');
    const refreshes = endpoint.requests.filter((r) => r.form.grant_type === 'refresh_token');
    expect(refreshes.map((r) => r.form)).toEqual([
      { grant_type: 'refresh_token', client_id: TEST_COGNITO.clientId, refresh_token: 'rt-1' },
    ]);
  });

  it('ends the session when Cognito refuses the refresh token (disabled, deleted or signed out everywhere)', async () => {
    // Prepare
    const app = cognitoApp();
    const web = app.client();
    await signIn(web);
    endpoint.refresh = { status: 400, body: { error: 'invalid_grant' } };

    // Act
    app.advance(REFRESH_MS);
    const page = await web.get('/queue');

    // Assess
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Fqueue');
    expect(await app.sessions.size()).toBe(0);
    expect(app.logged).toEqual(['Session of megan ended: The token endpoint answered 400']);
  });

  it('ends the session when the new token has no group of ours, or is for someone else', async () => {
    // Prepare
    const app = cognitoApp();
    const [noGroup, someoneElse] = [app.client(), app.client()];
    await signIn(noGroup);
    await signIn(someoneElse);
    endpoint.refresh = { status: 200, body: { id_token: await idToken(['admin']) } };
    app.advance(REFRESH_MS);

    // Act
    const first = await noGroup.get('/queue');
    endpoint.refresh = { status: 200, body: { id_token: await idToken(['staff'], {}, 'mallory') } };
    const second = await someoneElse.get('/queue');

    // Assess
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(await app.sessions.size()).toBe(0);
  });

  it('keeps the session while Cognito is down, and refreshes once it answers', async () => {
    // Prepare
    const app = cognitoApp();
    const web = app.client();
    await signIn(web);
    endpoint.refresh = { status: 503, body: {} };

    // Act
    app.advance(REFRESH_MS);
    const during = await web.get('/queue');
    endpoint.refresh = { status: 200, body: { id_token: await idToken(['staff']) } };
    const after = await web.get('/queue');

    // Assess
    expect([during.statusCode, after.statusCode]).toEqual([200, 403]);
  });

  it('deletes the session, revokes the refresh token and goes to managed login’s sign-out', async () => {
    // Prepare
    const app = cognitoApp();
    const web = app.client();
    await signIn(web);
    await web.get('/queue');

    // Act
    const out = await web.post('/sign-out');

    // Assess
    expect(new URL(out.headers.location ?? '').origin).toBe(`https://${TEST_COGNITO.domain}`);
    expect(await app.sessions.size()).toBe(0);
    expect(endpoint.requests.at(-1)).toEqual({
      path: '/oauth2/revoke',
      form: { token: 'rt-1', client_id: TEST_COGNITO.clientId },
    });
  });
});
