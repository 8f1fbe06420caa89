import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTemplate, precompileTemplates, templatesFromSource } from './compile-views.ts';
import { messages } from './i18n/index.ts';
import { precompiledTemplates, templateRenderer } from './render.ts';

let dir: string;
let names: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ff-templates-'));
  names = precompileTemplates(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the compiled templates', () => {
  it('are every screen’s view, the layout and GOV.UK Frontend’s template and components', () => {
    // Assess
    expect(names).toEqual(
      expect.arrayContaining([
        'start/view.njk',
        'errors/view.njk',
        'submit/check.njk',
        'layout.njk',
        'govuk/template.njk',
        'govuk/components/button/macro.njk',
      ]),
    );
    expect(names.filter((name) => /demo/i.test(name))).toEqual([]);
  });

  it('render a page compiled at build time exactly as compiled from its .njk file, escaping what people wrote', async () => {
    // Prepare
    const context = {
      t: await messages('en'),
      locale: 'en',
      cspNonce: 'n0nce-value',
      assetPath: '/assets',
      nav: [],
      languages: [],
      pageTitle: 'Page not found',
      heading: 'Page not found',
      body: '<script>alert("x")</script>',
    };

    // Act
    const built = templateRenderer(precompiledTemplates(dir))('errors/view.njk', context);
    const fromSource = templateRenderer(templatesFromSource())('errors/view.njk', context);

    // Assess
    expect(built).toBe(fromSource);
    expect(built).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
    expect(built).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(built).not.toContain('<script>alert');
    expect(built).toContain('src="/assets/app.js" nonce="n0nce-value"');
    expect(built).toContain('<script nonce="n0nce-value">document.body.className');
  });

  it('escape by default and trim block tags, as the pages always have', () => {
    // Prepare
    const source = (name: string) =>
      name === 'x.njk' ? compileTemplate(name, '{% if v %}\n  <p>{{ v }}</p>\n{% endif %}\n') : undefined;

    // Act
    const html = templateRenderer(source)('x.njk', { v: '<b>bold</b>' });

    // Assess
    expect(html).toBe('  <p>&lt;b&gt;bold&lt;/b&gt;</p>\n');
  });

  it('are read only from their own folder', () => {
    // Act
    const read = precompiledTemplates(join(dir, 'govuk'));

    // Assess
    expect(read('components/button/macro.njk')).toContain('root');
    expect(read('../errors/view.njk')).toBeUndefined();
    expect(read('../../../../etc/passwd')).toBeUndefined();
  });
});
