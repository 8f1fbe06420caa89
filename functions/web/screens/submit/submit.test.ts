import { describe, expect, it } from 'vitest';
import { CARD_QUESTIONS } from '#shared/domain/card.ts';
import { decode, h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

const errorSummary = (html: string) =>
  [...html.matchAll(/<a href="(#[^"]+)">([^<]+)<\/a>/g)]
    .filter((m) => html.indexOf('govuk-error-summary') < (m.index ?? 0))
    .map((m) => ({ href: m[1], text: decode(m[2] ?? '') }));

describe('"Submit an idea"', () => {
  it("shows the card's questions with the product spec's exact labels, £ before money and units after numbers", async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');

    // Act
    const page = await web.get('/ideas/new');
    const text = decode(page.body);

    // Assess
    expect(h1(page.body)).toBe('Submit an idea');
    for (const question of CARD_QUESTIONS) expect(text).toContain(question.label);
    expect(page.body).toMatch(/govuk-input__prefix[^>]*>£</);
    expect(page.body).toMatch(/govuk-input__suffix[^>]*>weeks</);
    expect(page.body).toMatch(/govuk-input__suffix[^>]*>hours</);
    expect(page.body).toMatch(/name="idempotencyKey" value="[0-9a-f-]{36}"/);
    expect(page.body).toContain('data-ff-preview');
  });

  it('lists every problem in an error summary linked to its field, in the order of the form', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');
    await web.get('/ideas/new');

    // Act
    const page = await web.post('/ideas/new/check', {
      'card.extraCost': '12.345',
      'card.durationWeeks': 'six',
    });
    const errors = errorSummary(page.body);

    // Assess
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/<title>Error: Submit an idea/);
    expect(errors).toHaveLength(17);
    expect(errors[0]).toEqual({ href: '#title', text: 'Enter a title between 5 and 120 characters' });
    expect(errors).toContainEqual({
      href: '#card-extraCost',
      text: 'Enter the extra money in pounds and pence, like 750 or 750.50',
    });
    expect(errors).toContainEqual({
      href: '#card-durationWeeks',
      text: 'Enter the number of weeks the test will run before you review it, from 1 to 52',
    });
    expect(page.body).toMatch(
      /id="card-durationWeeks" name="card.durationWeeks" type="text"[^>]* value="six"/,
    );
    expect(page.body).toMatch(/id="card-safeguarding-error"/);
  });

  it('shows "Check your answers" with change buttons, then submits once even if sent twice', async () => {
    // Prepare
    const { client, experimentsOf } = testApp();
    const web = client();
    await web.signInAs('sam');
    await web.get('/ideas/new');
    const form = ideaForm();

    // Act
    const check = await web.post('/ideas/new/check', form);
    const first = await web.post('/ideas', form);
    const second = await web.post('/ideas', form);

    // Assess
    expect(h1(check.body)).toBe('Check your answers before submitting your idea');
    expect(check.body).toContain('formaction="/ideas/new/edit#card-extraCost"');
    expect(textOf(check.body, /data-testid="check-inside">([\s\S]*?)<\/div>/)).toContain(
      'Every answer is inside the card',
    );
    expect(first.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await experimentsOf('sam')).toHaveLength(1);
  });

  it('says on "Check your answers" why a manager will need to look, and keeps every answer for "Change"', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');
    await web.get('/ideas/new');
    const form = ideaForm({ extraCost: '£1,250', safeguarding: 'unsure' });

    // Act
    const check = await web.post('/ideas/new/check', form);
    const edit = await web.post('/ideas/new/edit', form);

    // Assess
    expect(textOf(check.body, /data-testid="check-outside">([\s\S]*?)<\/div>/)).toContain(
      "It needs £1,250 of extra money, above the card's limit of £500.",
    );
    expect(check.body).toContain('You are not sure whether it could put a child');
    expect(h1(edit.body)).toBe('Submit an idea');
    expect(edit.body).toContain('value="£1,250"');
    expect(edit.body).toMatch(
      /id="card-safeguarding-3" name="card.safeguarding" type="radio" value="unsure" checked/,
    );
    expect(edit.body).toContain(`value="${form.idempotencyKey}"`);
  });

  it('is for staff and managers: a leader gets the 403 page', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('carys');

    // Act
    const page = await web.get('/ideas/new');

    // Assess
    expect(page.statusCode).toBe(403);
    expect(h1(page.body)).toBe('You cannot see this page');
  });

  it('asks in Welsh and answers problems in Welsh', async () => {
    // Prepare
    const web = testApp().client();
    web.setLang('cy');
    await web.signInAs('sam');
    await web.get('/ideas/new');

    // Act
    const page = await web.post('/ideas/new/check', ideaForm({ peopleInvolved: '2.5' }));

    // Assess
    expect(h1(page.body)).toBe('Cyflwyno syniad');
    expect(page.body).toContain('A allai hyn roi plentyn, person ifanc neu oedolyn mewn perygl o niwed?');
    expect(errorSummary(page.body)).toEqual([
      {
        href: '#card-peopleInvolved',
        text: "Rhaid i nifer y bobl neu'r teuluoedd sy'n cymryd rhan fod yn rhif cyfan",
      },
    ]);
  });
});
