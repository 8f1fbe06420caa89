import { describe, expect, it } from 'vitest';
import { decode, experimentPath, h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

const authorised = async () => {
  const { client, experimentAs, outbox } = testApp();
  const sam = client();
  await sam.signInAs('sam');
  const submitted = await sam.submitIdea(ideaForm());
  const href = experimentPath(submitted);
  return { sam, href, experimentAs, client, outbox };
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
    const { sam, href, outbox } = await authorised();
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
    expect(decode(afterSecond.body)).toContain(
      "Test 2 is recorded. Your team's managers have been told that you recommend making it normal practice.",
    );
    expect(textOf(afterSecond.body, /data-testid="status">([\s\S]*?)<\/p>/)).toBe('Recommended');
    expect(afterSecond.body).not.toContain('/cycles/new');
    const id = href.split('/').pop();
    // Told by the workflow's NotifyAdoption task, a moment after the page answers.
    const notices = async () =>
      (await outbox()).filter((m) => m.experimentId === id && m.template === 'adopted-to-managers');
    for (let tries = 0; tries < 50 && (await notices()).length === 0; tries++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await notices()).toEqual([
      expect.objectContaining({
        dedupeKey: `adopted#${id}`,
        audience: { role: 'manager', team: 'early-help' },
      }),
    ]);
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
      'Select whether it worked Enter what you saw Enter what you learned Select whether anything went wrong for anyone taking part Select what happens next',
    );
    expect(welsh.statusCode).toBe(303);
    expect((await experimentAs('sam', href.split('/').pop() ?? '')).card.extraCost).toBe(0);
    expect(textOf(welshErrors.body, /govuk-error-summary__list">([\s\S]*?)<\/ul>/)).toContain(
      'Rhowch beth welsoch chi',
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

  it('says to record any answer that changes, and after a change outside the limits not to start the next test until approved', async () => {
    // Prepare
    const { sam, href } = await authorised();

    // Act
    const form = await sam.get(`${href}/cycles/new`);
    const escalated = await sam.post(`${href}/cycles`, {
      ...learning,
      next: 'adapt',
      'changes.extraCost': '900',
    });
    const after = await sam.get(escalated.headers.location ?? '');

    // Assess
    expect(decode(form.body)).toContain('If any answer on the card changes');
    expect(decode(form.body)).toContain("The card's limits do not start again for a new test");
    expect(textOf(after.body, /govuk-notification-banner__content">([\s\S]*?)<\/div>/)).toContain(
      'Do not start your test until a manager approves it.',
    );
    expect(textOf(after.body, /data-testid="status">([\s\S]*?)<\/p>/)).toBe('With a manager');
    expect(decode(after.body)).toContain("Extra money: £900 in total, above the card's limit of £500");
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
