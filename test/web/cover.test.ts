/**
 * "Cover while you're away" in real Chromium against the real local system: a manager chooses another
 * manager from the directory, sets cover with the GOV.UK date inputs, sees it listed, and ends it early
 * through a confirmation; a mistake is shown in an error summary; axe on every state, English and Welsh.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, londonDate } from '#shared/domain/uk-time.ts';
import { axeViolations, useBrowserSystem } from './browser.ts';

const web = useBrowserSystem();
const { newPage } = web;

const signIn = async (page: Page, user: string, returnTo: string) => {
  await web.signIn(page, user, returnTo);
  await page.waitForURL((url) => url.pathname === returnTo);
};

const fillDate = async (page: Page, name: 'from' | 'to', offsetDays: number) => {
  const date = addDays(londonDate(new Date()), offsetDays);
  await page.fill(`#${name}-day`, String(date.day));
  await page.fill(`#${name}-month`, String(date.month));
  await page.fill(`#${name}-year`, String(date.year));
};

describe("cover while you're away, in Chromium", { timeout: 180_000 }, () => {
  it('lets a manager set cover by another manager, and end it early after a confirmation', async () => {
    // Prepare: Owen signs in once, so the directory knows him as a manager.
    const owen = await newPage();
    await signIn(owen, 'owen', '/queue');
    const megan = await newPage();
    await signIn(megan, 'megan', '/cover');
    const emptyViolations = await axeViolations(megan);

    // Act: a mistake first (the last day before the first), then the cover as meant.
    await megan.selectOption('#coverBy', 'owen');
    await fillDate(megan, 'from', 3);
    await fillDate(megan, 'to', 1);
    await megan.getByRole('button', { name: 'Set cover' }).click();
    await megan.waitForSelector('.govuk-error-summary');
    const summary = await megan.locator('.govuk-error-summary').textContent();
    const errorViolations = await axeViolations(megan);
    await fillDate(megan, 'from', 0);
    await fillDate(megan, 'to', 7);
    await megan.fill('#reason', 'Annual leave');
    await megan.getByRole('button', { name: 'Set cover' }).click();
    await megan.waitForSelector('[data-testid="cover"]');
    const listed = await megan.locator('[data-testid="cover"]').textContent();
    const listViolations = await axeViolations(megan);
    await megan.getByRole('link', { name: /End early/ }).click();
    await megan.waitForURL(/\/cover\/[0-9a-f-]+\/end$/);
    const heading = await megan.locator('h1').textContent();
    const confirmViolations = await axeViolations(megan);
    await megan.getByRole('button', { name: 'End cover now' }).click();
    await megan.waitForURL((url) => url.pathname === '/cover');
    const after = await megan.locator('main').textContent();

    // Assess
    expect(emptyViolations, 'axe on the empty page').toEqual([]);
    expect(summary).toContain('The end date must be the same as or after the start date');
    expect(errorViolations, 'axe on the error state').toEqual([]);
    expect(listed).toContain('Owen Price');
    expect(listViolations, 'axe on the list').toEqual([]);
    expect(heading?.trim()).toMatch(/^End cover by Owen Price for .+ now\?$/);
    expect(confirmViolations, 'axe on the confirmation').toEqual([]);
    expect(after).toContain('There is no cover set.');
  });

  it('speaks Welsh and passes axe', async () => {
    const megan = await newPage();
    await signIn(megan, 'megan', '/cover');
    await megan.goto(web.url('/cover?lang=cy'));
    const heading = await megan.locator('h1').textContent();
    expect(heading?.trim()).toBe('Cyflenwi tra byddwch i ffwrdd');
    expect(await axeViolations(megan), 'axe in Welsh').toEqual([]);
  });
});
