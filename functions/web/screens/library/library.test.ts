import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CycleRequest } from '#shared/domain/schemas.ts';
import { services } from '#shared/services/index.ts';
import { PEOPLE, sampleIdea, userOf } from '#test/support/fixtures.ts';
import { h1, ideaForm, textOf, type webClient } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';
import { TEST_PEOPLE, type TestPerson } from '#test/support/web/test-sign-in.ts';

const testApp = useWebSystem();

/** An idea the card authorises, submitted through the real service, then tested cycle by cycle. */
const tried = async (
  person: TestPerson,
  words: { title: string; problem: string },
  cycles: CycleRequest[],
): Promise<string> => {
  const user = TEST_PEOPLE[person];
  const exp = await services().experiments.submit(user, randomUUID(), { ...sampleIdea(), ...words });
  for (const cycle of cycles) await services().experiments.recordCycle(user, exp.id, () => cycle);
  return exp.id;
};

/** Searches until the page satisfies `done` or five seconds pass, and returns the last page. */
const searchUntil = async (web: ReturnType<typeof webClient>, q: string, done: (body: string) => boolean) => {
  const started = Date.now();
  let page = await web.get(`/library?q=${encodeURIComponent(q)}`);
  while (!done(page.body) && Date.now() - started < 5_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    page = await web.get(`/library?q=${encodeURIComponent(q)}`);
  }
  return page;
};

const results = (body: string) => textOf(body, /data-testid="library-results">([\s\S]*?)<\/ul>/);
const count = (body: string) => textOf(body, /data-testid="library-count">([\s\S]*?)<\/p>/);
const similarBlock = (body: string) => textOf(body, /data-testid="ideas-like-yours">([\s\S]*?)<\/section>/);

const ids: Record<string, string> = {};

beforeAll(async () => {
  ids.garden = await tried(
    'rhys',
    {
      title: 'Reparation in a community garden',
      problem: 'Young people see litter picking as punishment and stop turning up.',
    },
    [
      {
        result: 'worked',
        observed: 'Eight of ten young people came to every session.',
        learned: 'Visible work that neighbours thank them for keeps young people coming back.',
        next: 'adopt',
        incident: 'none',
      },
    ],
  );
  ids.kitchen = await tried(
    'rhys',
    {
      title: 'Cooking sessions in the youth centre kitchen',
      problem: 'Sessions in an office feel like being in trouble.',
    },
    [
      {
        result: 'didNotWork',
        observed: 'The kitchen was booked by other groups most weeks.',
        learned: 'Check the room is free for the whole pilot before promising anything.',
        next: 'abandon',
        incident: 'none',
      },
    ],
  );
  // Sam's own idea, like the draft below: never among "ideas like yours" for Sam.
  ids.samsGarden = await tried(
    'sam',
    {
      title: 'Community garden mornings for reparation',
      problem: 'Families want reparation that young people are proud of.',
    },
    [
      {
        result: 'worked',
        observed: 'Good turnout.',
        learned: 'Gardening mornings suit families.',
        next: 'adopt',
        incident: 'none',
      },
    ],
  );
  // Authorised and untested: not in the library yet.
  ids.untested = await tried('rhys', { title: 'Gardening waiting list', problem: 'Not tested yet.' }, []);
}, 120_000);

describe('the learning library page', () => {
  it('finds entries by their words, stemmed, with the matched words marked and no names', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');

    // Act
    const page = await web.get('/library?q=gardens+neighbour');

    // Assess
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Learning library');
    expect(page.body).toContain(`href="/library/${ids.garden}"`);
    expect(page.body).toContain('Reparation in a community <mark>garden</mark>');
    expect(page.body).toContain('Visible work that <mark>neighbours</mark> thank them for');
    expect(results(page.body)).toContain('Youth justice Recommended');
    expect(page.body).not.toContain('Rhys Evans');
    expect(page.body).not.toContain(`href="/library/${ids.untested}"`);
    expect(count(page.body)).toMatch(/^\d+ results? – Most relevant first$/);
  });

  it('filters by team and status in a GET form', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('megan');

    // Act
    const abandoned = await web.get('/library?q=kitchen&team=youth-justice&status=abandoned');
    const adopted = await web.get('/library?q=kitchen&team=youth-justice&status=adopted');

    // Assess
    expect(abandoned.body).toContain('<form method="get" action="/library" novalidate');
    expect(abandoned.body).toContain('Cooking sessions in the youth centre <mark>kitchen</mark>');
    expect(abandoned.body).toMatch(/<option value="abandoned" selected>Stopped<\/option>/);
    expect(count(abandoned.body)).toBe('1 result – Most relevant first');
    expect(count(adopted.body)).toBe('0 results');
    expect(adopted.body).toContain('No entries match your search.');
  });

  it('lists the newest entries first when nothing is typed, and is in the header for everyone', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('carys');

    // Act
    const page = await web.get('/library');

    // Assess
    expect(page.statusCode).toBe(200);
    expect(count(page.body)).toMatch(/ – Newest first$/);
    expect(page.body).not.toContain('<mark>');
    expect(page.body).toMatch(
      /class="govuk-service-navigation__link" href="\/library"[^>]*>\s*(<strong[^>]*>)?\s*Learning library/,
    );
  });

  it('shows a search it cannot take back with its error, escaped, never a 500', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');

    // Act
    const long = await web.get(`/library?q=${'a'.repeat(201)}`);
    const team = await web.get(`/library?team=${encodeURIComponent('<b>x</b>')}`);
    const markup = await web.get(`/library?q=${encodeURIComponent('<script>alert(1)</script> garden')}`);
    const unicode = await web.get(
      `/library?q=${encodeURIComponent('g\u200Barden \u202Egnp \u{1F331} \uFDD0')}`,
    );

    // Assess
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('<a href="#q">Search words must be 200 characters or fewer</a>');
    expect(long.body).not.toContain('data-testid="library-results"');
    expect(team.statusCode).toBe(400);
    expect(team.body).toContain('<a href="#team">Choose a team from the list</a>');
    expect(team.body).not.toContain('<b>x</b>');
    expect(markup.statusCode).toBe(200);
    expect(markup.body).not.toContain('<script>alert(1)</script>');
    expect(markup.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt; garden"');
    expect(unicode.statusCode).toBeLessThan(500);
  });

  it('speaks Welsh', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('owen');
    web.setLang('cy');

    // Act
    const page = await web.get('/library?q=kitchen&status=abandoned');

    // Assess
    expect(h1(page.body)).toBe('Llyfrgell ddysgu');
    expect(count(page.body)).toBe('1 canlyniad – Y mwyaf perthnasol yn gyntaf');
    expect(results(page.body)).toContain('Cyfiawnder ieuenctid');
  });

  it('is for people signed in', async () => {
    // Prepare
    const web = testApp().client();

    // Act
    const page = await web.get('/library?q=garden');

    // Assess
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Flibrary%3Fq%3Dgarden');
  });
});

describe('a library entry', () => {
  it("shows what was tried and each test's observed and learned text, without anyone's name or id", async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');

    // Act
    const page = await web.get(`/library/${ids.garden}`);

    // Assess
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Reparation in a community garden');
    expect(textOf(page.body, /data-testid="entry-details">([\s\S]*?)<\/dl>/)).toContain(
      'Team Youth justice Status Recommended',
    );
    const cycle = textOf(page.body, /data-testid="entry-cycle">([\s\S]*?)<\/dl>/);
    expect(cycle).toContain('What was seen Eight of ten young people came to every session.');
    expect(cycle).toContain(
      'What was learned Visible work that neighbours thank them for keeps young people coming back.',
    );
    expect(page.body).not.toContain('Rhys Evans');
    expect(page.body).not.toMatch(/\brhys\b/);
  });

  it('never shows text information governance removed, on the entry or in a search', async () => {
    // Prepare
    const id = await tried('owen', { title: 'A sensory corner at the youth centre', problem: 'Noise.' }, [
      {
        result: 'worked',
        observed: 'Calmer sessions.',
        learned: 'Lavender and dim lights calmed the group within minutes.',
        next: 'adapt',
        incident: 'none',
      },
    ]);
    const web = testApp().client();
    await web.signInAs('sam');
    // The warm index takes in a new entry within half a second; a loaded machine may take longer.
    const before = await searchUntil(web, 'lavender', (body) => body.includes(`href="/library/${id}"`));

    // Act
    await services().governance.redact(userOf(PEOPLE.gwen), id, () => ({
      field: 'cycles.1.learned',
      reason: 'It named a place that identifies a child.',
    }));
    const entry = await web.get(`/library/${id}`);
    const atOnce = await web.get('/library?q=lavender');
    // The warm index applies the change within half a second; the page shows the entry as stored meanwhile.
    const after = await searchUntil(web, 'lavender', (body) => !body.includes(`href="/library/${id}"`));

    // Assess
    expect(before.body).toContain(`href="/library/${id}"`);
    expect(entry.body).not.toContain('Lavender');
    expect(textOf(entry.body, /data-testid="entry-cycle">([\s\S]*?)<\/dl>/)).toContain(
      'What was learned Removed by information governance',
    );
    expect(atOnce.body).not.toContain('Lavender');
    expect(after.body).not.toContain(`href="/library/${id}"`);
  });

  it('is not found for an experiment the library does not show, or no experiment at all', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('rhys');

    // Act
    const untested = await web.get(`/library/${ids.untested}`);
    const nothing = await web.get('/library/not-an-id');

    // Assess
    expect(untested.statusCode).toBe(404);
    expect(nothing.statusCode).toBe(404);
  });
});

describe('ideas like yours', () => {
  it("shows similar entries on check your answers, each with its outcome and lesson, never the person's own", async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');

    // Act
    await web.fillIdea({
      ...ideaForm(),
      title: 'Reparation work in a garden',
      problem: 'Young people stop turning up to reparation sessions.',
    });
    const check = await web.get('/ideas/new/check');

    // Assess
    expect(check.statusCode).toBe(200);
    const block = similarBlock(check.body);
    expect(block).toContain('Ideas like yours');
    expect(block).toContain(
      'Reparation in a community garden (opens in new tab) Youth justice. Outcome: Recommended What it learned: Visible work that neighbours thank them for keeps young people coming back.',
    );
    expect(check.body).toContain(`href="/library/${ids.garden}" target="_blank"`);
    expect(check.body).not.toContain(`href="/library/${ids.samsGarden}"`);
  });

  it("shows similar entries on a manager's case page, beside the decision", async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const submitted = await sam.submitIdea({
      ...ideaForm({ extraCost: '900' }),
      title: 'Cooking in a kitchen with young people',
    });
    const id = (submitted.headers.location ?? '').split('/')[2] ?? '';
    const megan = client();
    await megan.signInAs('megan');

    // Act
    const page = await megan.get(`/queue/${id}`);

    // Assess
    const block = similarBlock(page.body);
    expect(block).toMatch(
      /^\s*Ideas like yours Ideas like this have been tried before, in this team or others. What was learned may help you decide./,
    );
    expect(block).not.toContain('Ideas like this one');
    expect(block).toContain('Cooking sessions in the youth centre kitchen Youth justice. Outcome: Stopped');
    expect(page.body.indexOf('data-testid="ideas-like-yours"')).toBeLessThan(
      page.body.indexOf('action="/queue/'),
    );
  });
});
