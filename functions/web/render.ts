/**
 * Renders the pages from compiled Nunjucks templates with Nunjucks' runtime alone: its template
 * compiler (lexer, parser, compiler) is never loaded by the deployed function. Where the compiled
 * templates come from is injected: compiled into the package at build time (handler.ts,
 * `precompiledTemplates`), or compiled from the .njk files on first use on one machine and in tests
 * (compile-views.ts). Both are the same compiler with the same options, and render the same way here.
 */
import { readFileSync } from 'node:fs';
import { posix, resolve, sep } from 'node:path';
import nunjucks from 'nunjucks/browser/nunjucks-slim.js';

/**
 * One set of options for compiling and rendering. Autoescaping is on: text from people (titles,
 * reasons) can never become markup. Trimming is applied when compiling; escaping when rendering.
 */
export const NUNJUCKS_OPTIONS = {
  autoescape: true,
  throwOnUndefined: false,
  trimBlocks: true,
  lstripBlocks: true,
} as const;

/**
 * A template's compiled code by its name ("start/view.njk", "layout.njk", "govuk/components/…"):
 * the body of a function that returns the template's blocks and root, as Nunjucks' compiler writes
 * it. Undefined when there is no such template.
 */
export type TemplateSource = (name: string) => string | undefined;

/** The folder of the web package that holds the compiled templates, as `<name>.js`. */
export const PRECOMPILED_DIR = 'templates';

/** The compiled templates of a package, read as each is first asked for. */
export const precompiledTemplates =
  (dir: string): TemplateSource =>
  (name) => {
    const file = resolve(dir, `${name}.js`);
    if (!file.startsWith(resolve(dir) + sep)) return undefined;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };

export type RenderView = (view: string, context: object) => string;

/** One Nunjucks environment over `source`; each template is loaded once and kept. */
export const templateRenderer = (source: TemplateSource): RenderView => {
  const loader: nunjucks.ILoader & Record<'isRelative' | 'resolve', unknown> = {
    // GOV.UK Frontend's templates import each other by relative names ("../../macros/attributes.njk").
    isRelative: (name: string) => name.startsWith('./') || name.startsWith('../'),
    resolve: (from: string, to: string) => posix.join(posix.dirname(from), to),
    getSource(name) {
      const code = source(name);
      // Nunjucks' own loaders answer null for a name they do not have.
      if (code === undefined) return null as unknown as nunjucks.LoaderSource;
      // The same step Nunjucks takes after compiling a template itself (its Template#_compile).
      const template = new Function(code)() as unknown as string;
      return {
        src: { type: 'code', obj: template },
        path: name,
        noCache: false,
      } as unknown as nunjucks.LoaderSource;
    },
  };
  const env = new nunjucks.Environment(loader, NUNJUCKS_OPTIONS);
  return (view, context) => env.render(view, context);
};
