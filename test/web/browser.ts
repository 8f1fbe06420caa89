/**
 * Real Chromium against the real local system: launch options, an axe check with GOV.UK Frontend's
 * own tag set, full-page screenshots for the README, and keyboard-only helpers.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/local-system.ts';

/** Debian's chromium, as .ci/run installs it; CHROMIUM_PATH points elsewhere on other machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchChromium = (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: run "apt-get install chromium" (as .ci/run does) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
};

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Axe violations as short readable lines, so a failing test says what and where. */
export const axeViolations = async (page: Page): Promise<string[]> => {
  // Only violations are reported: collecting passes and incompletes would triple the time per page.
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
};

/** WCAG 1.4.10 (reflow): content fits 320 CSS px without scrolling sideways (1280 px at 400% zoom). */
export const REFLOW_WIDTH = 320;

/**
 * The page's own width at 320 CSS px: `document.documentElement.scrollWidth` with every `<details>`
 * open (the dashboard's "Show the numbers as a table" tables are inside one), then the details and the
 * viewport put back as they were, so the test goes on with the page it had.
 */
export const widthAtReflow = async (page: Page): Promise<number> => {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: REFLOW_WIDTH, height: 640 });
  const width = await page.evaluate(() => {
    const closed = Array.from(document.querySelectorAll('details')).filter((d) => !d.open);
    for (const details of closed) details.open = true;
    const scrollWidth = document.documentElement.scrollWidth;
    for (const details of closed) details.open = false;
    return scrollWidth;
  });
  if (viewport) await page.setViewportSize(viewport);
  return width;
};

/** Axe and reflow at 320 CSS px on the page as it is now, each failure naming the page. */
export const expectAccessible = async (page: Page): Promise<void> => {
  expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
  expect(await widthAtReflow(page), `width at 320 CSS px of ${page.url()}`).toBeLessThanOrEqual(REFLOW_WIDTH);
};

/**
 * The README's pictures are refreshed only when asked (`npm run screenshots`); an ordinary test run
 * still takes every screenshot, into a temporary folder, so a broken page cannot hide, and leaves the
 * working tree as it was.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
  : join(tmpdir(), 'fail-forward-screenshots');

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
};

/** Presses Tab until the element matching `selector` has focus: how a keyboard user gets there. */
export const tabTo = async (page: Page, selector: string, maxPresses = 150): Promise<void> => {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
};

/** Tabs to a text field and types into it. */
export const typeInto = async (page: Page, selector: string, text: string): Promise<void> => {
  await tabTo(page, selector);
  await page.keyboard.type(text);
};

/** Tabs into a radio group (or onto a checkbox) and selects it with Space. */
export const choose = async (page: Page, selector: string): Promise<void> => {
  await tabTo(page, selector);
  await page.keyboard.press('Space');
};

/**
 * The real local system and Chromium for one test file: both started before its first test and stopped
 * after its last. `newPage` opens a page in a fresh browser context (its own cookies), so each person
 * in a test has a browser of their own.
 */
export const useBrowserSystem = () => {
  let system: TestSystem | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The local runtime mounts the pages and sets demo sign-in itself, exactly as under `npm start`.
    [system, browser] = await Promise.all([startTestSystem(), launchChromium()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await system?.cleanup();
  });

  const started = () => {
    if (!system || !browser) throw new Error('The system and the browser start before the first test');
    return { system, browser };
  };

  return {
    /** The address of the local system's pages. */
    url: (path: string) => `${started().system.url}${path}`,
    /** A page in a fresh context; `javaScriptEnabled: false` for the pages as they work without scripts. */
    async newPage(opts: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
      const context = await started().browser.newContext({ viewport: { width: 1024, height: 800 }, ...opts });
      contexts.push(context);
      return context.newPage();
    },
    /** Signs in as a demo user through the sign-in page, as a person does. */
    async signIn(page: Page, user: string, returnTo = '/') {
      await page.goto(`${started().system.url}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      await page.locator(`input[name="user"][value="${user}"]`).check();
      await page.getByRole('button', { name: /sign in|mewngofnodi/i }).click();
    },
  };
};
