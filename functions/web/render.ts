import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';

const here = dirname(fileURLToPath(import.meta.url));

/** `node_modules/govuk-frontend/dist`, found the way Node finds the package, so hoisting does not matter. */
export const govukDist = (): string =>
  join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

export const SCREENS_DIR = join(here, 'screens');
export const VIEWS_DIR = join(here, 'views');

const environments = new Map<string, nunjucks.Environment>();

/**
 * One Nunjucks environment per process (and per set of extra folders). Screens are found as
 * "<screen>/view.njk", the layout and shared partials by name, a sign-in adapter's own views in its
 * `views` folder, and GOV.UK Frontend as "govuk/components/…". Autoescaping is on: text from people
 * (titles, reasons) can never become markup.
 */
export const templates = (extraDirs: readonly string[] = []): nunjucks.Environment => {
  const key = extraDirs.join('\0');
  let env = environments.get(key);
  if (!env) {
    env = new nunjucks.Environment(
      new nunjucks.FileSystemLoader([SCREENS_DIR, VIEWS_DIR, ...extraDirs, govukDist()]),
      { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
    );
    environments.set(key, env);
  }
  return env;
};

export const renderView = (view: string, context: object, extraDirs: readonly string[] = []): string =>
  templates(extraDirs).render(view, context);
