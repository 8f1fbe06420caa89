/**
 * Where the pages' Nunjucks templates are, as .njk files: the screens' views, the layout and shared
 * partials, and GOV.UK Frontend's components. Only compiling reads them (compile-views.ts); the pages
 * render compiled templates (render.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** `node_modules/govuk-frontend/dist`, found the way Node finds the package, so hoisting does not matter. */
export const govukDist = (): string =>
  join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

export const SCREENS_DIR = join(here, 'screens');
export const VIEWS_DIR = join(here, 'views');

/**
 * The folders a template name is looked up in, first match wins: screens as "<screen>/view.njk", the
 * layout and partials by name, any `extra` folder (the demo sign-in's own view, on one machine), and
 * GOV.UK Frontend as "govuk/components/…".
 */
export const viewFolders = (extra: readonly string[] = []): string[] => [
  SCREENS_DIR,
  VIEWS_DIR,
  ...extra,
  govukDist(),
];
