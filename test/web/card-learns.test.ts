/**
 * "The card learns" in real Chromium against the real local system: the incident question on "Record
 * what happened" (with JavaScript's reveal nowhere needed), the experiment page showing it, and on "The
 * card" page the teams' own limits and "What the decisions say"; axe on each, in English and Welsh.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { client, insideCard, USERS } from '../support/api.ts';
import { axeViolations, useBrowserSystem } from './browser.ts';

const web = useBrowserSystem();
const { newPage } = web;

const signIn = async (page: Page, user: string, returnTo: string) => {
  await web.signIn(page, user, returnTo);
  await page.waitForURL((url) => url.pathname === returnTo);
};

describe('the card learns, in Chromium', { timeout: 240_000 }, () => {
  it('asks whether anything went wrong, insists on the detail, and shows it on the experiment', async () => {
    // Prepare
    const api = client(web.url(''));
    const exp = (await api.submit(USERS.sam, insideCard())).body as { id: string; status: string };
    expect(exp.status).toBe('authorised');
    const sam = await newPage();
    await signIn(sam, 'sam', `/experiments/${exp.id}/cycles/new`);
    const formViolations = await axeViolations(sam);

    // Act
    await sam.getByLabel('It did not work').check();
    await sam.getByLabel('What did you see?').fill('Two families were not called back.');
    await sam.getByLabel('What did you learn?').fill('The rota needs a named back-up.');
    await sam.getByLabel('Yes, something minor went wrong').check();
    await sam.getByLabel('Change it and test again').check();
    await sam.getByRole('button', { name: 'Save this test' }).click();
    await sam.waitForSelector('.govuk-error-summary');
    const errors = await sam.locator('.govuk-error-summary').textContent();
    const errorViolations = await axeViolations(sam);
    await sam
      .getByLabel('What went wrong?')
      .fill('Two families waited a day for a call back; we apologised.');
    await sam.getByRole('button', { name: 'Save this test' }).click();
    await sam.waitForURL((url) => url.pathname === `/experiments/${exp.id}`);
    const shown = await sam.locator('main').textContent();
    const pageViolations = await axeViolations(sam);
    await sam.goto(web.url(`/experiments/${exp.id}/cycles/new?lang=cy`));
    const welshLegend = await sam.locator('legend', { hasText: 'A aeth unrhyw beth' }).textContent();
    const welshViolations = await axeViolations(sam);

    // Assess
    expect(formViolations, 'axe on the form').toEqual([]);
    expect(errors).toContain('Enter what went wrong');
    expect(errorViolations, 'axe on the error state').toEqual([]);
    expect(shown).toContain('Something minor');
    expect(shown).toContain('Two families waited a day for a call back; we apologised.');
    expect(pageViolations, 'axe on the experiment page').toEqual([]);
    expect(welshLegend?.trim()).toBe("A aeth unrhyw beth o'i le i unrhyw un a gymerodd ran?");
    expect(welshViolations, 'axe on the Welsh form').toEqual([]);
  });

  it("shows leaders the teams' own limits and what the decisions say, in English and Welsh", async () => {
    // Prepare
    const carys = await newPage();
    await signIn(carys, 'carys', '/policy');

    // Act
    await carys.getByText("Change the teams' own limits").click();
    await carys.locator('[name="teams.youth-justice.extraCost"]').fill('800');
    const englishViolations = await axeViolations(carys);
    const insights = await carys.locator('[data-testid="insights"]').textContent();
    await carys.goto(web.url('/policy?lang=cy'));
    await carys.getByText('Newid terfynau timau eu hunain').click();
    const welshHeading = await carys.locator('#insights').textContent();
    const welshViolations = await axeViolations(carys);

    // Assess
    expect(englishViolations, 'axe on the card page with the teams open').toEqual([]);
    expect(insights).toContain('What the decisions say');
    expect(insights).toContain('Teams and their record');
    expect(welshHeading?.trim()).toBe("Beth mae'r penderfyniadau'n ei ddweud");
    expect(welshViolations, 'axe on the Welsh card page').toEqual([]);
  });
});
