/**
 * "Cover while you're away" in real Chromium against the real local system: a manager chooses another
 * manager from the directory, sets cover with the GOV.UK date inputs, sees it listed, and ends it early
 * through a confirmation; a mistake is shown in an error summary; axe on every state, English and Welsh.
 * And the innovation allowance: what is left beside the form's cost question, drawn and left on the dashboard.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { financialYear } from '#shared/domain/allowance.ts';
import { POLICY_V1 } from '#shared/domain/card.ts';
import { addDays, londonDate } from '#shared/domain/uk-time.ts';
import { client, insideCard, outsideCard, USERS } from '../support/api.ts';
import { axeViolations, screenshot, useBrowserSystem } from './browser.ts';

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
    await screenshot(megan, 'cover-en');
    // While cover runs, Owen has early help's escalated idea in his queue, tagged, with the decision form.
    const api = client(web.url(''));
    const idea = String((await api.submit(USERS.sam, outsideCard())).body.id);
    await api.eventually(
      async () => (await api.get(USERS.sam, idea)).body.status,
      (status) => status === 'escalated',
    );
    await owen.goto(web.url('/queue'));
    const queue = await owen.locator('[data-testid="queue"]').textContent();
    const queueViolations = await axeViolations(owen);
    await owen.goto(web.url(`/queue/${idea}`));
    const decisionForms = await owen.locator('form[action$="/decision"]').count();
    await owen.goto(web.url(`/experiments/${idea}`));
    const decideLinks = await owen.locator(`a[href="/queue/${idea}"]`).count();
    await megan.getByRole('link', { name: /End early/ }).click();
    await megan.waitForURL(/\/cover\/[0-9a-f-]+\/end$/);
    const heading = await megan.locator('h1').textContent();
    const confirmViolations = await axeViolations(megan);
    await megan.getByRole('button', { name: 'End cover now' }).click();
    await megan.waitForURL((url) => url.pathname === '/cover');
    const after = await megan.locator('main').textContent();

    // Assess
    expect(emptyViolations, 'axe on the empty page').toEqual([]);
    expect(summary).toContain('The last day of cover must be the same as or after the first day');
    expect(errorViolations, 'axe on the error state').toEqual([]);
    expect(listed).toContain('Owen Price');
    expect(listViolations, 'axe on the list').toEqual([]);
    expect(queue).toContain('Cover for');
    expect(queueViolations, 'axe on the queue with a cover tag').toEqual([]);
    expect(decisionForms).toBe(1);
    expect(decideLinks, 'the experiment page invites the cover manager to decide').toBe(1);
    expect(heading?.trim()).toMatch(/^End cover by Owen Price for .+ now\?$/);
    expect(confirmViolations, 'axe on the confirmation').toEqual([]);
    expect(after).toContain('There is no cover set.');
  });

  it('speaks Welsh, with a message of its own for each mistake, and passes axe', async () => {
    const megan = await newPage();
    await signIn(megan, 'megan', '/cover');
    await megan.goto(web.url('/cover?lang=cy'));
    const heading = await megan.locator('h1').textContent();
    const pageViolations = await axeViolations(megan);
    await screenshot(megan, 'cover-cy');
    const count = await megan.locator('.govuk-character-count__status').textContent();
    await megan.getByRole('button', { name: 'Gosod cyflenwi' }).click();
    await megan.waitForSelector('.govuk-error-summary');
    const summary = await megan.locator('.govuk-error-summary').textContent();
    const fieldError = await megan.locator('#coverBy-error').textContent();
    const errorViolations = await axeViolations(megan);

    expect(heading?.trim()).toBe('Cyflenwi tra byddwch i ffwrdd');
    expect(count?.trim()).toBe('Mae gennych 500 nod ar ôl');
    expect(pageViolations, 'axe in Welsh').toEqual([]);
    expect(summary).toContain('Dewiswch y rheolwr a fydd yn cyflenwi');
    expect(summary).toContain('Rhowch ddiwrnod cyntaf y cyflenwi');
    expect(summary).toContain('Rhowch ddiwrnod olaf y cyflenwi');
    expect(fieldError).toContain('Dewiswch y rheolwr a fydd yn cyflenwi');
    expect(errorViolations, 'axe on the Welsh error state').toEqual([]);
  });
});

describe('the innovation allowance, in Chromium', { timeout: 180_000 }, () => {
  it("shows the team's allowance left on the form and drawn and left on the dashboard, with axe", async () => {
    // Prepare: a policy with an allowance for early help, and one idea of £250 the card authorises.
    const api = client(web.url(''));
    const published = await api.call('POST', '/api/policy', {
      as: USERS.carys,
      body: {
        thresholds: POLICY_V1.thresholds,
        decisionDeadlineDays: 5,
        reason: 'Give early help an innovation allowance.',
        allowance: { 'early-help': 5000 },
      },
    });
    expect(published.status).toBe(201);
    const idea = await api.submit(USERS.sam, insideCard({ extraCost: 250 }));
    await api.eventually(
      async () => (await api.get(USERS.sam, String(idea.body.id))).body.status,
      (status) => status !== 'assessing',
    );
    const year = financialYear(new Date()).label;

    // Act
    const sam = await newPage();
    await signIn(sam, 'sam', '/ideas/new/card');
    const hint = await sam.locator('#card-extraCost-hint').textContent();
    const formViolations = await axeViolations(sam);
    await sam.goto(web.url('/ideas/new/card?lang=cy'));
    const welshHint = await sam.locator('#card-extraCost-hint').textContent();
    const carys = await newPage();
    await signIn(carys, 'carys', '/dashboard');
    const dashboard = await carys.locator('[data-testid="allowance"]').textContent();
    await carys.locator('[data-testid="allowance"] .govuk-details__summary').click();
    const table = await carys.locator('[data-testid="allowance"] table').textContent();
    const dashboardViolations = await axeViolations(carys);
    await carys.goto(web.url('/dashboard?lang=cy'));
    const welshDashboard = await carys.locator('[data-testid="allowance"]').textContent();
    const welshViolations = await axeViolations(carys);

    // Assess
    expect(hint).toContain(`Your team has £4,750 left of its £5,000 innovation allowance for ${year}.`);
    expect(formViolations, 'axe on the form').toEqual([]);
    expect(welshHint).toContain(
      `Mae gan eich tîm £4,750 ar ôl o'i lwfans arloesi o £5,000 ar gyfer ${year}.`,
    );
    expect(dashboard).toContain(`Innovation allowance, ${year}`);
    expect(table?.replace(/\s+/g, ' ')).toContain('£5,000 £250 £4,750');
    expect(dashboardViolations, 'axe on the dashboard').toEqual([]);
    expect(welshDashboard).toContain(`Lwfans arloesi, ${year}`);
    expect(welshViolations, 'axe on the Welsh dashboard').toEqual([]);
  });
});
