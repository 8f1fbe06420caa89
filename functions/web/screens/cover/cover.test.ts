/**
 * "Cover while you're away" over the real local system: every problem with a cover request has its own
 * message on the page, in English and in Welsh, in the words of the form's labels; the reason gets the
 * personal-details check every other free text gets.
 */
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate, formatIsoDate, londonDate } from '#shared/domain/uk-time.ts';
import { decode, textOf } from '#test/support/web/client.ts';
import { useWebSystem } from '#test/support/web/system.ts';
import { cy } from '../../i18n/cy.ts';
import { en } from '../../i18n/en.ts';
import { formatter } from '../../i18n/index.ts';

const testApp = useWebSystem();

/** The three boxes of a GOV.UK date input holding `date`. */
const dateBoxes = (name: 'from' | 'to', date: CalendarDate): Record<string, string> => ({
  [`${name}-day`]: String(date.day),
  [`${name}-month`]: String(date.month),
  [`${name}-year`]: String(date.year),
});
const today = () => londonDate(new Date());
const days = (from: number, to: number) => ({
  ...dateBoxes('from', addDays(today(), from)),
  ...dateBoxes('to', addDays(today(), to)),
});

/** The error summary's messages, each with the field it links to. */
const errorSummary = (html: string): string[] =>
  [...html.matchAll(/<li>\s*<a href="#([^"]+)">([\s\S]*?)<\/a>\s*<\/li>/g)].map(
    ([, href, text]) => `${href}: ${decode(text ?? '').trim()}`,
  );

describe("the cover page's errors", () => {
  it('says what is wrong with each answer in its own words, in English and in Welsh', async () => {
    // Prepare: Owen and Sam have signed in, so the directory knows them; Megan has cover for days 10 to 12.
    const { client } = testApp();
    for (const person of ['owen', 'sam'] as const) {
      const someone = client();
      await someone.signInAs(person);
      await someone.get('/');
    }
    const megan = client();
    await megan.signInAs('megan');
    await megan.get('/cover');
    expect((await megan.post('/cover', { coverBy: 'owen', ...days(10, 12) })).statusCode).toBe(303);
    const attempts: Record<string, string>[] = [
      { coverBy: '', reason: '' },
      {
        coverBy: 'megan',
        ...dateBoxes('from', { ...today(), day: 31, month: 2 }),
        ...dateBoxes('to', today()),
      },
      { coverBy: 'sam', ...days(-1, 2) },
      { coverBy: 'owen', ...days(3, 1), reason: 'x'.repeat(501) },
      { coverBy: 'owen', ...days(0, 90) },
      { coverBy: 'owen', ...days(11, 11), reason: 'Jo is in hospital: ring 07700 900123' },
    ];

    // Act
    const answers: Record<'en' | 'cy', { status: number; errors: string[] }[]> = { en: [], cy: [] };
    for (const lang of ['en', 'cy'] as const) {
      megan.setLang(lang);
      for (const attempt of attempts) {
        await megan.get('/cover');
        const page = await megan.post('/cover', attempt);
        answers[lang].push({ status: page.statusCode, errors: errorSummary(page.body) });
      }
    }

    // Assess
    const day = (offset: number) => formatIsoDate(addDays(today(), offset));
    const [held0, held1, lastAllowed] = [day(10), day(12), day(89)];
    const expected = (t: typeof en) => {
      const fmt = formatter(t);
      return [
        [
          `coverBy: ${t.cover.errors.coverByMissing}`,
          `from-day: ${t.cover.errors.fromMissing}`,
          `to-day: ${t.cover.errors.toMissing}`,
        ],
        [`coverBy: ${t.cover.errors.coverBySelf}`, `from-day: ${t.cover.errors.fromInvalid}`],
        [`coverBy: ${t.cover.errors.coverByNotManager('Sam Patel')}`, `from-day: ${t.cover.errors.fromPast}`],
        [`to-day: ${t.cover.errors.toBeforeFrom}`, `reason: ${t.cover.errors.reasonTooLong}`],
        [`to-day: ${t.cover.errors.tooLong(fmt.date(lastAllowed))}`],
        [
          `from-day: ${t.cover.errors.overlap(fmt.date(held0), fmt.date(held1))}`,
          `reason: ${t.personalDetails.error(t.personalDetails.fields.reason, t.personalDetails.kinds.phone)}`,
        ],
      ];
    };
    expect(answers.en.map((a) => a.status)).toEqual(attempts.map(() => 400));
    expect(answers.cy.map((a) => a.status)).toEqual(attempts.map(() => 400));
    expect(answers.en.map((a) => a.errors)).toEqual(expected(en));
    expect(answers.cy.map((a) => a.errors)).toEqual(expected(cy));
    // Each Welsh message is its own, none is English, and the wording is the catalogue's.
    const welsh = answers.cy.flatMap((a) => a.errors);
    expect(new Set(welsh).size).toBe(welsh.length);
    expect(welsh.filter((line) => answers.en.flatMap((a) => a.errors).includes(line))).toEqual([]);
    expect(welsh).toContain('coverBy: Dewiswch y rheolwr a fydd yn cyflenwi');
    expect(welsh).toContain(
      'reason: Tynnwch y rhif ffôn o "Rheswm": disgrifiwch bobl, peidiwch â’u hadnabod',
    );
    expect(answers.en.flatMap((a) => a.errors)).toContain(
      'to-day: The last day of cover must be the same as or after the first day',
    );
  });

  it("labels the date boxes and counts the reason's characters in the page's language", async () => {
    // Prepare
    const { client } = testApp();
    const megan = client();
    await megan.signInAs('megan');

    // Act
    const labels: Record<'en' | 'cy', string[]> = { en: [], cy: [] };
    const counts: Record<'en' | 'cy', string> = { en: '', cy: '' };
    for (const lang of ['en', 'cy'] as const) {
      megan.setLang(lang);
      const page = await megan.get('/cover');
      counts[lang] = textOf(page.body, /<div id="reason-info"[^>]*>([\s\S]*?)<\/div>/);
      labels[lang] = [
        ...page.body.matchAll(/<label[^>]*for="(?:from|to)-\w+"[^>]*>([\s\S]*?)<\/label>/g),
      ].map(([, text]) => decode(text ?? '').trim());
    }

    // Assess
    const boxes = (t: typeof en) => [t.dateInput.day, t.dateInput.month, t.dateInput.year];
    expect(labels.en).toEqual([...boxes(en), ...boxes(en)]);
    expect(labels.cy).toEqual([...boxes(cy), ...boxes(cy)]);
    expect(counts).toEqual({
      en: 'You can enter up to 500 characters',
      cy: 'Gallwch ddefnyddio hyd at 500 nod',
    });
  });

  it('keeps a reason that may hold a postcode, and says so once, as a cycle does', async () => {
    // Prepare
    const { client } = testApp();
    const owen = client();
    await owen.signInAs('owen');
    await owen.get('/');
    const megan = client();
    await megan.signInAs('megan');
    await megan.get('/cover');

    // Act
    const set = await megan.post('/cover', {
      coverBy: 'owen',
      ...days(30, 31),
      reason: 'Working from the NP25 3XX office',
    });
    const after = await megan.get('/cover');
    const again = await megan.get('/cover');

    // Assess
    expect(set.statusCode).toBe(303);
    const banner = textOf(
      after.body,
      /<div class="govuk-notification-banner[^"]*"[^>]*>([\s\S]*?)<\/div>\s*<\/div>/,
    );
    expect(banner).toContain('Owen Price will cover for Early help.');
    expect(banner).toContain(
      '"Reason" may hold a postcode. Check it does not say who a family is or where they live.',
    );
    expect(again.body).not.toContain('may hold a postcode');
  });
});
