/**
 * The demo users' sign-in (infra/local/demo-sign-in.ts) in the web app, in-process: what the sign-in page
 * offers, where signing in leads, and a changed `demo-users.json` reaching sessions within the refresh
 * interval, as a change in Cognito does in AWS.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_VIEWS, demoSignIn } from '#infra/local/demo-sign-in.ts';
import { DEMO_USERS, DEMO_USERS_FILE, type DemoUser, ensureDemoUsersFile } from '#infra/local/demo-users.ts';
import { decode, h1, testConfig, textOf, type webClient } from '#test/support/web/client.ts';
import { HOSTILE_RETURN_PATHS, landsOn } from '#test/support/web/return-paths.ts';
import { auditTrail, useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const REFRESH_MS = 60_000;

const demoApp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ff-demo-users-'));
  dirs.push(dir);
  const file = join(dir, DEMO_USERS_FILE);
  ensureDemoUsersFile(file);
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const { sessions, client } = testApp({
    signIn: demoSignIn({ file }),
    viewFolders: [DEMO_VIEWS],
    config: () => ({ ...testConfig(), sessionRefreshMs: REFRESH_MS }),
    now: () => new Date(clock),
  });
  const users = (): DemoUser[] => JSON.parse(readFileSync(file, 'utf8'));
  return {
    sessions,
    client,
    advance: (ms: number) => {
      clock += ms;
    },
    users,
    edit: (change: (users: DemoUser[]) => DemoUser[]) => writeFileSync(file, JSON.stringify(change(users()))),
  };
};

/** Sam's sign-ins and sign-outs in the real audit trail, newest first. */
const samsTrail = async () =>
  (await auditTrail({ actor: 'sam' }))
    .map((entry) => entry.action)
    .filter((action) => action === 'signIn' || action === 'signOut');

const signInAs = async (web: ReturnType<typeof webClient>, user: string, returnTo?: string) => {
  await web.get('/sign-in');
  return web.post('/sign-in', { user, ...(returnTo !== undefined ? { returnTo } : {}) });
};

describe('demo sign-in', () => {
  it('offers the people of demo-users.json: at first staff in two teams, a manager of each, a leader and governance', async () => {
    // Prepare
    const demo = demoApp();
    const web = demo.client();

    // Act
    const page = await web.get('/sign-in');

    // Assess
    expect(demo.users()).toEqual(DEMO_USERS);
    expect(h1(page.body)).toBe('Sign in');
    expect([...page.body.matchAll(/name="user" type="radio" value="([a-z]+)"/g)].map((m) => m[1])).toEqual([
      'sam',
      'rhys',
      'megan',
      'owen',
      'carys',
      'gwen',
    ]);
    expect(page.body).toContain('Megan Jones, Early help (staff, manager)');
  });

  it('signs in with a fresh server-side session and a new CSRF token, then goes back where the person was going', async () => {
    // Prepare
    const demo = demoApp();
    const web = demo.client();
    await web.get('/sign-in?returnTo=%2Fexperiments');
    const before = web.csrf();

    // Act
    const signedIn = await web.post('/sign-in', { user: 'sam', returnTo: '/experiments' });
    const list = await web.get('/experiments');

    // Assess
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/experiments');
    expect(signedIn.setCookies['__Host-ff-session']).toMatch(/; Path=\/; Secure; HttpOnly; SameSite=Lax$/);
    expect(await demo.sessions.size()).toBe(1);
    expect(web.csrf()).not.toBe(before);
    expect(h1(list.body)).toBe('Your experiments');
    expect(list.body).toContain('Signed in as Sam Patel');
  });

  it('never sends anyone to another site after signing in', async () => {
    // Prepare
    const web = demoApp().client();

    // Act
    const page = await signInAs(web, 'megan', '//evil.example/');

    // Assess
    expect(page.headers.location).toBe('/queue');
  });

  it.each(HOSTILE_RETURN_PATHS.map((value) => [JSON.stringify(value).slice(0, 60), value]))(
    'stays on this site after signing in, whatever returnTo says: %s',
    async (_, value) => {
      // Prepare
      const demo = demoApp();
      const direct = demo.client();
      await direct.get('/sign-in');
      const viaForm = demo.client();
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

  it('asks again with an error when nobody is chosen, or someone not in the file', async () => {
    // Prepare
    const web = demoApp().client();
    await web.get('/sign-in');

    // Act
    const nobody = await web.post('/sign-in', {});
    const stranger = await web.post('/sign-in', { user: 'mallory' });

    // Assess
    expect([nobody.statusCode, stranger.statusCode]).toEqual([400, 400]);
    expect(textOf(nobody.body, /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/)).toBe(
      'Select who you want to sign in as',
    );
    expect(nobody.body).toMatch(/<title>Error: Sign in/);
  });

  it('signs out with a POST that deletes the session, and says so; both are in the audit trail', async () => {
    // Prepare
    const demo = demoApp();
    const web = demo.client();
    const earlier = await samsTrail();
    await signInAs(web, 'sam');
    await web.get('/experiments');

    // Act
    const out = await web.post('/sign-out');
    const home = await web.get('/');
    const list = await web.get('/experiments');

    // Assess
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/');
    expect(await demo.sessions.size()).toBe(0);
    expect(home.body).toContain('You have signed out.');
    expect(list.statusCode).toBe(303);
    expect(list.headers.location).toBe('/sign-in?returnTo=%2Fexperiments');
    expect(await samsTrail()).toEqual(['signOut', 'signIn', ...earlier]);
  });
});

describe('a changed demo-users.json', () => {
  it('takes a manager’s role away within the refresh interval: the queue becomes 403 and the header changes', async () => {
    // Prepare
    const demo = demoApp();
    const web = demo.client();
    await signInAs(web, 'megan');
    const before = await web.get('/queue');
    demo.edit((users) => users.map((u) => (u.sub === 'megan' ? { ...u, groups: ['staff'] } : u)));

    // Act
    demo.advance(REFRESH_MS - 1000);
    const withinInterval = await web.get('/queue');
    demo.advance(1000);
    const after = await web.get('/queue');
    const home = await web.get('/');

    // Assess
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('href="/queue"');
    expect(withinInterval.statusCode).toBe(200);
    expect(after.statusCode).toBe(403);
    expect(h1(after.body)).toBe('You cannot see this page');
    expect(home.body).not.toContain('href="/queue"');
    expect(home.body).toContain('Signed in as Megan Jones');
  });

  it('moves someone to another team, renames them, and ends the sessions of someone taken out of it', async () => {
    // Prepare
    const demo = demoApp();
    const megan = demo.client();
    await signInAs(megan, 'megan');
    const sam = demo.client();
    await signInAs(sam, 'sam');
    demo.edit((users) =>
      users
        .filter((u) => u.sub !== 'sam')
        .map((u) => (u.sub === 'megan' ? { ...u, name: 'Megan Jones-Price', team: 'youth-justice' } : u)),
    );

    // Act
    demo.advance(REFRESH_MS);
    const meganHome = await megan.get('/');
    const samList = await sam.get('/experiments');

    // Assess
    expect(meganHome.body).toContain('Signed in as Megan Jones-Price');
    expect(samList.statusCode).toBe(303);
    expect(samList.headers.location).toBe('/sign-in?returnTo=%2Fexperiments');
    expect(await demo.sessions.size()).toBe(1);
  });

  it('is written once from the defaults and never overwritten', () => {
    // Prepare
    const demo = demoApp();
    demo.edit((users) => users.slice(0, 1));
    const dir = dirs[dirs.length - 1] ?? '';

    // Act
    ensureDemoUsersFile(join(dir, DEMO_USERS_FILE));

    // Assess
    expect(demo.users().map((u) => u.sub)).toEqual(['sam']);
  });
});
