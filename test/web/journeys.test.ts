/**
 * The web pages in real Chromium against the real local system (DynamoDB Local, the local Step
 * Functions service, the same handlers): the staff and manager journeys, axe on every page including
 * error states, and the README's screenshots in English and Welsh.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadDemoData } from '#infra/local/demo-data.ts';
import { CHOICE_FIELDS } from '#shared/domain/card.ts';
import { SAFE_ANSWERS } from '../support/fixtures.ts';
import { choose, expectAccessible, screenshot, tabTo, typeInto, useBrowserSystem } from './browser.ts';

const web = useBrowserSystem();
const { signIn } = web;

/**
 * Console errors and page errors from every page: a CSP refusal or a script error shows up here. The
 * error states this file visits on purpose (400, 403, 404) are the only "failed to load" lines allowed.
 */
const browserErrors: string[] = [];

const newPage = async (opts: { javaScriptEnabled?: boolean } = {}): Promise<Page> => {
  const page = await web.newPage(opts);
  page.on('console', (message) => {
    const expected = /^Failed to load resource: the server responded with a status of 40[034]/;
    if (message.type() === 'error' && !expected.test(message.text())) {
      browserErrors.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => browserErrors.push(`${page.url()}: ${error.message}`));
  return page;
};

/** Axe and reflow at 320 CSS px on the page as it is now, then a screenshot when the README shows it. */
const check = async (page: Page, shot?: string): Promise<void> => {
  await expectAccessible(page);
  if (shot) await screenshot(page, shot);
};

/** Every page is checked with axe in Welsh too: a translation can break a label, a name or `lang`. */
const shoot = (page: Page, shot: string): Promise<void> => check(page, shot);

/** A step's own "Continue" button, in any language. */
const CONTINUE = 'form[data-ff-step] button.govuk-button';

/**
 * Answers the steps of "Submit an idea" with the mouse and keyboard as most people do, from its first
 * step to "Check your answers"; `card` changes answers.
 */
const fillIdea = async (page: Page, title: string, card: Record<string, string> = {}) => {
  await page.fill('#title', title);
  await page.fill('#problem', 'Families referred on a Friday wait until Monday to hear from anyone.');
  await page.click(CONTINUE);
  await page.waitForURL(/\/ideas\/new\/test-plan$/);
  await page.fill('#hypothesis-weBelieve', 'a short evening call the day a referral arrives helps');
  await page.fill('#hypothesis-toTestIt', 'call the next ten families referred after 3pm');
  await page.fill('#hypothesis-measure', 'how many take up the first appointment');
  await page.fill('#hypothesis-rightIf', 'seven of ten take it up');
  await page.click(CONTINUE);
  await page.waitForURL(/\/ideas\/new\/card$/);
  const answers: Record<string, string> = { ...SAFE_ANSWERS, ...card };
  for (const field of CHOICE_FIELDS) {
    await page.locator(`input[name="card.${field}"][value="${answers[field]}"]`).check();
  }
  await page.fill('#card-extraCost', card.extraCost ?? '0');
  await page.fill('#card-peopleInvolved', card.peopleInvolved ?? '10');
  await page.fill('#card-durationWeeks', card.durationWeeks ?? '4');
  await page.fill('#card-staffHours', card.staffHours ?? '12');
  await page.check('#card-commitToShare');
  await page.click(CONTINUE);
  await page.waitForURL(/\/ideas\/new\/check$/);
};

// Axe takes a second or two per page on a busy two-core machine, hence the generous timeout.
describe('the web pages in Chromium', { timeout: 180_000 }, () => {
  it('lets staff submit an idea inside the card and record two tests, with the keyboard alone', async () => {
    // Prepare
    const page = await newPage();
    await page.goto(web.url(`/`));
    await check(page, 'start-en');
    await tabTo(page, 'a.govuk-button--start');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in/);
    await check(page, 'sign-in-en');
    await choose(page, 'input[name="user"][value="sam"]');
    await tabTo(page, 'button.govuk-button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ideas\/new$/);
    await check(page, 'submit-en');

    // Act: first an empty step, to see the error state, then every step by keyboard
    await tabTo(page, CONTINUE);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-error-summary');
    await check(page, 'submit-errors-en');
    const errors = (await page.locator('.govuk-error-summary__list li').allTextContents()).map((e) =>
      e.trim(),
    );
    await typeInto(page, '#title', 'Evening calls to new referrals');
    await typeInto(page, '#problem', 'Families referred on a Friday wait until Monday to hear from anyone.');
    await tabTo(page, CONTINUE);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ideas\/new\/test-plan$/);
    await check(page, 'submit-plan-en');
    await typeInto(page, '#hypothesis-weBelieve', 'a short evening call the day a referral arrives helps');
    await typeInto(page, '#hypothesis-toTestIt', 'call the next ten families referred after 3pm');
    await typeInto(page, '#hypothesis-measure', 'how many take up the first appointment');
    await typeInto(page, '#hypothesis-rightIf', 'seven of ten take it up');
    await tabTo(page, CONTINUE);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ideas\/new\/card$/);
    for (const field of ['safeguarding', 'lawful', 'personalData', 'consent', 'reversible', 'frontPage']) {
      // Every answer inside the card is the first option of its question.
      await choose(page, `#card-${field}`);
    }
    await typeInto(page, '#card-extraCost', '0');
    await typeInto(page, '#card-peopleInvolved', '10');
    await typeInto(page, '#card-durationWeeks', '4');
    await typeInto(page, '#card-staffHours', '12');
    await choose(page, '#card-commitToShare');
    const preview = await page.locator('[data-ff-preview-summary]').textContent();
    await check(page, 'submit-card-en');
    await tabTo(page, CONTINUE);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="check-inside"]');
    await check(page, 'check-answers-en');
    const beforeSubmit = await page.locator('[data-testid="check-inside"]').textContent();
    await tabTo(page, 'button.govuk-button[data-prevent-double-click]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/submitted$/);
    await check(page, 'go-ahead-en');
    const panel = await page.locator('.govuk-panel').textContent();

    // Act: two tests, the first changed and tried again, the second adopted
    await tabTo(page, 'main a.govuk-link[href^="/experiments/"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/experiments\/[^/]+$/);
    await tabTo(page, 'a.govuk-button[href$="/cycles/new"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cycles\/new$/);
    await check(page, 'record-test-en');
    await tabTo(page, 'form button.govuk-button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-error-summary');
    await check(page);
    await tabTo(page, '#result');
    await page.keyboard.press('ArrowDown');
    await typeInto(page, '#observed', 'Only four of ten families picked up in the evening.');
    await typeInto(page, '#learned', 'Early evening works better than late evening.');
    await choose(page, '#incident');
    await choose(page, '#next');
    await tabTo(page, 'form button.govuk-button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-notification-banner--success');
    const firstTest = await page.locator('.govuk-notification-banner').textContent();
    await tabTo(page, 'a.govuk-button[href$="/cycles/new"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cycles\/new$/);
    await choose(page, '#result');
    await typeInto(page, '#observed', 'Eight of ten families took up the first appointment.');
    await typeInto(page, '#learned', 'A call at 5pm is the right time.');
    await choose(page, '#incident');
    await tabTo(page, '#next');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'form button.govuk-button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-notification-banner--success');
    await check(page, 'experiment-adopted-en');

    // Assess
    expect(errors).toEqual(['Enter a title for your idea', 'Enter what is wrong today']);
    expect(preview).toBe("So far every answer is within the card's limits.");
    expect(beforeSubmit).not.toContain('You can go ahead');
    expect(panel).toContain('You can go ahead');
    expect(panel).toMatch(/This covers your test, as you described it, until \d{1,2} \w+ \d{4}\./);
    expect(firstTest).toContain('Test 1 is recorded.');
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      "Your team's managers have been told that you recommend making it normal practice.",
    );
    await expect(page.locator('[data-testid="status"]').textContent()).resolves.toContain('Recommended');
    expect(browserErrors).toEqual([]);
  });

  it('sends an idea outside the card to a manager of the team, who approves it, and the staff member sees it', async () => {
    // Prepare
    const staff = await newPage();
    await signIn(staff, 'sam', '/ideas/new');
    await fillIdea(staff, 'Parent-to-parent buddy scheme', { extraCost: '900', peopleInvolved: '40' });
    await staff.waitForSelector('[data-testid="check-outside"]');
    await staff.getByRole('button', { name: 'Submit your idea' }).click();
    await staff.waitForURL(/\/submitted$/);
    await check(staff, 'needs-manager-en');
    const reasons = await staff.locator('[data-testid="reasons"] li').allTextContents();
    const wait = await staff.locator('[data-testid="wait-for-manager"]').textContent();
    const safeguardingNow = await staff.locator('[data-testid="safeguarding-now"]').textContent();
    const experimentUrl = staff.url().replace(/\/submitted$/, '');
    const otherTeam = await newPage();
    await signIn(otherTeam, 'owen', '/queue');

    // Act
    const manager = await newPage();
    await signIn(manager, 'megan', '/queue');
    await manager.waitForSelector('[data-testid="queue"]');
    await check(manager, 'queue-en');
    const recommended = await manager.locator('[data-testid="recommended"]').getAttribute('href');
    await manager.getByRole('link', { name: 'Parent-to-parent buddy scheme' }).click();
    await check(manager, 'case-en');
    await manager.getByRole('button', { name: 'Send decision' }).click();
    await manager.waitForSelector('.govuk-error-summary');
    await check(manager);
    await manager.getByRole('radio', { name: 'Approve' }).check();
    await manager
      .getByLabel('Conditions, if you approve (optional)')
      .fill('Review it with me after two weeks');
    await manager.getByRole('button', { name: 'Send decision' }).click();
    await manager.waitForURL(/\/queue$/);
    const flash = await manager.locator('.govuk-notification-banner').textContent();
    await check(manager);
    await staff.goto(experimentUrl);
    await check(staff, 'experiment-en');
    await staff.goto(web.url(`/experiments`));
    await check(staff, 'experiments-en');

    // Assess
    expect(reasons).toEqual([
      "Extra money: £900 in total, above the card's limit of £500",
      "People or families taking part: 40 people or families, above the card's limit of 10 people or families",
    ]);
    expect(wait).toContain('Do not start your test until a manager approves it.');
    expect(safeguardingNow).toContain(
      'If someone may be at risk now, follow your safeguarding procedures straight away.',
    );
    expect(await otherTeam.locator('[data-testid="queue-empty"]').count()).toBe(1);
    expect(recommended).toBe('/library?team=early-help&status=adopted');
    expect(flash).toContain('You approved "Parent-to-parent buddy scheme".');
    await expect(staff.locator('[data-testid="experiments"]').textContent()).resolves.toContain(
      'Can go ahead',
    );
    await staff.goto(experimentUrl);
    await expect(staff.locator('[data-testid="status"]').textContent()).resolves.toContain('Can go ahead');
    await expect(staff.locator('[data-testid="history"]').textContent()).resolves.toContain(
      'Review it with me after two weeks',
    );
    expect(browserErrors).toEqual([]);
  });

  it('speaks Welsh when asked, marks the draft translation, and passes axe on every Welsh page', async () => {
    // Prepare
    const page = await newPage();
    await page.goto(web.url(`/?lang=cy`));
    await check(page, 'start-cy');
    await page.goto(web.url(`/sign-in?returnTo=%2Fideas%2Fnew`));
    await shoot(page, 'sign-in-cy');

    // Act: one idea inside the card, then one outside it
    await signIn(page, 'sam', '/ideas/new');
    await check(page, 'submit-cy');
    const lang = await page.getAttribute('html', 'lang');
    const draft = await page.locator('[data-testid="draft-translation"]').textContent();
    await page.getByRole('button', { name: 'Parhau' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await check(page, 'submit-errors-cy');
    await fillIdea(page, 'Galwadau byr gyda’r nos');
    await page.getByRole('button', { name: "Cyflwyno'ch syniad" }).click();
    await page.waitForURL(/\/submitted$/);
    await shoot(page, 'go-ahead-cy');
    const panel = await page.locator('.govuk-panel__title').textContent();
    await page.goto(`${page.url().replace(/\/submitted$/, '')}/cycles/new`);
    await shoot(page, 'record-test-cy');
    await page.getByRole('button', { name: "Cadw'r prawf hwn" }).click();
    await page.waitForSelector('.govuk-error-summary');
    await check(page);
    await page.goto(web.url(`/ideas/new`));
    await fillIdea(page, 'Galwadau gyda’r nos', { safeguarding: 'unsure' });
    await check(page, 'check-answers-cy');
    await page.getByRole('button', { name: "Cyflwyno'ch syniad" }).click();
    await page.waitForURL(/\/submitted$/);
    await shoot(page, 'needs-manager-cy');
    await page.goto(page.url().replace(/\/submitted$/, ''));
    await shoot(page, 'experiment-cy');
    await page.goto(web.url(`/experiments`));
    await shoot(page, 'experiments-cy');
    const manager = await newPage();
    await manager.goto(web.url(`/?lang=cy`));
    await signIn(manager, 'megan', '/queue');
    await shoot(manager, 'queue-cy');
    await manager.locator('[data-testid="queue"] a').first().click();
    await check(manager, 'case-cy');

    // Assess
    expect(lang).toBe('cy');
    expect(draft).toContain('Cyfieithiad drafft');
    expect(panel?.trim()).toBe('Gallwch chi fwrw ymlaen');
    await expect(page.locator('h1').textContent()).resolves.toBe('Eich arbrofion');
    expect(browserErrors).toEqual([]);
  });

  it('takes an idea through its steps without JavaScript, with Back and Change links that keep the answers, in English and Welsh', async () => {
    for (const lang of ['en', 'cy'] as const) {
      // Prepare
      const page = await newPage({ javaScriptEnabled: false });
      page.setDefaultTimeout(30_000);
      await page.goto(web.url(`/?lang=${lang}`));
      await signIn(page, 'sam', '/ideas/new');

      // Act
      // Axe needs scripts, so it runs on these same server-rendered pages in the journeys above.
      await fillIdea(page, `Steps without scripts (${lang})`, { extraCost: '900' });
      const outside = await page.locator('[data-testid="check-outside"]').textContent();
      await page.locator('a[href="/ideas/new/test-plan#hypothesis-measure"]').click();
      await page.waitForURL(/\/ideas\/new\/test-plan/);
      const kept = await page.inputValue('#hypothesis-measure');
      await page.locator('a.govuk-back-link').click();
      await page.waitForURL(/\/ideas\/new$/);
      const title = await page.inputValue('#title');
      await page.fill('#title', `Changed without scripts (${lang})`);
      await page.click(CONTINUE);
      await page.waitForURL(/\/ideas\/new\/check$/);
      const changed = await page.locator('main').textContent();
      await page.click('#submit');
      await page.waitForURL(/\/submitted$/);

      // Assess
      expect(outside).toContain(lang === 'en' ? 'Extra money: £900 in total' : '£900');
      expect(kept).toBe('how many take up the first appointment');
      expect(title).toBe(`Steps without scripts (${lang})`);
      expect(changed).toContain(`Changed without scripts (${lang})`);
      await expect(page.locator('[data-testid="wait-for-manager"]').count()).resolves.toBe(1);
    }
    expect(browserErrors).toEqual([]);
  });

  it('lets a leader see the dashboard, export the CSV, and preview and publish a new card', async () => {
    // Prepare
    const page = await newPage();
    await signIn(page, 'carys', '/dashboard');
    const statuses: number[] = [];

    // Act
    await check(page, 'dashboard-en');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the experiment log (CSV)' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    for (const lang of ['en', 'cy'] as const) {
      const look = lang === 'en' ? check : shoot;
      await page.goto(web.url(`/log?lang=${lang}`));
      await look(page, `log-${lang}`);
      const missing = await page.goto(web.url(`/no-such-page?lang=${lang}`));
      statuses.push(missing?.status() ?? 0);
      await look(page, `not-found-${lang}`);
    }
    await page.goto(web.url(`/dashboard?lang=cy`));
    await shoot(page, 'dashboard-cy');
    await page.goto(web.url(`/policy?lang=cy`));
    await shoot(page, 'policy-cy');
    await page.goto(web.url(`/policy?lang=en`));
    await check(page, 'policy-en');
    await page.fill('#thresholds-extraCost', '1000');
    await page.fill('#policyReason', 'Teams asked for room to buy small equipment.');
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    await page.waitForSelector('[data-testid="what-if"]');
    await check(page, 'policy-preview-en');
    const whatIf = await page.locator('[data-testid="what-if"]').textContent();
    await page.getByRole('button', { name: /^Publish version \d+$/ }).click();
    await page.waitForURL(/\/policy$/);
    await check(page);
    const published = await page.locator('.govuk-notification-banner').textContent();
    // The error states below share their layout with the 404 page: once, in English, is enough.
    await page.goto(web.url(`/log?from=2025-02-30`));
    await check(page);
    const forbidden = await page.goto(web.url(`/ideas/new`));
    statuses.push(forbidden?.status() ?? 0);
    await check(page);

    // Assess
    expect(download.suggestedFilename()).toMatch(/^fail-forward-experiment-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.split('\r\n')[0]).toContain('title');
    expect(whatIf).toMatch(
      /^Of the last \d+ ideas submitted, \d+ would be allowed by the card and \d+ would go to a manager\.$/,
    );
    expect(published).toMatch(/Version 2 of the card limits is published\./);
    expect(statuses).toEqual([404, 404, 403]);
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/at .+\.ts:\d+/);
    expect(browserErrors).toEqual([]);
  });
  // Last in this file: it loads `npm run demo`'s lessons, and the journeys above start from an empty system.
  it('lets anyone search the learning library, and shows ideas like yours before submitting with JavaScript off', async () => {
    // Prepare
    await loadDemoData(web.url(''));
    const page = await newPage();
    await signIn(page, 'rhys', '/library');
    await page.waitForURL(/\/library$/);

    // Act: a search, its entry, and the same search in Welsh
    await page.getByLabel('Search the library').fill('missed appointments');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForSelector('[data-testid="library-results"]');
    await check(page, 'library-en');
    const marks = await page.locator('[data-testid="library-results"] mark').allTextContents();
    const firstTitle = await page.locator('[data-testid="library-results"] h3 a').first().textContent();
    await page.locator('[data-testid="library-results"] h3 a').first().click();
    await page.waitForURL(/\/library\/[^/?]+$/);
    await check(page, 'library-entry-en');
    const entryTitle = await page.locator('h1').textContent();
    await page.goto(web.url('/library?lang=cy&q=apwyntiadau+missed&status=adopted'));
    await shoot(page, 'library-cy');
    await page.goto(web.url('/library?lang=en&q=x'.padEnd(240, 'x')));
    await check(page);

    // Act: "Ideas like yours" on check your answers, made on the server: the same with no JavaScript at
    // all (axe needs scripts, so it checks the page with them on, in English and Welsh)
    const noScript = await newPage({ javaScriptEnabled: false });
    await signIn(noScript, 'rhys', '/ideas/new');
    await noScript.waitForURL(/\/ideas\/new$/);
    await fillIdea(noScript, 'Texting parents before we call');
    await noScript.waitForSelector('[data-testid="ideas-like-yours"]');
    await screenshot(noScript, 'ideas-like-yours-en');
    const similar = await noScript.locator('[data-testid="ideas-like-yours"] li').allTextContents();
    // The draft is kept in the session: the Welsh check page shows the same answers in Welsh.
    await page.goto(web.url('/ideas/new?lang=en'));
    await fillIdea(page, 'Texting parents before we call');
    for (const lang of ['en', 'cy'] as const) {
      await page.goto(web.url(`/ideas/new/check?lang=${lang}`));
      await page.waitForSelector('[data-testid="ideas-like-yours"]');
      await check(page, lang === 'cy' ? 'ideas-like-yours-cy' : undefined);
    }

    // Act: beside a manager's decision
    const manager = await newPage();
    await signIn(manager, 'megan', '/queue');
    await manager.getByRole('link', { name: 'Writing case notes with the family in the room' }).click();
    await manager.waitForSelector('[data-testid="ideas-like-yours"]');
    await check(manager, 'case-like-this-en');
    const welshCase = new URL(manager.url());
    welshCase.searchParams.set('lang', 'cy');
    await manager.goto(welshCase.href);
    await manager.waitForSelector('[data-testid="ideas-like-yours"]');
    await shoot(manager, 'case-like-this-cy');

    // Assess
    expect(marks.map((word) => word.toLowerCase())).toEqual(
      expect.arrayContaining(['missed', 'appointment']),
    );
    expect(entryTitle).toBe(firstTitle);
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.length).toBeLessThanOrEqual(5);
    expect(similar.join(' ')).toContain('Evening calls to new referrals');
    expect(similar.join(' ')).toMatch(/Outcome: (Adopted|Stopped|Testing|Declined)/);
    // Rhys's own ideas are never "like yours" to him.
    expect(similar.join(' ')).not.toContain('Reparation in a community garden');
    expect(browserErrors).toEqual([]);
  });
});
