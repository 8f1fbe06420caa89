/**
 * Compiles the pages' Nunjucks templates with Nunjucks' compiler and the options the pages render
 * with (render.ts). The web package's build compiles every template once (`precompileTemplates`, from
 * infra/constructs/function-bundles.ts); the one-machine runtime and the tests compile each template
 * from its .njk file on first use (`templatesFromSource`). The deployed function loads neither this
 * module nor the compiler.
 */
import { existsSync, globSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import nunjucks from 'nunjucks';
import { NUNJUCKS_OPTIONS, type TemplateSource } from './render.ts';
import { viewFolders } from './view-folders.ts';

interface Compiler {
  compile(src: string, asyncFilters: string[], extensions: unknown[], name: string, opts: object): string;
}

/** The code of one template, as render.ts's `TemplateSource` gives it. */
export const compileTemplate = (name: string, source: string): string =>
  (nunjucks as unknown as { compiler: Compiler }).compiler.compile(source, [], [], name, NUNJUCKS_OPTIONS);

/** The .njk file a name stands for: the first folder holding it, never a file outside the folders. */
const fileOf = (folders: readonly string[], name: string): string | undefined => {
  for (const folder of folders) {
    const file = resolve(folder, name);
    if (file.startsWith(resolve(folder) + sep) && existsSync(file)) return file;
  }
  return undefined;
};

const compiled = new Map<string, string | undefined>();

/** The templates of `viewFolders(extra)`, each compiled from its file on first use and kept. */
export const templatesFromSource = (extra: readonly string[] = []): TemplateSource => {
  const folders = viewFolders(extra);
  return (name) => {
    const file = fileOf(folders, name);
    if (!file) return undefined;
    if (!compiled.has(file)) compiled.set(file, compileTemplate(name, readFileSync(file, 'utf8')));
    return compiled.get(file);
  };
};

/**
 * Compiles every template of `viewFolders()` into `outDir` as `<name>.js`, where
 * `precompiledTemplates(outDir)` finds it; a name in two folders is the first folder's, as on one
 * machine. Returns the names written.
 */
export const precompileTemplates = (outDir: string): string[] => {
  const written = new Set<string>();
  for (const folder of viewFolders()) {
    for (const name of globSync('**/*.njk', { cwd: folder }).map((path) => path.split(sep).join('/'))) {
      if (written.has(name)) continue;
      written.add(name);
      const file = join(outDir, `${name}.js`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, compileTemplate(name, readFileSync(join(folder, name), 'utf8')));
    }
  }
  return [...written];
};
