/**
 * The leaders' "People signed in" page in real Chromium against the real local system: a leader ends a
 * manager's sessions from the list, through the confirmation, and the manager's browser is signed out;
 * axe on the list, the confirmation, the error state and the Welsh page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, screenshot, useBrowserSystem } from './browser.ts';

const web = useBrowserSystem();
const { newPage } = web;

/** Signs in and waits for the page signing in leads to. */
const signIn = async (page: Page, user: string, returnTo: string) => {
  await web.signIn(page, user, returnTo);
  await page.waitForURL((url) => url.pathname === returnTo);
};

describe('people signed in, in Chromium', { timeout: 180_000 }, () => {
  it('lets a leader end a manager’s sessions after a confirmation, signing the manager out', async () => {
    // Prepare
    const megan = await newPage();
    await signIn(megan, 'megan', '/queue');
    const carys = await newPage();
    await signIn(carys, 'carys', '/people');
    expect(await axeViolations(carys), 'axe on the list').toEqual([]);
    await screenshot(carys, 'people-en');

    // Act
    await carys.getByRole('link', { name: 'End sessions of Megan Jones' }).click();
    await carys.waitForURL(/\/people\/end-sessions\?person=megan$/);
    const heading = await carys.locator('h1').textContent();
    const confirmViolations = await axeViolations(carys);
    await carys.getByRole('button', { name: 'End their sessions' }).click();
    await carys.waitForURL((url) => url.pathname === '/people');
    const banner = await carys.locator('.govuk-notification-banner').textContent();
    const listViolations = await axeViolations(carys);
    await megan.goto(web.url(`/queue`));

    // Assess
    expect(heading?.trim()).toBe('End every session of Megan Jones?');
    expect(confirmViolations, 'axe on the confirmation').toEqual([]);
    expect(banner).toContain('You ended 1 session of Megan Jones. They are signed out.');
    expect(listViolations, 'axe on the list with its banner').toEqual([]);
    expect(new URL(megan.url()).pathname).toBe('/sign-in');
    expect(await carys.getByRole('link', { name: 'End sessions of Megan Jones' }).count()).toBe(0);
  });

  it('shows an error for a user id that names nobody, and speaks Welsh, passing axe in both', async () => {
    // Prepare
    const carys = await newPage();
    await signIn(carys, 'carys', '/people');

    // Act
    await carys.fill('#person', 'not an id!');
    await carys.getByRole('button', { name: 'Continue' }).click();
    await carys.waitForSelector('.govuk-error-summary');
    const errorViolations = await axeViolations(carys);
    await carys.goto(web.url(`/people?lang=cy`));
    const welsh = await carys.locator('h1').textContent();
    const welshViolations = await axeViolations(carys);
    await screenshot(carys, 'people-cy');

    // Assess
    expect(errorViolations, 'axe on the error state').toEqual([]);
    expect(welsh?.trim()).toBe('Pobl sydd wedi mewngofnodi');
    expect(welshViolations, 'axe in Welsh').toEqual([]);
  });
});
