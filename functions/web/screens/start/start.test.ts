import { describe, expect, it } from 'vitest';
import { CHOICE_FIELDS, CHOICE_QUESTIONS } from '#shared/domain/card.ts';
import { h1, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';

const testApp = useWebSystem();

describe('the start page', () => {
  it("lists the card's six questions and today's limits from the current policy", async () => {
    // Prepare
    const web = testApp().client();

    // Act
    const page = await web.get('/');

    // Assess
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Try out a new idea with the prompt card');
    const questions = textOf(page.body, /data-testid="card-questions">([\s\S]*?)<\/table>/);
    for (const question of CHOICE_FIELDS.map((field) => CHOICE_QUESTIONS[field].label))
      expect(questions).toContain(question);
    expect(questions).toContain("Does it use people's personal information in a new way? No");
    expect(page.body).toContain('Extra money: £500');
    expect(page.body).toContain('People or families taking part: 10 people or families');
    expect(page.body).toContain('If a manager needs to decide, they have 5 days to do it.');
    expect(page.body).toMatch(
      /href="\/sign-in\?returnTo=%2Fideas%2Fnew"[^>]*class="govuk-button govuk-button--start"|class="govuk-button govuk-button--start"[^>]*href="\/sign-in\?returnTo=%2Fideas%2Fnew"/,
    );
  });

  it('speaks Welsh with ?lang=cy, sets lang="cy", remembers the choice and marks the draft translation', async () => {
    // Prepare
    const web = testApp().client();

    // Act
    const welsh = await web.get('/?lang=cy');
    const again = await web.get('/');

    // Assess
    expect(welsh.body).toContain('<html lang="cy"');
    expect(welsh.setCookies['__Host-ff-lang']).toMatch(
      /^__Host-ff-lang=cy; Path=\/; Secure; HttpOnly; SameSite=Lax; Max-Age=\d+$/,
    );
    expect(h1(again.body)).toBe("Rhowch gynnig ar syniad newydd gyda'r cerdyn ysgogi");
    expect(again.body).toContain('data-testid="draft-translation"');
    expect(again.body).toContain('Cyfieithiad drafft');
    expect(again.body).toMatch(/hreflang="en"[^>]*>English/);
  });
});
