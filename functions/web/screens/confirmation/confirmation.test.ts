import { describe, expect, it } from 'vitest';
import { decode, h1, ideaForm, textOf } from '#test/support/web/client.ts';
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
      "Every answer is within the card's limits. This covers your test, as you described it, until 31 March 2025.",
    );
  });

  it('says a manager needs to decide, each reason topic first, and not to start the test until approved, in Welsh too', async () => {
    // Prepare
    const web = testApp().client();
    await web.signInAs('sam');
    const submitted = await web.submitIdea(ideaForm({ peopleInvolved: '40', reversible: 'no' }));

    // Act
    const english = await web.get(submitted.headers.location ?? '');
    const welsh = await web.get(`${submitted.headers.location}?lang=cy`);

    // Assess
    expect(h1(english.body)).toBe('A manager needs to decide on your idea');
    expect(textOf(english.body, /data-testid="reasons">([\s\S]*?)<\/ul>/)).toBe(
      "Stopping it if it goes wrong: cannot be stopped quickly, with things put back as they were People or families taking part: 40 people or families, above the card's limit of 10 people or families",
    );
    expect(decode(english.body)).toContain('Do not start your test until a manager approves it.');
    expect(decode(english.body)).toContain(
      'If someone may be at risk now, follow your safeguarding procedures straight away.',
    );
    expect(h1(welsh.body)).toBe('Mae angen i reolwr benderfynu ar eich syniad');
    expect(textOf(welsh.body, /data-testid="reasons">([\s\S]*?)<\/ul>/)).toContain(
      "Pobl neu deuluoedd sy'n cymryd rhan: 40 person neu deulu, dros derfyn y cerdyn o 10 person neu deulu",
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
