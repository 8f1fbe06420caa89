import { describe, expect, it } from 'vitest';
import { h1 } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

describe('signing in and out, whichever adapter signs people in', () => {
  it('hands the adapter only a path of this site to return to', async () => {
    // Prepare
    const web = testApp().client();

    // Act
    const kept = await web.get('/sign-in?returnTo=%2Fexperiments%3Fx%3D1');
    const refused = await web.get(`/sign-in?returnTo=${encodeURIComponent('/\t/evil.example/phish')}`);

    // Assess
    expect(h1(kept.body)).toBe('Sign in');
    expect(kept.body).toContain('<p class="govuk-body">/experiments?x=1</p>');
    expect(refused.body).toContain('<p class="govuk-body"></p>');
  });

  it('deletes the session on sign-out, so the old cookie, replayed, opens nothing and passes no CSRF check', async () => {
    // Prepare
    const { client, sessions } = testApp();
    const web = client();
    await web.signInAs('megan');
    await web.get('/queue');
    const oldCookies = new Map(web.jar);
    const oldToken = web.csrf();

    // Act
    const out = await web.post('/sign-out');
    web.jar.clear();
    for (const [name, value] of oldCookies) web.jar.set(name, value);
    const page = await web.get('/queue');
    const form = await web.postRaw('/policy/preview', { _csrf: oldToken });
    const again = await web.postRaw('/sign-out', { _csrf: oldToken });

    // Assess
    expect(out.statusCode).toBe(303);
    expect(await sessions.size()).toBe(0);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Fqueue');
    expect(form.statusCode).toBe(403);
    expect(h1(form.body)).toBe('Your form could not be sent');
    expect(again.statusCode).toBe(403);
  });

  it('signs in afresh with a new session each time, leaving the one before usable by nobody', async () => {
    // Prepare
    const { client, sessions } = testApp();
    const web = client();
    await web.signInAs('sam');
    await web.get('/');

    // Act
    await web.post('/sign-out');
    await web.signInAs('sam');
    const list = await web.get('/experiments');

    // Assess
    expect(list.statusCode).toBe(200);
    expect(await sessions.size()).toBe(1);
  });
});
