import { describe, expect, it } from 'vitest';
import { CARD_QUESTIONS } from '#shared/domain/card.ts';
import { decode, h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

const errorSummary = (html: string) =>
  [...html.matchAll(/<a href="(#[^"]+)">([^<]+)<\/a>/g)]
    .filter((m) => html.indexOf('govuk-error-summary') < (m.index ?? 0))
    .map((m) => ({ href: m[1], text: decode(m[2] ?? '') }));

const backLink = (html: string) => /<a href="([^"]+)" class="govuk-back-link/.exec(html)?.[1];

/** The card's fields of `form` alone, as the card step posts them. */
const cardOf = (form: Record<string, string>) =>
  Object.fromEntries(Object.entries(form).filter(([name]) => name.startsWith('card.')));

describe('"Submit an idea", one step a page', () => {
  it('asks for the idea first, as questions, with its own Back link to the start page', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');

    // Act
    const page = await web.get('/ideas/new');
    const text = decode(page.body);

    // Assess
    expect(h1(page.body)).toBe('Describe your idea');
    expect(text).toContain('Give your idea a short title');
    expect(text).toContain('What is wrong today?');
    expect(text).not.toContain(CARD_QUESTIONS[0]?.label);
    expect(backLink(page.body)).toBe('/');
  });

  it("shows only an empty step's own errors, each in the GOV.UK pattern and linked to its field", async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');
    await web.get('/ideas/new');

    // Act
    const page = await web.post('/ideas/new', { title: '', problem: '' });

    // Assess
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/<title>Error: Describe your idea/);
    expect(errorSummary(page.body)).toEqual([
      { href: '#title', text: 'Enter a title for your idea' },
      { href: '#problem', text: 'Enter what is wrong today' },
    ]);
  });

  it('asks the test plan as four questions, and the card with its live summary, limits "in total" and the consent hint', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');
    await web.get('/ideas/new');
    const form = ideaForm();

    // Act
    const afterIdea = await web.post('/ideas/new', { title: form.title ?? '', problem: form.problem ?? '' });
    const plan = await web.get('/ideas/new/test-plan');
    const card = await web.get('/ideas/new/card');
    const planText = decode(plan.body);
    const cardText = decode(card.body);

    // Assess
    expect(afterIdea.headers.location).toBe('/ideas/new/test-plan');
    expect(h1(plan.body)).toBe('Your test plan');
    for (const question of [
      'What change do you think will help?',
      'How will you test it?',
      'What will you measure?',
      'What result would show it works?',
    ])
      expect(planText).toContain(question);
    expect(backLink(plan.body)).toBe('/ideas/new');
    expect(h1(card.body)).toBe('Answer the questions on the prompt card');
    for (const question of CARD_QUESTIONS) expect(cardText).toContain(question.label);
    expect(card.body).toMatch(/govuk-input__prefix[^>]*>£</);
    expect(card.body).toMatch(/govuk-input__suffix[^>]*>weeks</);
    expect(cardText).toContain(
      'If someone may be at risk now, follow your safeguarding procedures straight away.',
    );
    expect(cardText).toContain('In total, for this test');
    expect(cardText).toContain("the card's limits do not start again");
    expect(cardText).toContain('Only when no families, children or other members of the public take part');
    expect(card.body).toContain('data-ff-preview');
    expect(backLink(card.body)).toBe('/ideas/new/test-plan');
  });

  it('says what is wrong with each number in its own words', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');
    await web.fillIdea(ideaForm());

    // Act
    const page = await web.post('/ideas/new/card', {
      ...cardOf(ideaForm()),
      'card.extraCost': '12.345',
      'card.durationWeeks': 'six',
      'card.staffHours': '',
    });
    const errors = errorSummary(page.body);

    // Assess
    expect(page.statusCode).toBe(400);
    expect(errors).toEqual([
      { href: '#card-extraCost', text: 'Enter the extra money in pounds and pence, like 750 or 750.50' },
      { href: '#card-durationWeeks', text: 'The number of weeks must be a number, like 4' },
      { href: '#card-staffHours', text: 'Enter how many extra staff hours it will take' },
    ]);
    expect(page.body).toMatch(
      /id="card-durationWeeks" name="card.durationWeeks" type="text"[^>]* value="six"/,
    );
  });

  it('goes to "Check your answers" with Change links to each step, then submits once even if sent twice', async () => {
    // Prepare
    const { client, experimentsOf } = testApp();
    const web = client();
    await web.signInAs('sam');

    // Act
    const filled = await web.fillIdea(ideaForm());
    const check = await web.get('/ideas/new/check');
    const first = await web.post('/ideas');
    const second = await web.post('/ideas');

    // Assess
    expect(filled.headers.location).toBe('/ideas/new/check');
    expect(h1(check.body)).toBe('Check your answers before submitting your idea');
    expect(check.body).toContain('href="/ideas/new#title"');
    expect(check.body).toContain('href="/ideas/new/test-plan#hypothesis-toTestIt"');
    expect(check.body).toContain('href="/ideas/new/card#card-extraCost"');
    expect(backLink(check.body)).toBe('/ideas/new/card');
    const inside = textOf(check.body, /data-testid="check-inside">([\s\S]*?)<\/div>/);
    expect(inside).toContain("Every answer is within the card's limits");
    expect(inside).toContain('the card checks your answers again');
    expect(inside).not.toContain('You can go ahead');
    expect(first.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await experimentsOf('sam')).toHaveLength(1);
  });

  it('says on "Check your answers" why a manager will need to decide, topic first, and not to start until one approves', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');
    await web.fillIdea(ideaForm({ extraCost: '£1,250', safeguarding: 'unsure' }));

    // Act
    const check = await web.get('/ideas/new/check');
    const change = await web.get('/ideas/new/card');

    // Assess
    const outside = textOf(check.body, /data-testid="check-outside">([\s\S]*?)<\/div>\s*<form/);
    expect(outside).toContain(
      'Risk of harm: not sure whether it could put a child, young person or adult at risk of harm',
    );
    expect(outside).toContain("Extra money: £1,250 in total, above the card's limit of £500");
    expect(outside).toContain('Do not start your test until a manager approves it.');
    expect(change.body).toContain('value="£1,250"');
    expect(change.body).toMatch(
      /id="card-safeguarding-3" name="card.safeguarding" type="radio" value="unsure" checked/,
    );
  });

  it('sends "Check your answers" back to the first step with answers missing, and keeps answers after a Change', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');
    const form = ideaForm();
    await web.get('/ideas/new');
    await web.post('/ideas/new', { title: form.title ?? '', problem: form.problem ?? '' });

    // Act
    const early = await web.get('/ideas/new/check');
    await web.fillIdea(form);
    const changed = await web.post('/ideas/new', {
      title: 'Evening calls, changed',
      problem: form.problem ?? '',
    });
    const check = await web.get('/ideas/new/check');

    // Assess
    expect(early.headers.location).toBe('/ideas/new/test-plan');
    expect(changed.headers.location).toBe('/ideas/new/check');
    expect(decode(check.body)).toContain('Evening calls, changed');
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

    // Act
    const page = await web.fillIdea(ideaForm({ peopleInvolved: '2.5' }));

    // Assess
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('A allai hyn roi plentyn, person ifanc neu oedolyn mewn perygl o niwed?');
    expect(errorSummary(page.body)).toEqual([
      {
        href: '#card-peopleInvolved',
        text: "Rhaid i nifer y bobl neu'r teuluoedd fod yn rhif cyfan",
      },
    ]);
  });
});
