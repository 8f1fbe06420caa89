import { describe, expect, it } from 'vitest';
import { h1, ideaForm, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

describe('the confirmation page', () => {
  it('shows a green panel "You can go ahead" with the review date when the card authorises', async () => {
    // Prepare
    const now = () => new Date('2025-03-03T09:00:00Z');
    const web = testApp({ now }).client();
    await web.signInAs('sam');
    const submitted = await web.submitIdea(ideaForm({ durationWeeks: '4' }));

    // Act
    const page = await web.get(submitted.headers.location ?? '');

    // Assess
    expect(textOf(page.body, /class="govuk-panel__title">([\s\S]*?)<\/h1>/)).toBe('You can go ahead');
    expect(textOf(page.body, /class="govuk-panel__body">([\s\S]*?)<\/div>/)).toBe(
      'Every answer is inside the card. Review it by 31 March 2025',
    );
  });

  it('says "Your manager needs to look at this" with each reason in plain words, in Welsh too', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');
    const submitted = await web.submitIdea(ideaForm({ peopleInvolved: '40', reversible: 'no' }));

    // Act
    const english = await web.get(submitted.headers.location ?? '');
    const welsh = await web.get(`${submitted.headers.location}?lang=cy`);

    // Assess
    expect(h1(english.body)).toBe('Your manager needs to look at this');
    expect(textOf(english.body, /data-testid="reasons">([\s\S]*?)<\/ul>/)).toBe(
      "It cannot be stopped quickly and put back if it goes wrong, so a manager needs to look at it first. It involves 40 people or families, above the card's limit of 10 people or families.",
    );
    expect(h1(welsh.body)).toBe("Mae angen i'ch rheolwr edrych ar hyn");
    expect(textOf(welsh.body, /data-testid="reasons">([\s\S]*?)<\/ul>/)).toContain(
      "Mae'n cynnwys 40 o bobl neu deuluoedd, sy'n uwch na therfyn y cerdyn o 10 o bobl neu deuluoedd.",
    );
  });

  it('is not found for someone who may not see the experiment', async () => {
    // Prepare
    const { client } = testApp();
    const sam = client();
    await sam.signInAs('sam');
    const submitted = await sam.submitIdea(ideaForm());
    const rhys = client();
    await rhys.signInAs('rhys');

    // Act
    const page = await rhys.get(submitted.headers.location ?? '');

    // Assess
    expect(page.statusCode).toBe(404);
  });
});
