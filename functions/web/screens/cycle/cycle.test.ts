import { describe, expect, it } from 'vitest';
import { experimentPath, h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

const authorised = async () => {
  const { client, experimentAs } = testApp();
  const sam = client();
  await sam.signInAs('sam');
  const submitted = await sam.submitIdea(ideaForm());
  const href = experimentPath(submitted);
  return { sam, href, experimentAs, client };
};

const learning = {
  result: 'didNotWork',
  observed: 'Only two of ten families answered.',
  learned: 'Evenings are busy.',
  incident: 'none',
};

describe('"Record what happened"', () => {
  it('is offered to the owner of an authorised experiment, and records cycles one after another', async () => {
    // Prepare
    const { sam, href } = await authorised();
    const page = await sam.get(href);

    // Act
    const form = await sam.get(`${href}/cycles/new`);
    const first = await sam.post(`${href}/cycles`, {
      ...learning,
      next: 'adapt',
      'changes.staffHours': '15',
    });
    const afterFirst = await sam.get(first.headers.location ?? '');
    await sam.get(`${href}/cycles/new`);
    const second = await sam.post(`${href}/cycles`, { ...learning, result: 'worked', next: 'adopt' });
    const afterSecond = await sam.get(second.headers.location ?? '');

    // Assess
    expect(page.body).toContain(`href="${href}/cycles/new"`);
    expect(h1(form.body)).toBe('Record what happened');
    expect(first.statusCode).toBe(303);
    expect(afterFirst.body).toContain('Test 1 is recorded.');
    expect(textOf(afterFirst.body, /data-testid="status">([\s\S]*?)<\/p>/)).toBe('Testing');
    expect(afterFirst.body).toContain('15 hours');
    expect(afterSecond.body).toContain('Test 2 is recorded and the experiment is closed.');
    expect(textOf(afterSecond.body, /data-testid="status">([\s\S]*?)<\/p>/)).toBe('Adopted');
    expect(afterSecond.body).not.toContain('/cycles/new');
  });

  it('says what is missing, in Welsh too, and never sends card changes unless adapting', async () => {
    // Prepare
    const { sam, href, experimentAs } = await authorised();
    await sam.get(`${href}/cycles/new`);

    // Act
    const english = await sam.post(`${href}/cycles`, { 'changes.extraCost': 'lots' });
    sam.setLang('cy');
    const welshErrors = await sam.post(`${href}/cycles`, {});
    const welsh = await sam.post(`${href}/cycles`, {
      ...learning,
      next: 'abandon',
      'changes.extraCost': '900',
    });

    // Assess
    expect(english.statusCode).toBe(400);
    expect(textOf(english.body, /govuk-error-summary__list">([\s\S]*?)<\/ul>/)).toBe(
      "Select whether it worked, didn't work or it is unclear Enter what you observed Enter what you learned Select whether anything went wrong for anyone taking part Select what happens next: adapt, adopt or abandon",
    );
    expect(welsh.statusCode).toBe(303);
    expect((await experimentAs('sam', href.split('/').pop() ?? '')).card.extraCost).toBe(0);
    expect(textOf(welshErrors.body, /govuk-error-summary__list">([\s\S]*?)<\/ul>/)).toContain(
      'Rhowch yr hyn a welsoch chi',
    );
  });

  it('asks whether anything went wrong, wants the detail unless nothing did, in Welsh too, and shows it on the experiment', async () => {
    // Prepare
    const { sam, href } = await authorised();
    const form = await sam.get(`${href}/cycles/new`);

    // Act
    const minorWithout = await sam.post(`${href}/cycles`, { ...learning, incident: 'minor', next: 'adapt' });
    const noneWith = await sam.post(`${href}/cycles`, {
      ...learning,
      incidentDetail: 'A parent waited an hour.',
      next: 'adapt',
    });
    sam.setLang('cy');
    const welshMissing = await sam.post(`${href}/cycles`, {
      ...learning,
      incident: 'serious',
      next: 'adapt',
    });
    sam.setLang('en');
    const minor = await sam.post(`${href}/cycles`, {
      ...learning,
      incident: 'minor',
      incidentDetail: 'A parent waited an hour at the cafe; we apologised the same day.',
      next: 'adapt',
    });
    const page = await sam.get(minor.headers.location ?? '');

    // Assess
    expect(form.body).toContain('Did anything go wrong for anyone taking part?');
    expect(form.body).toMatch(/name="incident" type="radio" value="serious"/);
    expect(minorWithout.statusCode).toBe(400);
    expect(textOf(minorWithout.body, /govuk-error-summary__list">([\s\S]*?)<\/ul>/)).toBe(
      'Enter what went wrong',
    );
    expect(noneWith.statusCode).toBe(400);
    expect(textOf(noneWith.body, /govuk-error-summary__list">([\s\S]*?)<\/ul>/)).toBe(
      'Only say what went wrong when something did: leave this out when nothing went wrong',
    );
    expect(textOf(welshMissing.body, /govuk-error-summary__list">([\s\S]*?)<\/ul>/)).toBe(
      "Rhowch beth aeth o'i le",
    );
    expect(welshMissing.body).toMatch(/A aeth unrhyw beth o(&#39;|')i le i unrhyw un a gymerodd ran\?/);
    expect(minor.statusCode).toBe(303);
    expect(page.body).toContain('Something minor');
    expect(page.body).toContain('A parent waited an hour at the cafe; we apologised the same day.');
  });

  it('is not for anyone but the owner', async () => {
    // Prepare
    const { href, client } = await authorised();
    const rhys = client();
    await rhys.signInAs('rhys');

    // Act
    const page = await rhys.get(`${href}/cycles/new`);

    // Assess
    expect(page.statusCode).toBe(404);
  });
});
