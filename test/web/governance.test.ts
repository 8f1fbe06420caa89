/**
 * The information governance pages and the statements in real Chromium against the real local system:
 * axe with GOV.UK's tags and reflow at 320 CSS px on every page, in English and Welsh, an erasure and a
 * redaction done with the keyboard alone, and the refusal everyone else gets.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { services } from '#shared/services/index.ts';
import { PEOPLE, sampleIdea, userOf } from '../support/fixtures.ts';
import { STATEMENT_HEADINGS } from '../support/web/client.ts';
import { expectAccessible, screenshot, tabTo, typeInto, useBrowserSystem } from './browser.ts';

const web = useBrowserSystem();

/** The pages the README shows, by path: the picture's name without its language. */
const README_SHOTS: Record<string, string> = { '/records?person=sam': 'records', '/audit': 'audit' };

/** An idea submitted by a demo user, straight through the service; its experiment page's path. */
const submitted = async (person: 'sam' | 'rhys'): Promise<string> => {
  const exp = await services().experiments.submit(userOf(PEOPLE[person]), randomUUID(), sampleIdea());
  return `/experiments/${exp.id}`;
};

// Axe takes a second or two per page on a busy two-core machine, hence the generous timeout.
describe('the information governance pages in Chromium', { timeout: 240_000 }, () => {
  it('pass axe and reflow at 320 px in English and Welsh: records, erasure, audit trail, its check, redaction', async () => {
    // Prepare
    const experiment = await submitted('sam');
    const page = await web.newPage();
    await web.signIn(page, 'gwen', '/records');
    const visited: string[] = [];

    // Act
    for (const lang of ['en', 'cy'] as const) {
      for (const path of [
        `/records?lang=${lang}`,
        '/records?person=%3C%3E',
        '/records?person=sam',
        '/records/erasure?person=sam',
        '/audit',
        '/audit?from-day=31&from-month=2&from-year=2026',
        '/audit/verify',
        experiment,
        `${experiment}/redact?field=problem`,
      ]) {
        const response = await page.goto(web.url(path));
        visited.push(`${lang} ${response?.status()} ${path}`);
        await expectAccessible(page);
        const shot = README_SHOTS[path];
        if (shot) await screenshot(page, `${shot}-${lang}`);
      }
      await page.goto(web.url('/records/erasure?person=sam'));
      await page.locator('form[action="/records/erasure"] button').click();
      await page.waitForSelector('.govuk-error-summary');
      await expectAccessible(page);
    }

    // Assess
    const statuses = ['200', '400', '200', '200', '200', '400', '200', '200', '200'];
    expect(visited.map((line) => line.split(' ')[1])).toEqual([...statuses, ...statuses]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('cy');
  });

  it('erases a person and removes a field with the keyboard alone', async () => {
    // Prepare
    const experiment = await submitted('rhys');
    const page = await web.newPage();
    await web.signIn(page, 'gwen', '/records');
    await page.waitForURL(/\/records$/);

    // Act: find rhys, erase them with a reason
    await typeInto(page, '#person', 'rhys');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/records\?person=rhys$/);
    await expectAccessible(page);
    await tabTo(page, 'a.govuk-button--warning');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/records\/erasure\?person=rhys$/);
    await typeInto(page, '#reason', 'Erasure request ER-2026-31');
    await tabTo(page, 'form[action="/records/erasure"] button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-panel--confirmation');
    await expectAccessible(page);
    const erased = await page.locator('main').textContent();
    // then remove the text of the experiment's problem
    await page.goto(web.url(experiment));
    await tabTo(page, `a[href="${experiment}/redact?field=problem"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/redact\?field=problem$/);
    await typeInto(page, '#reason', 'It held a phone number');
    await tabTo(page, 'form button.govuk-button--warning');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${experiment}$`));
    await expectAccessible(page);
    const after = await page.locator('main').textContent();

    // Assess
    expect(erased).toContain('Records erased');
    expect(erased).toContain('Their sessions have ended: they are signed out on every device.');
    expect(after).toContain('The text of What is wrong today? was removed.');
    expect(after).toContain('[Removed by information governance]');
    expect(after).toContain('Removed the text of “What is wrong today?”: It held a phone number');
  });

  it('shows the statements to anyone, in English and Welsh, from the footer of every page', async () => {
    // Prepare
    const page = await web.newPage();
    const headings: string[] = [];

    // Act
    for (const lang of ['en', 'cy'] as const) {
      await page.goto(web.url(`/?lang=${lang}`));
      for (const href of ['/privacy', '/accessibility', '/cookies']) {
        await page.locator(`footer a[href="${href}"]`).click();
        await page.waitForURL(new RegExp(`${href}$`));
        headings.push((await page.locator('h1').textContent())?.trim() ?? '');
        await expectAccessible(page);
      }
    }

    // Assess
    expect(headings).toEqual(STATEMENT_HEADINGS);
  });

  it('refuses every governance page to a member of staff, a manager and a leader', async () => {
    // Prepare
    const experiment = await submitted('sam');
    const refusals: string[] = [];

    // Act
    for (const person of ['sam', 'megan', 'carys']) {
      const page = await web.newPage();
      await web.signIn(page, person, '/');
      for (const path of [
        '/records',
        '/records?person=sam',
        '/records/download.json?person=sam',
        '/records/erasure?person=sam',
        '/audit',
        '/audit/export.csv',
        '/audit/verify',
        `${experiment}/redact?field=problem`,
      ]) {
        const response = await page.goto(web.url(path));
        refusals.push(`${response?.status()} ${(await page.locator('h1').textContent())?.trim()}`);
      }
    }

    // Assess
    expect(refusals).toEqual(Array(24).fill('403 You cannot see this page'));
  });
});
