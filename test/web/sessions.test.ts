/**
 * Sessions on the real local system (DynamoDB Local, the gateway, the same handlers), over HTTP as a
 * browser sends it: sign-out ends a session for good, a changed demo-users.json reaches a signed-in
 * manager within the refresh interval, and a leader ends someone's sessions from the JSON API.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS_FILE, type DemoUser } from '#infra/local/demo-users.ts';
import { freePort } from '#infra/local/free-port.ts';
import { type LocalSystem, startLocalSystem } from '#infra/local/runtime.ts';
import { client, USERS } from '../support/api.ts';

const REFRESH_SECONDS = 1;

let system: LocalSystem;
let dataDir: string;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fail-forward-sessions-'));
  // The pages as `npm start` serves them, with a one-second refresh so the test need not wait minutes.
  system = await startLocalSystem({
    port: await freePort(),
    dataDir,
    sessionRefreshSeconds: REFRESH_SECONDS,
  });
  api = client(system.url);
});

afterAll(async () => {
  await system?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A browser's worth of HTTP: a cookie jar, no redirects followed, the CSRF token of the last page. */
const browser = () => {
  const jar = new Map<string, string>();
  let lastPage = '';
  const send = async (method: string, path: string, form?: Record<string, string>) => {
    const res = await fetch(`${system.url}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      if (/Max-Age=0/.test(cookie)) jar.delete(pair.slice(0, at));
      else jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const body = await res.text();
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) lastPage = body;
    return { status: res.status, location: res.headers.get('location'), body };
  };
  const csrf = () => /name="_csrf" value="([^"]+)"/.exec(lastPage)?.[1] ?? '';
  return {
    jar,
    csrf,
    get: (path: string) => send('GET', path),
    post: (path: string, form: Record<string, string> = {}) => send('POST', path, { _csrf: csrf(), ...form }),
    postRaw: (path: string, form: Record<string, string>) => send('POST', path, form),
    async signInAs(user: string, returnTo?: string) {
      await send('GET', '/sign-in');
      return send('POST', '/sign-in', { _csrf: csrf(), user, ...(returnTo ? { returnTo } : {}) });
    },
  };
};

const usersFile = () => join(dataDir, DEMO_USERS_FILE);
const editUsers = (change: (users: DemoUser[]) => DemoUser[]) =>
  writeFileSync(usersFile(), JSON.stringify(change(JSON.parse(readFileSync(usersFile(), 'utf8'))), null, 2));
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('web sessions on one machine', () => {
  it('writes demo-users.json on start, and a manager taken out of managers loses the queue within the refresh interval', async () => {
    // Prepare
    const megan = browser();
    await megan.signInAs('megan');
    const before = await megan.get('/queue');
    editUsers((users) => users.map((u) => (u.sub === 'megan' ? { ...u, groups: ['staff'] } : u)));

    // Act
    await pause(REFRESH_SECONDS * 1000 + 200);
    const after = await megan.get('/queue');
    const home = await megan.get('/');
    editUsers((users) => users.map((u) => (u.sub === 'megan' ? { ...u, groups: ['staff', 'manager'] } : u)));

    // Assess
    expect(before.status).toBe(200);
    expect(before.body).toContain('href="/queue"');
    expect(after.status).toBe(403);
    expect(after.body).toContain('You cannot see this page');
    expect(home.body).toContain('Signed in as Megan Jones');
    expect(home.body).not.toContain('href="/queue"');
  });

  it('ends the session on sign-out: the old cookie, replayed, gets the sign-in page and fails CSRF', async () => {
    // Prepare
    const sam = browser();
    await sam.signInAs('sam');
    await sam.get('/experiments');
    const oldCookies = new Map(sam.jar);
    const oldToken = sam.csrf();
    await sam.post('/sign-out');

    // Act
    sam.jar.clear();
    for (const [name, value] of oldCookies) sam.jar.set(name, value);
    const page = await sam.get('/experiments');
    const form = await sam.postRaw('/ideas/new', { _csrf: oldToken, title: 'Replayed' });

    // Assess
    expect(page.status).toBe(303);
    expect(page.location).toBe('/sign-in?returnTo=%2Fexperiments');
    expect(form.status).toBe(403);
    expect(form.body).toContain('Your form could not be sent');
  });

  it('never answers 500 to a returnTo a header cannot hold, and never leaves the site', async () => {
    // Prepare
    const values = ['/\x0b', '/\u3000/evil.example', '/\t/evil.example/phish', `/${'é'.repeat(300)}`];

    // Act
    const pages = [];
    for (const value of values) pages.push(await browser().signInAs('megan', value));

    // Assess
    for (const page of pages) {
      expect(page.status).toBe(303);
      expect(new URL(page.location ?? '', system.url).origin).toBe(system.url);
    }
  });
});

describe('POST /api/people/{id}/sessions/end', () => {
  it('lets a leader end every session of a person at once', async () => {
    // Prepare
    const [owen, owenPhone] = [browser(), browser()];
    await owen.signInAs('owen');
    await owenPhone.signInAs('owen');
    await owen.get('/queue');

    // Act
    const ended = await api.call('POST', '/api/people/owen/sessions/end', { as: USERS.carys });
    const again = await api.call('POST', '/api/people/owen/sessions/end', { as: USERS.carys });
    const pages = [await owen.get('/queue'), await owenPhone.get('/queue')];

    // Assess
    expect(ended).toMatchObject({ status: 200, body: { ended: 2 } });
    expect(again).toMatchObject({ status: 200, body: { ended: 0 } });
    expect(pages.map((p) => [p.status, p.location])).toEqual([
      [303, '/sign-in?returnTo=%2Fqueue'],
      [303, '/sign-in?returnTo=%2Fqueue'],
    ]);
  });

  it('refuses anyone but a leader or governance with 403 before looking at the id, and a malformed id with 404', async () => {
    // Prepare
    const rhys = browser();
    await rhys.signInAs('rhys');

    // Act
    const staff = await api.call('POST', '/api/people/rhys/sessions/end', { as: USERS.megan });
    const staffBadId = await api.call('POST', `/api/people/${'x'.repeat(200)}/sessions/end`, {
      as: USERS.sam,
    });
    const malformed = await Promise.all(
      [`${'x'.repeat(2_100)}`, 'a%23b', 'a%20b', '%2E%2E', '-rhys'].map((id) =>
        api.call('POST', `/api/people/${id}/sessions/end`, { as: USERS.carys }),
      ),
    );
    const stillIn = await rhys.get('/experiments');

    // Assess
    expect(staff).toMatchObject({
      status: 403,
      body: {
        error: 'forbidden',
        message: "Only leaders and information governance can end other people's sessions.",
      },
    });
    expect(staffBadId.status).toBe(403);
    expect(malformed.map((r) => [r.status, r.body.error])).toEqual(malformed.map(() => [404, 'not_found']));
    expect(stillIn.status).toBe(200);
  });
});
