import { describe, expect, it } from 'vitest';
import { HOSTILE_RETURN_PATHS, landsOn } from '../../testing/return-paths.ts';
import { decode, h1, testApp, textOf } from '../../testing/web-client.ts';

describe('demo sign-in', () => {
  it('offers the demo users: staff in two teams, a manager of each and a leader', async () => {
    // Prepare
    const web = testApp().client();

    // Act
    const page = await web.get('/sign-in');

    // Assess
    expect(h1(page.body)).toBe('Sign in');
    expect([...page.body.matchAll(/name="user" type="radio" value="([a-z]+)"/g)].map((m) => m[1])).toEqual([
      'sam',
      'rhys',
      'megan',
      'owen',
      'carys',
    ]);
    expect(page.body).toContain('Megan Jones, Early help (staff, manager)');
  });

  it('signs in with a fresh session and a new CSRF token, then goes back where the person was going', async () => {
    // Prepare
    const web = testApp().client();
    await web.get('/sign-in?returnTo=%2Fexperiments');
    const before = web.csrf();

    // Act
    const signedIn = await web.post('/sign-in', { user: 'sam', returnTo: '/experiments' });
    const list = await web.get('/experiments');

    // Assess
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/experiments');
    expect(signedIn.setCookies['__Host-ff-session']).toMatch(/; Path=\/; Secure; HttpOnly; SameSite=Lax$/);
    expect(web.csrf()).not.toBe(before);
    expect(h1(list.body)).toBe('Your experiments');
    expect(list.body).toContain('Signed in as Sam Patel');
  });

  it('never sends anyone to another site after signing in', async () => {
    // Prepare
    const web = testApp().client();
    await web.get('/sign-in');

    // Act
    const page = await web.post('/sign-in', { user: 'megan', returnTo: '//evil.example/' });

    // Assess
    expect(page.headers.location).toBe('/queue');
  });

  it.each(HOSTILE_RETURN_PATHS.map((value) => [JSON.stringify(value).slice(0, 60), value]))(
    'stays on this site after signing in, whatever returnTo says: %s',
    async (_, value) => {
      // Prepare
      const { client } = testApp();
      const direct = client();
      await direct.get('/sign-in');
      const viaForm = client();
      const form = await viaForm.get(`/sign-in?returnTo=${encodeURIComponent(value)}`);
      const kept = decode(/name="returnTo" value="([^"]*)"/.exec(form.body)?.[1] ?? '');

      // Act
      const pages = [
        await direct.post('/sign-in', { user: 'megan', returnTo: value }),
        await viaForm.post('/sign-in', { user: 'megan', returnTo: kept }),
      ];

      // Assess
      for (const page of pages) {
        const location = page.headers.location ?? '';
        expect(page.statusCode).toBe(303);
        expect(location).toMatch(/^\/[\x21-\x7e]*$/);
        expect(landsOn(location, 'http://localhost:3000')).toBe('http://localhost:3000');
      }
    },
  );

  it('asks again with an error when nobody is chosen', async () => {
    // Prepare
    const web = testApp().client();
    await web.get('/sign-in');

    // Act
    const page = await web.post('/sign-in', {});

    // Assess
    expect(page.statusCode).toBe(400);
    expect(textOf(page.body, /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/)).toBe(
      'Select who you want to sign in as',
    );
    expect(page.body).toMatch(/<title>Error: Sign in/);
  });

  it('signs out with a POST, leaving an anonymous session, and says so', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');
    await web.get('/experiments');

    // Act
    const out = await web.post('/sign-out');
    const home = await web.get('/');
    const list = await web.get('/experiments');

    // Assess
    expect(out.statusCode).toBe(303);
    expect(home.body).toContain('You have signed out.');
    expect(list.statusCode).toBe(303);
    expect(list.headers.location).toBe('/sign-in?returnTo=%2Fexperiments');
  });
});
