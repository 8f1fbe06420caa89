import { describe, expect, it } from 'vitest';
import { h1, textOf } from '#test/support/web/client.ts';
import { auditTrail, useWebSystem } from '#test/support/web/system.ts';
import { IDLE_TIMEOUT_MS } from '../../session.ts';

const testApp = useWebSystem();

const T0 = Date.parse('2026-03-02T09:00:00Z');

const rowsOf = (html: string) =>
  [...html.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((row) =>
      [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
        textOf(cell[0], /<td[^>]*>([\s\S]*?)<\/td>/),
      ),
    );

describe('people signed in (leaders)', () => {
  it('lists everyone with a session in use, most recently seen first, and no one idle past the timeout', async () => {
    // Prepare
    let clock = T0;
    const { client } = testApp({ now: () => new Date(clock) });
    const idle = client();
    await idle.signInAs('rhys');
    clock += IDLE_TIMEOUT_MS / 2;
    const [megan, meganPhone] = [client(), client()];
    await megan.signInAs('megan');
    await meganPhone.signInAs('megan');
    clock += IDLE_TIMEOUT_MS / 2 + 120_000;
    const carys = client();
    await carys.signInAs('carys');

    // Act
    const page = await carys.get('/people');

    // Assess
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('People signed in');
    expect(rowsOf(page.body)).toEqual([
      ['Carys Morgan', "Children's services", 'this minute', '1', 'End sessions of Carys Morgan'],
      ['Megan Jones', 'Early help', '17 minutes ago', '2', 'End sessions of Megan Jones'],
    ]);
    expect(page.body).toContain('href="/people/end-sessions?person=megan"');
    expect(page.body).toContain('href="/people"');
  });

  it('ends every session of a person after a confirmation, audits it, and says how many', async () => {
    // Prepare
    const { client, sessions } = testApp();
    const [megan, meganPhone, carys] = [client(), client(), client()];
    await megan.signInAs('megan');
    await meganPhone.signInAs('megan');
    await carys.signInAs('carys');

    // Act
    const confirm = await carys.get('/people/end-sessions?person=megan');
    const ended = await carys.post('/people/end-sessions', { person: 'megan' });
    const list = await carys.get(ended.headers.location ?? '');
    const meganAfter = await megan.get('/queue');

    // Assess
    expect(h1(confirm.body)).toBe('End every session of Megan Jones?');
    expect(confirm.body).toContain('They will be signed out on every device at once.');
    expect(confirm.body).toContain('name="person" value="megan"');
    expect(ended.statusCode).toBe(303);
    expect(list.body).toContain('You ended 2 sessions of Megan Jones. They are signed out.');
    expect(meganAfter.statusCode).toBe(303);
    expect(meganAfter.headers.location).toBe('/sign-in?returnTo=%2Fqueue');
    expect(await sessions.size()).toBe(1);
    expect(await auditTrail({ action: 'sessionEnded', target: 'megan' })).toEqual([
      { actor: 'carys', action: 'sessionEnded', target: 'megan', outcome: 'done' },
    ]);
  });

  it('ends sessions by a typed user id, and refuses one that names nobody', async () => {
    // Prepare
    const { client } = testApp();
    const carys = client();
    await carys.signInAs('carys');

    // Act
    const refused = await carys.get(`/people/end-sessions?person=${encodeURIComponent('not an id!')}`);
    const confirm = await carys.get('/people/end-sessions?person=0c6f2d7e-left-in-2025');
    const ended = await carys.post('/people/end-sessions', { person: '0c6f2d7e-left-in-2025' });
    const list = await carys.get('/people');

    // Assess
    expect(refused.statusCode).toBe(400);
    expect(textOf(refused.body, /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/)).toBe(
      'Enter a user id: letters, numbers and the characters . _ @ -, up to 128 characters',
    );
    expect(refused.body).toContain('value="not an id!"');
    expect(h1(confirm.body)).toBe('End every session of 0c6f2d7e-left-in-2025?');
    expect(ended.statusCode).toBe(303);
    expect(list.body).toContain('0c6f2d7e-left-in-2025 had no sessions to end.');
  });

  it('is for leaders only, and ending needs the CSRF token', async () => {
    // Prepare
    const { client, sessions } = testApp();
    const megan = client();
    await megan.signInAs('megan');
    await megan.get('/queue');
    const carys = client();
    await carys.signInAs('carys');
    await carys.get('/people');

    // Act
    const statuses = [
      (await megan.get('/people')).statusCode,
      (await megan.get('/people/end-sessions?person=carys')).statusCode,
      (await megan.post('/people/end-sessions', { person: 'carys' })).statusCode,
      (await carys.postRaw('/people/end-sessions', { person: 'megan' })).statusCode,
    ];
    const home = await megan.get('/');

    // Assess
    expect(statuses).toEqual([403, 403, 403, 403]);
    expect(await sessions.size()).toBe(2);
    expect(home.body).not.toContain('href="/people"');
  });

  it('speaks Welsh', async () => {
    // Prepare
    const { client } = testApp();
    const carys = client();
    await carys.signInAs('carys');
    carys.setLang('cy');

    // Act
    const page = await carys.get('/people');
    const confirm = await carys.get('/people/end-sessions?person=carys');

    // Assess
    expect(h1(page.body)).toBe('Pobl sydd wedi mewngofnodi');
    expect(h1(confirm.body)).toBe('Dod â phob un o sesiynau Carys Morgan i ben?');
  });
});
