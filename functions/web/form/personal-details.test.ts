import { describe, expect, it } from 'vitest';
import { experimentPath, ideaForm, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

const summaryOf = (html: string) => textOf(html, /govuk-error-summary__list">([\s\S]*?)<\/ul>/);

describe('personal details in free text, on the pages', () => {
  it('refuses an identifying detail before "Check your answers", naming the field and the kind of detail', async () => {
    // Prepare
    const { client, calls } = testApp();
    const sam = client();
    await sam.signInAs('sam');

    // Act: the steps take the answers (each is well formed); "Check your answers" sends back to the
    // step that asks for the field, and so does submitting straight away.
    await sam.fillIdea({ ...ideaForm(), problem: 'The family on 07700 900123 waited all weekend.' });
    const checked = await sam.get('/ideas/new/check');
    await sam.fillIdea({
      ...ideaForm(),
      'hypothesis.measure': 'whether 943 476 5919 takes up the appointment',
    });
    const submitted = await sam.post('/ideas');

    // Assess
    expect(checked.statusCode).toBe(400);
    expect(summaryOf(checked.body)).toBe(
      'Remove the phone number from "What is wrong today?": describe people, do not identify them',
    );
    expect(checked.body).toContain('href="#problem"');
    expect(checked.body).toMatch(/id="problem-error"[\s\S]*?Remove the phone number/);
    expect(submitted.statusCode).toBe(400);
    expect(summaryOf(submitted.body)).toBe(
      'Remove the NHS number from "What will be measured?": describe people, do not identify them',
    );
    expect(submitted.body).toContain('href="#hypothesis-measure"');
    expect(calls.submit).toBe(0);
  });

  it('warns about a postcode on "Check your answers", and the idea can still be submitted', async () => {
    // Prepare
    const { client, calls } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const form = { ...ideaForm(), problem: 'Families near NP7 5DL wait until Monday to hear from anyone.' };

    // Act
    await sam.fillIdea(form);
    const checked = await sam.get('/ideas/new/check');
    const submitted = await sam.post('/ideas');

    // Assess
    expect(checked.statusCode).toBe(200);
    expect(textOf(checked.body, /data-testid="personal-warning">([\s\S]*?)<\/div>/)).toBe(
      '! Check for personal details "What is wrong today?" may hold a postcode. Check it does not say who a family is or where they live.',
    );
    expect(submitted.statusCode).toBe(303);
    expect(calls.submit).toBe(1);
  });

  it('says it in Welsh on a Welsh page', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    sam.setLang('cy');

    // Act
    await sam.fillIdea({ ...ideaForm(), title: 'Email jo@example.org first' });
    const checked = await sam.get('/ideas/new/check');

    // Assess
    expect(checked.statusCode).toBe(400);
    expect(summaryOf(checked.body)).toBe(
      'Tynnwch y cyfeiriad e-bost o "Teitl": disgrifiwch bobl, peidiwch â’u hadnabod',
    );
  });

  it('refuses an identifying detail on a learning card, on its field', async () => {
    // Prepare
    const { client, calls } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const href = experimentPath(await sam.submitIdea(ideaForm()));
    await sam.get(`${href}/cycles/new`);

    // Act
    const recorded = await sam.post(`${href}/cycles`, {
      result: 'didNotWork',
      observed: 'Only two families answered; one asked us to write to AB 12 34 56 C.',
      learned: 'Evenings are busy.',
      incident: 'none',
      next: 'adapt',
    });

    // Assess
    expect(recorded.statusCode).toBe(400);
    expect(summaryOf(recorded.body)).toBe(
      'Remove the National Insurance number from "What did you see?": describe people, do not identify them',
    );
    expect(recorded.body).toContain('href="#observed"');
    expect(calls.recordCycle).toBe(0);
  });

  it('records a learning card that may hold a postcode, and says so on the experiment page to check', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const href = experimentPath(await sam.submitIdea(ideaForm()));
    await sam.get(`${href}/cycles/new`);

    // Act
    const recorded = await sam.post(`${href}/cycles`, {
      result: 'worked',
      observed: 'Families near NP7 5DL came to every session.',
      learned: 'Evenings suit families.',
      incident: 'none',
      next: 'adapt',
    });
    const page = await sam.get(recorded.headers.location ?? '');
    const again = await sam.get(href);

    // Assess
    expect(recorded.statusCode).toBe(303);
    expect(textOf(page.body, /govuk-notification-banner__content">([\s\S]*?)<\/div>/)).toContain(
      '"What did you see?" may hold a postcode. Check it does not say who a family is or where they live.',
    );
    expect(again.body).not.toContain('may hold a postcode');
  });
});
