import { describe, expect, it } from 'vitest';
import { services } from '#shared/services/index.ts';
import { event, h1 } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';
import { testSignIn } from '#test/support/web/test-sign-in.ts';
import { createWebApp } from './app.ts';
import { templatesFromSource } from './compile-views.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from './session.ts';

const testApp = useWebSystem();

describe('security of the pages', () => {
  it('sends a CSP with a fresh nonce per response, used by every script, and the other security headers', async () => {
    // Prepare
    const web = testApp().client();

    // Act
    const first = await web.get('/');
    const second = await web.get('/');
    const nonce = /'nonce-([^']+)'/.exec(first.headers['content-security-policy'] ?? '')?.[1];
    const scripts = [...first.body.matchAll(/<script[^>]*>/g)].map((m) => m[0]);

    // Assess
    expect(first.headers['content-security-policy']).toContain("object-src 'none'");
    expect(first.headers['content-security-policy']).toContain("base-uri 'none'");
    expect(first.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(first.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(second.headers['content-security-policy']).not.toContain(`nonce-${nonce}`);
    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    expect(first.headers).toMatchObject({
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
  });

  it('refuses every POST without the session CSRF token, or with another session’s, with the 403 page', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    await sam.get('/ideas/new');
    const other = client();
    await other.signInAs('rhys');
    await other.get('/ideas/new');

    // Act
    const statuses = [
      (await sam.postRaw('/sign-out', {})).statusCode,
      (await sam.postRaw('/ideas/new', { title: 'x' })).statusCode,
      (await sam.postRaw('/ideas', { _csrf: other.csrf() })).statusCode,
    ];
    const stillSignedIn = await sam.get('/experiments');

    // Assess
    expect(statuses).toEqual([403, 403, 403]);
    expect(stillSignedIn.statusCode).toBe(200);
  });

  it('changes nothing on GET: POST-only addresses are not pages', async () => {
    // Prepare
    const { client, calls } = testApp();
    const web = client();
    await web.signInAs('megan');

    // Act
    const statuses = [
      (await web.get('/sign-out')).statusCode,
      (await web.get('/ideas')).statusCode,
      (await web.get('/queue/some-id/decision?outcome=approve')).statusCode,
    ];
    const stillSignedIn = await web.get('/queue');

    // Assess
    expect(statuses).toEqual([404, 404, 404]);
    expect(stillSignedIn.statusCode).toBe(200);
    expect(calls).toEqual({ submit: 0, decide: 0, recordCycle: 0, publish: 0 });
  });

  it('signs people out after 30 minutes idle and after 8 hours in all, and tells them why', async () => {
    // Prepare
    let clock = Date.parse('2025-03-03T08:00:00Z');
    const { client } = testApp({ now: () => new Date(clock) });
    const idle = client();
    await idle.signInAs('sam');
    const busy = client();
    await busy.signInAs('rhys');

    // Act
    clock += IDLE_TIMEOUT_MS + 1000;
    const idleVisit = await idle.get('/experiments');
    const idleSignIn = await idle.get(idleVisit.headers.location ?? '');
    clock -= IDLE_TIMEOUT_MS + 1000;
    const end = clock + ABSOLUTE_TIMEOUT_MS;
    let busyVisit = await busy.get('/experiments');
    while (clock <= end) {
      clock += 20 * 60_000;
      busyVisit = await busy.get('/experiments');
    }
    const busySignIn = await busy.get(busyVisit.headers.location ?? '');

    // Assess
    expect(idleVisit.statusCode).toBe(303);
    expect(idleSignIn.body).toContain('You were signed out because you did nothing for 30 minutes.');
    expect(busyVisit.headers.location).toBe('/sign-in?returnTo=%2Fexperiments');
    expect(busySignIn.body).toContain('You were signed out because you had been signed in for 8 hours.');
  });

  it('answers a body that is not a small form with the 400 page', async () => {
    // Prepare
    const { app } = testApp();

    // Act
    const json = await app.handle(
      event('POST', '/ideas/new', {
        headers: { 'content-type': 'application/json' },
        form: { title: 'An idea' },
      }),
    );

    // Assess
    expect(json.statusCode).toBe(400);
    expect(h1(json.body)).toBe('Sorry, we could not understand that request');
  });

  it('shows a plain error page, with nothing about the cause, when it is misconfigured', async () => {
    // Prepare
    const logged: unknown[] = [];
    const app = createWebApp({
      services,
      sessions: () => services().sessions,
      signIn: testSignIn(new Map()),
      templates: templatesFromSource(),
      config: () => {
        throw new Error('Missing configuration for the web pages: SESSION_SECRET');
      },
      logError: (error) => logged.push(error),
    });

    // Act
    const page = await app.handle(event('GET', '/'));

    // Assess
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('Sorry, there is a problem with the service');
    expect(page.body).not.toContain('SESSION_SECRET');
    expect(logged).toHaveLength(1);
  });
});

describe('assets', () => {
  it("serves GOV.UK Frontend's CSS and fonts and the browser bundle, and nothing outside them", async () => {
    // Prepare
    const { app } = testApp();

    // Act
    const css = await app.handle(event('GET', '/assets/govuk-frontend.min.css'));
    const font = await app.handle(event('GET', '/assets/fonts/bold-b542beb274-v2.woff2'));
    const bundle = await app.handle(event('GET', '/assets/app.js'));
    const climbOut = await app.handle(event('GET', '/assets/fonts/../../../../package.json'));

    // Assess
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=86400');
    expect(css.body).toContain('.govuk-template');
    expect(font.isBase64Encoded).toBe(true);
    expect(Buffer.from(font.body, 'base64').subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(bundle.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(bundle.body).toContain('data-ff-preview');
    expect(climbOut.statusCode).toBe(404);
  });
});
